import { GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from '../records/validate.js';
import { badInput } from './errors.js';

function parseDate(value: unknown): string {
  if (!isIsoDate(value))
    throw badInput('Date', `expected a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, written YYYY-MM-DD.',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A point in time, ISO 8601.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
      throw badInput('DateTime', `expected an ISO 8601 date and time, got ${JSON.stringify(value)}`);
    }
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || Number.isNaN(Date.parse(ast.value))) {
      throw badInput('DateTime', 'expected an ISO 8601 date and time');
    }
    return ast.value;
  },
});
