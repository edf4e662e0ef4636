import { withApi } from '../api.js';
import { EXIT, UsageError, type Command } from '../command.js';
import { renderTable } from '../format/table.js';
import { SEARCH } from '../../operations/operations.js';
import { nameArgument, parseOptions } from '../options.js';

export const searchCommand: Command = {
  name: 'search',
  usage: 'search <text> [--limit N] [--json]',
  summary: 'find companies, people, government bodies and brands by name or alias (exit 4 when none)',
  run: (context) =>
    withApi(context, async (api) => {
      const { values, positionals } = parseOptions(context.args, {
        json: { type: 'boolean' },
        limit: { type: 'string', default: '20' },
      });
      const first = Number(values.limit);
      if (!Number.isInteger(first) || first < 1)
        throw new UsageError('--limit must be a whole number above 0');
      const query = nameArgument(positionals, '<text>');
      const { search } = await api.request(SEARCH, {
        query,
        first,
      });
      if (values.json) context.out(JSON.stringify(search, null, 2));
      else if (search.edges.length === 0) context.out(`Nothing matches "${query}".`);
      else {
        context.out(
          renderTable(
            ['score', 'id', 'kind', 'name', 'matched name'],
            search.edges.map((edge) => [
              edge.score.toFixed(2),
              edge.node.id,
              edge.node.kind,
              edge.node.name,
              edge.matchedName === edge.node.name ? '' : edge.matchedName,
            ]),
          ).join('\n'),
        );
        if (search.totalCount > search.edges.length) {
          context.out(`(${search.edges.length} of ${search.totalCount}; use --limit to see more)`);
        }
      }
      return search.edges.length > 0 ? EXIT.OK : EXIT.NOT_FOUND;
    }),
};
