import type { Config } from '../config.js';
import { authenticate, type Caller } from '../curation/authenticate.js';
import type { Database } from '../db/database.js';
import { forbidden } from './errors.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  db: Database;
  loaders: Loaders;
  settings: Pick<Config, 'screenThreshold'>;
  /** Whoever the request's API key belongs to; undefined without a valid key. */
  caller: Caller | undefined;
}

export function createContext(db: Database, config: Config, request?: Request): Context {
  const caller = authenticate(request?.headers, config.apiKeys);
  if (config.readsRequireKey && !caller) throw forbidden('This server needs an API key for every request.');
  return { db, loaders: createLoaders(db), settings: { screenThreshold: config.screenThreshold }, caller };
}
