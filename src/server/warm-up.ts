import { EXPLAIN, NEIGHBORHOOD, SCREEN_ENTRIES, SEARCH } from '../operations/operations.js';

/** How often the warm-up asks a question again that ran out of time. */
const TIMED_OUT_ATTEMPTS = 10;

interface Answer {
  data?: Record<string, unknown>;
  errors?: { extensions?: { code?: string } }[];
}

/** What the warm-up asks: the service's GraphQL endpoint, in process. */
export interface GraphQLEndpoint {
  fetch(url: string, init: RequestInit): Response | Promise<Response>;
}

/**
 * Asks the questions clients ask first, once each, before the service takes requests: a Neo4j that has just
 * started plans every query anew and the JIT compiles the code on the way, which made the first question after a
 * cold start 25 times slower than a warm one (`npm run bench:start`). They go to the service's own endpoint, whose
 * caches (parsed and validated documents) are warmed too. The entity asked about is the first search hit, so any
 * graph will do; a failure here is logged and the start goes on.
 */
export async function warmUp(endpoint: GraphQLEndpoint, log: (line: string) => void): Promise<void> {
  const ask = async (query: string, variables: Record<string, unknown>) => {
    for (let attempt = 1; ; attempt++) {
      const response = await endpoint.fetch('http://warm-up/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'warm-up' },
        body: JSON.stringify({ query, variables }),
      });
      const answer = (await response.json()) as Answer;
      // The first search waits for the name statistics, whose read (26-40 s at a million entities) may outlast
      // one request; the read goes on, and asking again joins it.
      const timedOut = answer.errors?.some((error) => error.extensions?.code === 'REQUEST_TIMEOUT');
      if (!timedOut || attempt === TIMED_OUT_ATTEMPTS) return answer;
      log(`Warm-up: still reading (attempt ${attempt} of ${TIMED_OUT_ATTEMPTS} ran out of time)`);
    }
  };
  const started = Date.now();
  try {
    const found = await ask(SEARCH, { query: 'technology', first: 1 });
    const hit = (found.data?.search as { edges?: { node: { id: string } }[] } | undefined)?.edges?.[0];
    await ask(SCREEN_ENTRIES, { entries: [{ name: 'Technology Co., Ltd.' }] });
    if (hit) {
      await ask(EXPLAIN, { id: hit.node.id });
      await ask(NEIGHBORHOOD, { id: hit.node.id, depth: 2 });
    }
    log(`Warmed up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    log(`Warm-up skipped: ${(error as Error).message.split('\n')[0]}`);
  }
}
