import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

/**
 * The house's layers, lowest first: a module may import its own layer and the ones below, never one above.
 * Models and settings know nothing of the rest; the database and the records written to it know the model;
 * the domain modules read through them; GraphQL calls the domain; the service and the CLI sit on top.
 */
const LAYERS: { name: string; paths: string[] }[] = [
  { name: 'model', paths: ['src/model/', 'src/names/', 'src/config\\.ts'] },
  { name: 'records and db', paths: ['src/db/', 'src/records/', 'src/formats/', 'src/local-neo4j/'] },
  {
    name: 'domain',
    paths: [
      'src/restrictions/',
      'src/search/',
      'src/brands/',
      'src/ownership/',
      'src/graph-view/',
      'src/import/',
      'src/export/',
      'src/curation/',
      'src/lists/',
      'src/screening/',
      'src/sync/',
    ],
  },
  { name: 'graphql', paths: ['src/graphql/'] },
  { name: 'service and CLI', paths: ['src/server/', 'src/cli/', 'src/main\\.ts'] },
];

const pattern = (paths: string[]) => `^(${paths.join('|')})`;

const rules: IForbiddenRuleType[] = [
  { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  // The explorer runs in the browser: it may import nothing of the server's but what it shares: the writer (src/formats) and the operations.
  {
    name: 'explorer-stays-in-the-browser',
    severity: 'error',
    from: { path: '^src/explorer/' },
    to: { path: '^src/(?!explorer/|formats/|operations/)' },
  },
  ...LAYERS.slice(0, -1).map((layer, index) => ({
    name: `${layer.name}-imports-no-higher-layer`,
    severity: 'error' as const,
    from: { path: pattern(layer.paths) },
    to: { path: pattern(LAYERS.slice(index + 1).flatMap((higher) => higher.paths)) },
  })),
];

describe('the import graph', () => {
  it('has no circle and no import from a lower layer to a higher one', async () => {
    const result = await cruise(['src'], {
      validate: true,
      ruleSet: { forbidden: rules },
      tsPreCompilationDeps: true,
      exclude: { path: 'node_modules' },
    });
    if (typeof result.output === 'string') throw new Error('expected the cruise result as an object');
    const violations = result.output.summary.violations.map(
      (violation) =>
        `${violation.rule.name}: ${violation.from} → ${violation.to}${violation.cycle ? ` (${violation.cycle.map((step) => step.name).join(' → ')})` : ''}`,
    );
    expect(violations).toEqual([]);
  });
});
