import fs from 'node:fs';
import path from 'node:path';
import { withApi } from '../api.js';
import { EXIT, UsageError, type Command } from '../command.js';
import { renderTable } from '../format/table.js';
import { SCREEN_ENTRIES } from '../../operations/operations.js';
import { COMMON_OPTIONS, parseOptions } from '../options.js';
import { progressBar } from '../progress.js';
import { readScreenInput, ScreenInputError, type ScreenEntry } from '../screen-input.js';
import {
  screeningCsv,
  screeningRow,
  screeningSummary,
  summaryLine,
  type ScreeningRow,
} from '../screening-report.js';
import { today } from '../../model/period.js';

/** Names per request: small enough for the progress bar to move, far below the API's limit of 500. */
const BATCH_SIZE = 10;

export const screenCommand: Command = {
  name: 'screen',
  usage:
    'screen <file.csv|names...> [--column NAME] [--country-column NAME] [--id-column SCHEME=NAME]... ' +
    '[--out FILE] [--as-of DATE] [--json]',
  summary:
    'screen a spreadsheet of names (with countries and identifiers) into a report with a verdict per row; ' +
    'exit 1 when any row is restricted, a possible match or ambiguous',
  run: (context) =>
    withApi(context, async (api) => {
      const { values, positionals } = parseOptions(context.args, {
        ...COMMON_OPTIONS,
        column: { type: 'string' },
        'country-column': { type: 'string' },
        'id-column': { type: 'string', multiple: true },
        out: { type: 'string' },
      });
      if (values.out && !/\.(csv|json)$/i.test(values.out)) {
        throw new UsageError('--out must name a .csv or .json file');
      }
      let entries: ScreenEntry[];
      try {
        entries = await readScreenInput(positionals, {
          name: values.column,
          country: values['country-column'],
          identifiers: values['id-column'],
        });
      } catch (error) {
        if (!(error instanceof ScreenInputError)) throw error;
        context.err(`Error: ${error.message}`);
        return EXIT.INVALID_INPUT;
      }
      const asOf = values['as-of'] ?? null;
      const bar = progressBar('Screening', (text) =>
        process.stderr.isTTY ? process.stderr.write(text) : context.err(text.trimEnd()),
      );
      const rows: ScreeningRow[] = [];
      for (let start = 0; start < entries.length; start += BATCH_SIZE) {
        const { screenEntries } = await api.request(SCREEN_ENTRIES, {
          entries: entries.slice(start, start + BATCH_SIZE),
          asOf,
        });
        rows.push(...screenEntries.map(screeningRow));
        if (entries.length > BATCH_SIZE) bar.update(rows.length, entries.length);
      }
      if (entries.length > BATCH_SIZE) bar.done();
      const summary = screeningSummary(rows);
      const report = { asOf: asOf ?? today(), summary, rows };
      if (values.out) {
        const file = path.resolve(values.out);
        fs.writeFileSync(
          file,
          /\.json$/i.test(file) ? `${JSON.stringify(report, null, 2)}\n` : screeningCsv(rows),
        );
      }
      if (values.json) context.out(JSON.stringify(report, null, 2));
      else {
        context.out(
          renderTable(['input', 'verdict', 'match', 'score', 'restricted by'], rows.map(tableRow)).join('\n'),
        );
        context.out(`\n${summaryLine(rows)}` + (values.out ? ` Report written to ${values.out}.` : ''));
      }
      return summary.RESTRICTED + summary.POSSIBLE_MATCH + summary.AMBIGUOUS > 0 ? EXIT.FOUND : EXIT.OK;
    }),
};

function tableRow(row: ScreeningRow): string[] {
  const match =
    row.status === 'AMBIGUOUS'
      ? row.candidates.map((candidate) => candidate.id).join(' | ')
      : row.matchName
        ? `${row.matchName} (${row.matchId})`
        : '';
  const restrictedBy = row.measures.length
    ? `${row.measures.length} measure${row.measures.length === 1 ? '' : 's'} (${row.basis.join(', ')})`
    : '';
  const verdict = row.status === 'AMBIGUOUS' ? `${row.verdict} (ambiguous)` : row.verdict;
  return [row.input, verdict, match, row.score === null ? '' : row.score.toFixed(2), restrictedBy];
}
