import http from 'node:http';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createLogger, type Logger } from '../logger.js';
import { metricsPlugin } from './metrics.js';
import { createYoga } from '../graphql/create-yoga.js';
import { serveExplorer } from './explorer-assets.js';
import { checkHealth } from './health.js';

/** The HTTP service: GET /health, /metrics (Prometheus), /graphql (API and GraphiQL) and the explorer at / . */
export function createServer(
  db: Database,
  config: Config,
  logger: Logger = createLogger(config),
): http.Server & { graphql: GraphQLEndpoint } {
  const yoga = createYoga(db, config, logger, [metricsPlugin(db)]);
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      const health = await checkHealth(db);
      response.writeHead(health.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
      response.end(JSON.stringify(health));
      return;
    }
    if (url.pathname.startsWith('/graphql') || url.pathname === '/metrics') {
      await yoga.handle(request, response);
      return;
    }
    serveExplorer(url.pathname, response);
  });
  // The endpoint itself, so the service can ask it questions before it listens (see warm-up.ts).
  return Object.assign(server, { graphql: yoga });
}

export type GraphQLEndpoint = Pick<ReturnType<typeof createYoga>, 'fetch'>;
