import { describe, expect, it } from 'vitest';
import { warmUp, type GraphQLEndpoint } from '../../src/server/warm-up.js';
import { useSeededServer } from '../helpers/seeded-server.js';

const seeded = useSeededServer();

describe('the warm-up on the seed graph', () => {
  it('explains a listed party, so the restriction queries run before the first client asks', async () => {
    const exchanges: { query: string; variables: { id?: string }; answer: Record<string, unknown> }[] = [];
    const endpoint: GraphQLEndpoint = {
      fetch: async (_url, init) => {
        const response = await fetch(`${seeded.server().url}/graphql`, init);
        const answer = (await response.clone().json()) as Record<string, unknown>;
        const { query, variables } = JSON.parse(String(init.body)) as (typeof exchanges)[number];
        exchanges.push({ query, variables, answer });
        return response;
      },
    };
    const lines: string[] = [];
    await warmUp(endpoint, (line) => lines.push(line));

    expect(lines.at(-1)).toMatch(/^Warmed up in \d+\.\d s$/);
    expect(exchanges.filter(({ answer }) => answer.errors !== undefined)).toEqual([]);
    const explained = exchanges
      .filter(({ query }) => query.includes('explainRestrictions'))
      .map(
        ({ answer }) =>
          answer.data as { explainRestrictions: { entity: { id: string }; restricted: boolean } },
      )
      .map(({ explainRestrictions }) => explainRestrictions);
    // The first party the lists name is explained, and it is restricted.
    const lists = exchanges.find(({ query }) => /\blists\b/.test(query))?.answer.data as
      { lists: { memberConnection: { edges: { node: { party: { id: string } } }[] } }[] } | undefined;
    const listed = lists?.lists.flatMap((list) => list.memberConnection.edges)[0]?.node.party.id;
    expect(listed).toBeDefined();
    expect(explained.filter((report) => report.entity.id === listed && report.restricted)).toHaveLength(3);
    // Three rounds of the same questions.
    expect(exchanges.filter(({ query }) => query.includes('neighborhood')).length).toBe(3);
  });
});
