import fs from 'node:fs';
import path from 'node:path';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';
import { PROJECT_ROOT } from '../config.js';

/** The query GraphiQL opens with: the README's example (a test keeps the two the same). */
export const EXAMPLE_QUERY = fs.readFileSync(
  path.join(PROJECT_ROOT, 'src/graphql/example-query.graphql'),
  'utf8',
);

export const GRAPHIQL_OPTIONS: GraphiQLOptions = {
  title: 'restricted-graph GraphiQL',
  defaultQuery: EXAMPLE_QUERY,
};

/**
 * GraphiQL with its scripts, styles and editor workers inlined from node_modules (no CDN, so it works offline).
 * The page is about 9 MB and the same for every request, so it is rendered once.
 */
export function offlineGraphiQL(): (options: GraphiQLOptions) => string {
  let page: string | undefined;
  return (options) => (page ??= renderGraphiQL(options));
}
