import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { createServer } from '../src/server/create-server.js';

/** The real HTTP service on a free loopback port, for benchmarks. */
export async function startBenchServer(db: Database): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(db, loadConfig(), createLogger({ logLevel: 'silent' }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
