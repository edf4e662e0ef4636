import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isIsoDate } from '../model/values.js';
import { UsageError } from './command.js';
import { today } from '../model/period.js';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Options every query command accepts. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  'as-of': { type: 'string' },
} as const satisfies OptionSpecs;

/**
 * Parses a command's arguments strictly: an unknown option, a missing value or an `--as-of` that is not a real
 * calendar date written YYYY-MM-DD is a UsageError (exit 2) with one plain line saying so.
 */
export function parseOptions<const O extends OptionSpecs>(args: string[], options: O) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node appends advice on '--' to unknown options; the first sentence is the one that says what is wrong.
    const [first] = (error as Error).message.split(/(?<=\.) /);
    throw new UsageError(first ?? (error as Error).message, { cause: error });
  }
  const asOf = (parsed.values as Record<string, unknown>)['as-of'];
  if (typeof asOf === 'string' && !isIsoDate(asOf)) {
    throw new UsageError(`--as-of must be a calendar date written YYYY-MM-DD, got "${asOf}"`);
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
  return asOf ?? today();
}
