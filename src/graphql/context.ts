import type { Config } from '../config.js';
import { authenticate, type Caller } from '../curation/authenticate.js';
import type { Database } from '../db/database.js';
import { forbidden } from './errors.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  db: Database;
  loaders: Loaders;
  settings: Pick<Config, 'screenThreshold' | 'screenReviewThreshold'> & {
    /** API keys are configured, so the audit trail is for key holders only. */
    keysConfigured: boolean;
  };
  /** Whoever the request's API key belongs to; undefined without a valid key. */
  caller: Caller | undefined;
}

export function createContext(db: Database, config: Config, request?: Request): Context {
  const caller = authenticate(request?.headers, config.apiKeys);
  if (config.readsRequireKey && !caller) throw forbidden('This server needs an API key for every request.');
  // Everything the request asks of the database shares one time limit (REQUEST_TIMEOUT_MS).
  const requestDb = db.withTimeLimit(config.timeouts.requestMs);
  return {
    db: requestDb,
    loaders: createLoaders(requestDb),
    settings: {
      screenThreshold: config.screenThreshold,
      screenReviewThreshold: config.screenReviewThreshold,
      keysConfigured: config.apiKeys.length > 0,
    },
    caller,
  };
}
