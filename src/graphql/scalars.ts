import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isIsoDate, isIsoDateTime, quote } from '../model/values.js';

/**
 * A strict string scalar: `accepts` is the model's own check (src/model/values.ts), so the API takes exactly the
 * values a seed file may hold. A refused value is a plain TypeError, which graphql-js wraps with the variable or
 * the literal's location; request-errors.ts turns that into BAD_USER_INPUT naming the variable or argument.
 */
// The descriptions repeat schema/base.graphql's, since a scalar given here replaces the SDL's.
function strictScalar(name: string, description: string, accepts: (value: unknown) => boolean, form: string) {
  const parse = (value: unknown): string => {
    if (!accepts(value)) throw new TypeError(`${name}: expected ${form}, got ${quote(value)}`);
    return value as string;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => value,
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : literalText(ast)),
  });
}

/** What a client wrote, for the message: `1` for an Int literal, not undefined. */
function literalText(ast: ValueNode): unknown {
  return 'value' in ast ? ast.value : ast.kind;
}

export const DateScalar = strictScalar(
  'Date',
  'A calendar date, written YYYY-MM-DD. Dates carry no time zone; "today" is the current date in UTC.',
  isIsoDate,
  'a calendar date written YYYY-MM-DD',
);

export const DateTimeScalar = strictScalar(
  'DateTime',
  'A point in time, ISO 8601 (RFC 3339) with a time zone: 2021-03-07T12:00:00Z, or with an offset such as +08:00.',
  isIsoDateTime,
  'a date and time such as 2021-03-07T12:00:00Z (RFC 3339)',
);
