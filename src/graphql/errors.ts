import { GraphQLError } from 'graphql';
import type { Neo4jError } from 'neo4j-driver';
import { CurationError } from '../curation/curation-error.js';
import { DatabaseDownError, TimeLimitError } from '../db/database.js';
import { printable } from '../model/values.js';

/** Domain errors become GraphQL errors here, each with a code clients can branch on. */
export function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(printable(`${argument}: ${message}`, 1000), {
    extensions: { code: 'BAD_USER_INPUT', argument },
  });
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`No ${what} with id "${id}". Use search(query:) to find ids.`, {
    extensions: { code: 'NOT_FOUND', id },
  });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/**
 * Decides what a client sees of an error: our own GraphQL errors as they are, an unreachable database as
 * DATABASE_UNAVAILABLE, anything else as a bare INTERNAL_SERVER_ERROR (never a stack trace or driver text).
 */
export function maskError(error: unknown): GraphQLError {
  // Errors are recognised by shape, not class: GraphQL errors may come from another copy of the graphql module.
  const located = error as Partial<GraphQLError>;
  const original = (located.originalError ?? error) as Partial<GraphQLError>;
  if (typeof original.extensions?.code === 'string') return error as GraphQLError;
  if ((error as Error).name === 'GraphQLError' && !located.originalError) {
    // Parse and validation errors, including the query limits: the message is meant for the client. The same
    // object goes back with a code added, because yoga logs every error that masking replaces, and a client's
    // mistake is not the operator's problem.
    Object.assign(located.extensions ?? {}, { code: 'GRAPHQL_VALIDATION_FAILED' });
    return error as GraphQLError;
  }
  // Both are the service's state, not the client's mistake: HTTP 503, so load balancers and clients retry.
  if (isDatabaseUnavailable(original)) {
    return new GraphQLError('The database is unavailable; try again shortly.', {
      extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } },
    });
  }
  if (isTimedOut(original)) {
    return new GraphQLError('The request took longer than the service allows and was stopped.', {
      extensions: { code: 'REQUEST_TIMEOUT', http: { status: 503 } },
    });
  }
  // The client gets no detail; the request log gets all of it (originalError is never serialised).
  return new GraphQLError('Unexpected error.', {
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
    originalError: original instanceof Error ? original : new Error(String(original)),
  });
}

/** Runs a domain operation, turning the domain's errors into GraphQL errors with the API's codes. */
export async function answer<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!(error instanceof CurationError)) throw error;
    throw error.problem === 'NOT_FOUND'
      ? notFound(error.field, error.id ?? '')
      : badInput(error.field, error.message);
  }
}

function isTimedOut(error: unknown): boolean {
  const code = (error as Partial<Neo4jError> | undefined)?.code;
  return error instanceof TimeLimitError || (typeof code === 'string' && /TransactionTimedOut/.test(code));
}

function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseDownError) return true;
  const code = (error as Partial<Neo4jError> | undefined)?.code;
  if (typeof code === 'string') return UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError');
  return (
    error instanceof Error &&
    /ECONNREFUSED|ETIMEDOUT|connection.*(closed|refused|timed? ?out)|acquisition timed out/i.test(
      error.message,
    )
  );
}
