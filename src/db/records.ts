import neo4j, { isDate, isDateTime, isInt, type Integer } from 'neo4j-driver';

/**
 * The one place where driver values become plain JavaScript: integers become numbers (or an error when they
 * do not fit), temporal values become ISO strings. Nothing else in the code calls toNumber or isInt.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return integerToNumber(value as Integer);
  if (isDate(value) || isDateTime(value)) return value.toString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    if ('properties' in value && 'labels' in value)
      return toPlain((value as { properties: object }).properties);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item)]));
  }
  return value;
}

function integerToNumber(value: Integer): number {
  if (!value.inSafeRange())
    throw new RangeError(`Integer ${value.toString()} is outside the safe range of numbers`);
  return value.toNumber();
}

/** An ISO calendar date as a Neo4j DATE parameter. */
export function dateParam(iso: string): neo4j.Date<number> {
  const [year, month, day] = iso.split('-').map(Number);
  return new neo4j.types.Date(year ?? 0, month ?? 0, day ?? 0);
}

/** A whole number as a Neo4j INTEGER parameter (a JavaScript number would be sent as FLOAT). */
export function intParam(value: number): Integer {
  return neo4j.int(value);
}
