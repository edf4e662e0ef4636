import { withApi } from '../api.js';
import { EXIT, type Command } from '../command.js';
import { entitiesOrExit } from '../entity-argument.js';
import { renderRestrictionReport, renderRestrictionSummary } from '../format/restriction-report.js';
import { EXPLAIN } from '../../operations/operations.js';
import type { RestrictionReport } from '../../operations/answers.js';
import { COMMON_OPTIONS, nameArgument, parseOptions } from '../options.js';

const OPTIONS = { ...COMMON_OPTIONS, full: { type: 'boolean' } } as const;

export const explainCommand: Command = {
  name: 'explain',
  usage: 'explain <name|id> [--as-of DATE] [--full] [--json]',
  summary:
    'why an entity is (or is not) restricted: one line per measure, or chains with citations with --full; exit 1 when restricted',
  run: (context) =>
    withApi(context, async (api) => {
      const { values, positionals } = parseOptions(context.args, OPTIONS);
      const entities = await entitiesOrExit(api, context, nameArgument(positionals), values.json);
      if (typeof entities === 'number') return entities;
      const reports: RestrictionReport[] = [];
      for (const entity of entities) {
        const answer = await api.request(EXPLAIN, {
          id: entity.id,
          asOf: values['as-of'] ?? null,
        });
        reports.push(answer.explainRestrictions);
      }
      const render = values.full ? renderRestrictionReport : renderRestrictionSummary;
      // One entity prints as before; a name shared by a brand and a company prints each under its own heading.
      context.out(
        values.json
          ? JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)
          : reports.map(render).join('\n\n'),
      );
      return reports.some((report) => report.restricted) ? EXIT.FOUND : EXIT.OK;
    }),
};
