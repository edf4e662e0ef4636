import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Options every query command accepts. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  'as-of': { type: 'string' },
} as const satisfies OptionSpecs;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses a command's arguments strictly: an unknown option or a missing value is a UsageError (exit 2), and
 * `--as-of` must look like YYYY-MM-DD (the API checks that the date exists).
 */
export function parseOptions<const O extends OptionSpecs>(args: string[], options: O) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  const asOf = (parsed.values as Record<string, unknown>)['as-of'];
  if (typeof asOf === 'string' && !ISO_DATE.test(asOf)) {
    throw new UsageError(`--as-of must be a date written YYYY-MM-DD, got "${asOf}"`);
  }
  return parsed;
}

/** The positionals joined into one name, so `explain Hangzhou Hikvision` needs no quotes. */
export function nameArgument(positionals: string[], what = '<name|id>'): string {
  const name = positionals.join(' ').trim();
  if (name === '') throw new UsageError(`Missing ${what}.`);
  return name;
}

/** The date a command answers for: --as-of, else today (UTC), as the API's own default. */
export function asOfOrToday(asOf: string | undefined): string {
  return asOf ?? new Date().toISOString().slice(0, 10);
}
