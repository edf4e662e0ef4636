import { randomUUID } from 'node:crypto';
import { getOperationAST, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';

interface RequestFacts {
  id: string;
  started: number;
  operation: string | null;
  errors: GraphQLError[];
}

/** A client may pass its own request id to follow a request through; anything odd is replaced. */
const CLIENT_REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * One JSON line per request: request id (also sent back as x-request-id), operation name, status, duration and
 * the error codes. Client errors are logged by code and message only; an unexpected error is logged with its
 * stack, which the client never sees.
 */
export function requestLogPlugin(logger: Logger): Plugin {
  const facts = new WeakMap<Request, RequestFacts>();
  return {
    onRequest({ request }) {
      const given = request.headers.get('x-request-id');
      facts.set(request, {
        id: given && CLIENT_REQUEST_ID.test(given) ? given : randomUUID(),
        started: performance.now(),
        operation: null,
        errors: [],
      });
    },
    onParams({ params, request }) {
      const known = facts.get(request);
      if (known) known.operation = params.operationName ?? null;
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const known = request && facts.get(request);
      if (known) {
        known.operation ??= getOperationAST(args.document, args.operationName)?.name?.value ?? null;
      }
    },
    onResultProcess({ request, result }) {
      const known = facts.get(request);
      const results = Array.isArray(result) ? result : [result];
      for (const one of results) {
        const errors = (one as { errors?: readonly GraphQLError[] }).errors;
        if (known && errors) known.errors.push(...errors);
      }
    },
    onResponse({ request, response }) {
      const known = facts.get(request);
      if (!known) return;
      response.headers.set('x-request-id', known.id);
      const codes = known.errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN'));
      const line = {
        reqId: known.id,
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        operation: known.operation,
        durationMs: Math.round((performance.now() - known.started) * 10) / 10,
        ...(codes.length > 0 ? { errorCodes: [...new Set(codes)] } : {}),
      };
      const unexpected = known.errors.filter((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR');
      if (unexpected.length > 0) {
        logger.error({ ...line, err: unexpected[0]?.originalError ?? unexpected[0] }, 'request failed');
      } else if (codes.length > 0) {
        logger.info({ ...line, errors: known.errors.map((error) => error.message) }, 'request');
      } else {
        logger.info(line, 'request');
      }
    },
  };
}
