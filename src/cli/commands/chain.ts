import { withApi } from '../api.js';
import { EXIT, type Command } from '../command.js';
import { Citations } from '../format/citations.js';
import { renderOwnershipTree } from '../format/ownership-tree.js';
import { entityLabel } from '../format/path.js';
import { OWNERSHIP_CHAIN } from '../../operations/operations.js';
import { asOfOrToday, COMMON_OPTIONS, nameArgument, parseOptions } from '../options.js';
import { entityOrExit } from '../entity-argument.js';

export const chainCommand: Command = {
  name: 'chain',
  usage: 'chain <name|id> [--down] [--as-of DATE] [--json]',
  summary: 'ownership paths up to the ultimate owners (or --down to holdings), with effective percentages',
  run: (context) =>
    withApi(context, async (api) => {
      const { values, positionals } = parseOptions(context.args, {
        ...COMMON_OPTIONS,
        down: { type: 'boolean' },
      });
      const entity = await entityOrExit(api, context, nameArgument(positionals), values.json);
      if (typeof entity === 'number') return entity;
      const { ownershipChain: chain } = await api.request(OWNERSHIP_CHAIN, {
        id: entity.id,
        direction: values.down ? 'DOWN' : 'UP',
        asOf: asOfOrToday(values['as-of']),
      });
      if (values.json) {
        context.out(JSON.stringify(chain, null, 2));
        return EXIT.OK;
      }
      const citations = new Citations();
      const asOf = asOfOrToday(values['as-of']);
      const lines =
        chain.paths.length === 0
          ? [`${entityLabel(chain.root)}: no ${values.down ? 'holdings' : 'owners'} recorded on ${asOf}.`]
          : [
              `${values.down ? 'Holdings' : 'Owners'} of ${chain.root.name} as of ${asOf}:`,
              ...renderOwnershipTree(chain, citations),
            ];
      if (chain.direction === 'UP' && chain.ultimateOwners.length > 0) {
        lines.push('', `Ultimate owners: ${chain.ultimateOwners.map(entityLabel).join('; ')}`);
      }
      if (chain.cyclesFound)
        lines.push('', 'Note: the ownership graph has a cycle here; those paths stop where it closes.');
      context.out([...lines, ...citations.section()].join('\n'));
      return EXIT.OK;
    }),
};
