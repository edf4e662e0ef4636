import type { Config } from '../config.js';
import type { Database } from '../db/database.js';

/** What every command gets: its arguments, a lazily opened database, and where to write. */
export interface CommandContext {
  args: string[];
  database(): Promise<Database>;
  /** The configuration, read from the environment once per run. */
  config(): Config;
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Resolves to the process exit code. */
  run(context: CommandContext): Promise<number>;
}

/** Exit codes that scripts can rely on. */
export const EXIT = {
  OK: 0,
  /** The command ran and found something that needs attention (e.g. a screened name is restricted). */
  FOUND: 1,
  USAGE: 2,
  INVALID_INPUT: 3,
  NOT_FOUND: 4,
  AMBIGUOUS: 5,
  FAILURE: 10,
} as const;

export class UsageError extends Error {}
