import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createServer } from '../../src/server/create-server.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface TestServer {
  url: string;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * The real HTTP service on a free port, talking to the given database; configured from the environment and
 * silent unless a test passes its own configuration or logger.
 */
export async function startTestServer(
  db: Database,
  options: { config?: Config; logger?: Logger } = {},
): Promise<TestServer> {
  const server = createServer(
    db,
    options.config ?? loadConfig(),
    options.logger ?? createLogger({ logLevel: 'silent' }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
