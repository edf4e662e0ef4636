import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { printable } from '../model/values.js';

/**
 * A client's mistake in the request itself (unparsable GET parameters, a variable of the wrong type, a value
 * its scalar refuses) answers HTTP 400 with a code and the name of what was wrong, never INTERNAL_SERVER_ERROR.
 */
export function requestErrorsPlugin(): Plugin {
  return {
    onRequest({ url, endResponse }) {
      const problem = badSearchParameter(url.searchParams);
      if (problem) endResponse(errorResponse(problem));
    },
    onValidate({ params }) {
      return ({ result, setResult }) => {
        if (result.length > 0) setResult(result.map((error) => withArgument(error, params.documentAST)));
      };
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          // graphql-js answers without `data` only when it could not start: variables that do not coerce, or
          // an operation it cannot pick.
          const single = result as ExecutionResult;
          if (!('data' in single) && single.errors)
            setResult({ errors: single.errors.map((error) => requestError(error)) });
        },
      };
    },
  };
}

/** GET's `variables` and `extensions` must be JSON objects; yoga would fail on them with a 500. */
function badSearchParameter(params: URLSearchParams): GraphQLError | undefined {
  for (const name of ['variables', 'extensions']) {
    const raw = params.get(name);
    if (raw === null || raw === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return badRequest(name, `the "${name}" parameter is not valid JSON`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return badRequest(name, `the "${name}" parameter must be a JSON object`);
  }
  return undefined;
}

function badRequest(parameter: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', parameter } });
}

function errorResponse(error: GraphQLError): Response {
  return new Response(JSON.stringify({ errors: [error.toJSON()] }), {
    status: 400,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

/** A variable that does not coerce: BAD_USER_INPUT naming the variable; other start-up failures BAD_REQUEST. */
function requestError(error: GraphQLError): GraphQLError {
  const definition = error.nodes?.find((node) => node.kind === Kind.VARIABLE_DEFINITION);
  const variable = definition?.kind === Kind.VARIABLE_DEFINITION ? definition.variable.name.value : undefined;
  return new GraphQLError(printable(error.message, 1000), {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    extensions: {
      ...error.extensions,
      code: variable ? 'BAD_USER_INPUT' : (error.extensions.code ?? 'BAD_REQUEST'),
      ...(variable ? { variable } : {}),
      http: { status: 400 },
    },
  });
}

/**
 * A validation error, with the argument a refused literal (a bad date, a string for an Int) was given for.
 * Yoga answers it as GraphQL-over-HTTP says: 400 for application/graphql-response+json, 200 for
 * application/json.
 */
function withArgument(error: unknown, document: DocumentNode): GraphQLError {
  if (!(error instanceof GraphQLError) && (error as Error).name !== 'GraphQLError')
    return error as GraphQLError;
  const graphQLError = error as GraphQLError;
  const argument = graphQLError.nodes?.[0] && argumentOf(document, graphQLError.nodes[0]);
  const message = printable(graphQLError.message, 1000);
  return new GraphQLError(argument && !message.startsWith(argument) ? `${argument}: ${message}` : message, {
    ...(graphQLError.nodes ? { nodes: graphQLError.nodes } : {}),
    extensions: {
      // A scalar refusing a literal (a bad date) is the client's value, not the document's shape.
      code: graphQLError.originalError ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED',
      ...graphQLError.extensions,
      ...(argument ? { argument } : {}),
    },
  });
}

/** The name of the argument whose value contains `node`, if any. */
function argumentOf(document: DocumentNode, node: ASTNode): string | undefined {
  let found: string | undefined;
  const stack: string[] = [];
  visit(document, {
    Argument: { enter: (argument) => void stack.push(argument.name.value), leave: () => void stack.pop() },
    enter(current) {
      if (current === node && stack.length > 0) found = stack[stack.length - 1];
    },
  });
  return found;
}
