import type { Database } from '../db/database.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  db: Database;
  loaders: Loaders;
}

export function createContext(db: Database): Context {
  return { db, loaders: createLoaders(db) };
}
