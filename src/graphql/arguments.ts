import { MAX_PATH_DEPTH } from '../db/queries/depth.js';
import { LIMITS, isPercent } from '../model/values.js';
import { badInput } from './errors.js';

/** Checks a whole-number argument against its range, before any Cypher runs. */
export function intArgument(
  name: string,
  value: number | null | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  const actual = value ?? fallback;
  if (!Number.isInteger(actual) || actual < min || actual > max) {
    throw badInput(name, `must be a whole number from ${min} to ${max}; got ${actual}`);
  }
  return actual;
}

export function percentArgument(name: string, value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isPercent(value)) throw badInput(name, `must be a percentage from 0 to 100; got ${value}`);
  return value;
}

export function idArgument(name: string, value: string): string {
  if (value.trim() === '' || value.length > LIMITS.id)
    throw badInput(name, `must be a non-empty id of at most ${LIMITS.id} characters`);
  return value;
}

/** A path bound: at least one relation (a path of none is the entity itself), at most the server's maximum. */
export function depthArgument(value: number | null | undefined): number {
  return intArgument('maxDepth', value, 6, 1, MAX_PATH_DEPTH);
}
