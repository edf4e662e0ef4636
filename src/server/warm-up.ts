import { EXPLAIN, NEIGHBORHOOD, SCREEN_ENTRIES, SEARCH } from '../operations/operations.js';

/** How often the warm-up asks a question again that ran out of time. */
const TIMED_OUT_ATTEMPTS = 10;
/**
 * Rounds of the questions: a JVM that has run a query path once still interprets it. With one round the first
 * explain after a cold local start took 2.1x a warm one, with three 1.5x, for 2-3 s more before /health is ok
 * (`npm run bench:start`, 2 CPUs).
 */
const ROUNDS = 3;
/**
 * The first party of each list that has members: explaining one runs the restriction queries (designations,
 * measures, instruments, sources), which explaining an entity no list reaches does not.
 */
const FIRST_LISTED = /* GraphQL */ `
  query FirstListed {
    lists {
      memberConnection(first: 1) {
        edges {
          node {
            party {
              id
            }
          }
        }
      }
    }
  }
`;

type SearchAnswer = { edges?: { node: { id: string } }[] };
type ListsAnswer = { memberConnection: { edges: { node: { party: { id: string } } }[] } }[];

interface Answer {
  data?: Record<string, unknown>;
  errors?: { extensions?: { code?: string } }[];
}

/** What the warm-up asks: the service's GraphQL endpoint, in process. */
export interface GraphQLEndpoint {
  fetch(url: string, init: RequestInit): Response | Promise<Response>;
}

/**
 * Asks the questions clients ask first, a few rounds, before the service takes requests: a Neo4j that has just
 * started plans every query anew and the JIT compiles the code on the way, which made the first question after a
 * cold start 25 times slower than a warm one (`npm run bench:start`). They go to the service's own endpoint, whose
 * caches (parsed and validated documents) are warmed too. The entities asked about are the first search hit and
 * the first listed party, so any graph will do. A failure, or a question that keeps running out of time, ends
 * the warm-up with a log line, and the start goes on.
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
      if (!timedOut) return answer;
      if (attempt === TIMED_OUT_ATTEMPTS) throw new Error(`ran out of time ${attempt} times`);
      log(`Warm-up: still reading (attempt ${attempt} of ${TIMED_OUT_ATTEMPTS} ran out of time)`);
    }
  };
  const started = Date.now();
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const found = await ask(SEARCH, { query: 'technology', first: 1 });
      const hit = (found.data?.search as SearchAnswer | undefined)?.edges?.[0]?.node.id;
      await ask(SCREEN_ENTRIES, { entries: [{ name: 'Technology Co., Ltd.' }] });
      const lists = (await ask(FIRST_LISTED, {})).data?.lists as ListsAnswer | undefined;
      const listed = lists?.flatMap((list) => list.memberConnection.edges)[0]?.node.party.id;
      for (const id of new Set([hit, listed])) if (id) await ask(EXPLAIN, { id });
      const around = listed ?? hit;
      if (around) await ask(NEIGHBORHOOD, { id: around, depth: 2 });
    }
    log(`Warmed up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    log(`Warm-up stopped: ${(error as Error).message.split('\n')[0]}`);
  }
}
