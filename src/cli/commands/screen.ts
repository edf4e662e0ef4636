import fs from 'node:fs';
import path from 'node:path';
import { withApi } from '../api.js';
import { EXIT, UsageError, type Command } from '../command.js';
import { renderTable } from '../format/table.js';
import { SCREEN } from '../../operations/operations.js';
import { COMMON_OPTIONS, parseOptions } from '../options.js';
import { progressBar } from '../progress.js';
import { readScreenInput, ScreenInputError } from '../screen-input.js';
import { screeningCsv, screeningRow, screeningSummary, type ScreeningRow } from '../screening-report.js';

/** Names per request: small enough for the progress bar to move, far below the API's limit of 500. */
const BATCH_SIZE = 10;

export const screenCommand: Command = {
  name: 'screen',
  usage: 'screen <file.csv|names...> [--column NAME] [--out FILE] [--as-of DATE] [--json]',
  summary: 'screen a spreadsheet of names into a report; exit 1 when any name is restricted or ambiguous',
  run: (context) =>
    withApi(context, async (api) => {
      const { values, positionals } = parseOptions(context.args, {
        ...COMMON_OPTIONS,
        column: { type: 'string' },
        out: { type: 'string' },
      });
      if (values.out && !/\.(csv|json)$/i.test(values.out)) {
        throw new UsageError('--out must name a .csv or .json file');
      }
      let names: string[];
      try {
        names = await readScreenInput(positionals, values.column);
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
      for (let start = 0; start < names.length; start += BATCH_SIZE) {
        const { screen } = await api.request(SCREEN, {
          names: names.slice(start, start + BATCH_SIZE),
          asOf,
        });
        rows.push(...screen.map(screeningRow));
        if (names.length > BATCH_SIZE) bar.update(rows.length, names.length);
      }
      if (names.length > BATCH_SIZE) bar.done();
      const summary = screeningSummary(rows);
      const report = { asOf: asOf ?? new Date().toISOString().slice(0, 10), summary, rows };
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
          renderTable(['input', 'status', 'match', 'score', 'restricted by'], rows.map(tableRow)).join('\n'),
        );
        context.out(
          `\n${rows.length} names: ${summary.RESTRICTED} restricted, ${summary.AMBIGUOUS} ambiguous, ` +
            `${summary.NOT_RESTRICTED} matched and not restricted, ${summary.NO_MATCH} without a match.` +
            (values.out ? ` Report written to ${values.out}.` : ''),
        );
      }
      return summary.RESTRICTED + summary.AMBIGUOUS > 0 ? EXIT.FOUND : EXIT.OK;
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
  return [row.input, row.status, match, row.score === null ? '' : row.score.toFixed(2), restrictedBy];
}
