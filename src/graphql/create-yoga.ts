import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { createYoga as createYogaServer, type Plugin } from 'graphql-yoga';
import { PROJECT_ROOT, type Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { createContext } from './context.js';
import { maskError } from './errors.js';
import { listBudgetPlugin } from './list-budget.js';
import { requestErrorsPlugin } from './request-errors.js';
import { GRAPHIQL_OPTIONS, offlineGraphiQL } from './graphiql.js';
import { requestLogPlugin } from './request-log.js';
import { resolvers } from './resolvers/index.js';

const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

/** Limits checked while validating a document, so a hostile query is refused before any Cypher runs. */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 3000,
  maxCost: 20000,
  /** Items of list arguments in one request, however split over fields and aliases: 500 screened names. */
  maxListItems: 500,
} as const;

export function loadTypeDefs(): string[] {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8'));
}

export function createSchema() {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}

/**
 * The GraphQL endpoint with its limits, error masking, request log and offline GraphiQL. `config` is the one
 * parsed at start; `plugins` are the server's own (metrics).
 */
export function createYoga(db: Database, config: Config, logger: Logger, plugins: Plugin[] = []) {
  // In production a refused query says which limit it broke, not the limit's value.
  const exposeLimits = !config.production;
  return createYogaServer({
    schema: createSchema(),
    graphqlEndpoint: '/graphql',
    context: ({ request }) => createContext(db, config, request),
    maskedErrors: { maskError },
    logging: logger,
    graphiql: GRAPHIQL_OPTIONS,
    renderGraphiQL: offlineGraphiQL(),
    landingPage: false,
    plugins: [
      requestLogPlugin(logger),
      requestErrorsPlugin(),
      listBudgetPlugin(QUERY_LIMITS.maxListItems),
      ...plugins,
      maxDepthPlugin({ n: QUERY_LIMITS.maxDepth, exposeLimits }),
      maxAliasesPlugin({ n: QUERY_LIMITS.maxAliases, exposeLimits }),
      maxTokensPlugin({ n: QUERY_LIMITS.maxTokens, exposeLimits }),
      costLimitPlugin({ maxCost: QUERY_LIMITS.maxCost, exposeLimits }),
    ],
  });
}
