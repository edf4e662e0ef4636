import { loadConfig, type Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  db: Database;
  loaders: Loaders;
  settings: Pick<Config, 'screenThreshold'>;
}

export function createContext(db: Database, config: Config = loadConfig()): Context {
  return { db, loaders: createLoaders(db), settings: { screenThreshold: config.screenThreshold } };
}
