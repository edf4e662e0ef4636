import { withApi } from '../api.js';
import { EXIT, type Command } from '../command.js';
import { renderRestrictionReport } from '../format/restriction-report.js';
import { EXPLAIN } from '../../operations/operations.js';
import { COMMON_OPTIONS, nameArgument, parseOptions } from '../options.js';
import { entityOrExit } from '../resolve-entity.js';

export const explainCommand: Command = {
  name: 'explain',
  usage: 'explain <name|id> [--as-of DATE] [--json]',
  summary: 'why an entity is (or is not) restricted, as a chain with citations; exit 1 when restricted',
  run: (context) =>
    withApi(context, async (api) => {
      const { values, positionals } = parseOptions(context.args, COMMON_OPTIONS);
      const entity = await entityOrExit(api, context, nameArgument(positionals), values.json);
      if (typeof entity === 'number') return entity;
      const { explainRestrictions: report } = await api.request(EXPLAIN, {
        id: entity.id,
        asOf: values['as-of'] ?? null,
      });
      context.out(values.json ? JSON.stringify(report, null, 2) : renderRestrictionReport(report));
      return report.restricted ? EXIT.FOUND : EXIT.OK;
    }),
};
