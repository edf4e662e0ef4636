import { pino } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createYoga } from '../graphql/create-yoga.js';
import { createLogger } from '../logger.js';
import type { Operation } from '../operations/operations.js';
import { prepareGraph } from '../records/prepare-graph.js';
import { EXIT, type CommandContext } from './command.js';

/** The public GraphQL API, executed in process: the CLI asks exactly what a client over HTTP would ask. */
export interface Api {
  request<Result, Variables>(operation: Operation<Result, Variables>, variables: Variables): Promise<Result>;
}

/** A GraphQL error the API returned, with the code it carries (BAD_USER_INPUT, NOT_FOUND, ...). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }

  get exitCode(): number {
    if (this.code === 'BAD_USER_INPUT' || this.code === 'GRAPHQL_VALIDATION_FAILED')
      return EXIT.INVALID_INPUT;
    if (this.code === 'NOT_FOUND') return EXIT.NOT_FOUND;
    return EXIT.FAILURE;
  }
}

/**
 * Goes through yoga's own request pipeline (limits, validation, error masking), so the CLI's answers and errors
 * are the ones the HTTP endpoint gives.
 */
export function createApi(db: Database, config: Config): Api {
  // Only unexpected errors are logged, to stderr, so that stdout stays the command's answer.
  const yoga = createYoga(
    db,
    config,
    createLogger({ logLevel: 'error' }, pino.destination({ dest: 2, sync: true })),
  );
  return {
    async request<Result, Variables>(
      operation: Operation<Result, Variables>,
      variables: Variables,
    ): Promise<Result> {
      const response = await yoga.fetch('http://cli.local/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: operation, variables }),
      });
      const body = (await response.json()) as GraphQLResponse<Result>;
      const [first] = body.errors ?? [];
      if (first) throw new ApiError(first.message, first.extensions?.code);
      if (!body.data) throw new ApiError(`The API answered HTTP ${response.status} without data.`, undefined);
      return body.data;
    },
  };
}

/**
 * Runs a command body against the API, on a graph prepared as the service prepares it (schema; seed data when
 * empty), and turns API errors into messages and trustworthy exit codes.
 *
 * @example
 * run: (context) => withApi(context, async (api) => { ...; return EXIT.OK; })
 */
export async function withApi(context: CommandContext, body: (api: Api) => Promise<number>): Promise<number> {
  const db = await context.database();
  await prepareGraph(db, context.err, { trustRecorded: true });
  const api = createApi(db, context.config());
  try {
    return await body(api);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    context.err(`Error: ${error.message}${error.code ? ` (${error.code})` : ''}`);
    return error.exitCode;
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}
