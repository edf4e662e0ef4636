import http from 'node:http';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createLogger, type Logger } from '../logger.js';
import { metricsPlugin } from './metrics.js';
import { createYoga } from '../graphql/create-yoga.js';
import { serveExplorer } from './explorer-assets.js';
import { checkHealth, type Health } from './health.js';
import { warmUp, type GraphQLEndpoint } from './warm-up.js';

/** The HTTP service: GET /health, /metrics (Prometheus), /graphql (API and GraphiQL) and the explorer at / . */
export function createServer(
  db: Database,
  config: Config,
  logger: Logger = createLogger(config),
): http.Server & { graphql: GraphQLEndpoint } {
  const yoga = createYoga(db, config, logger, [metricsPlugin(db)]);
  // A restarted Neo4j plans every query afresh (seconds each on a busy machine): the service asks its first
  // questions again, and says "warming" on /health meanwhile, so that once it says "ok" requests are quick again.
  let warming = false;
  db.onRestart(() => {
    warming = true;
    void warmUp(yoga, (line) => logger.info(line)).finally(() => {
      warming = false;
    });
  });
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      const checked = await checkHealth(db);
      const health: Health = checked.status === 'ok' && warming ? { ...checked, status: 'warming' } : checked;
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
