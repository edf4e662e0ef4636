/**
 * A curation request the graph cannot take: bad input (naming the input field at fault) or a fact that is not
 * there. Curation knows nothing of GraphQL; src/graphql/errors.ts turns these into the API's error codes.
 */
export class CurationError extends Error {
  override readonly name = 'CurationError';

  private constructor(
    readonly problem: 'INVALID' | 'NOT_FOUND',
    /** The input field at fault, e.g. `input.reason`; for NOT_FOUND, what was looked for. */
    readonly field: string,
    message: string,
    /** For NOT_FOUND, the id that was not found. */
    readonly id?: string,
  ) {
    super(message);
  }

  static invalid(field: string, message: string): CurationError {
    return new CurationError('INVALID', field, message);
  }

  static notFound(what: string, id: string): CurationError {
    return new CurationError('NOT_FOUND', what, `no ${what} with id "${id}"`, id);
  }
}
