import { describe, expect, it } from 'vitest';
import { warmUp, type GraphQLEndpoint } from '../../src/server/warm-up.js';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

describe('warm-up', () => {
  it('asks a question again while it runs out of time (the first name-statistics read), then goes on', async () => {
    const asked: string[] = [];
    let searches = 0;
    const endpoint: GraphQLEndpoint = {
      fetch: async (_url, init) => {
        const { query, variables } = JSON.parse(String(init.body)) as {
          query: string;
          variables: { id?: string };
        };
        const name =
          /\b(search|screenEntries|lists|explainRestrictions|neighborhood)\b/.exec(query)?.[1] ?? '?';
        asked.push(variables.id ? `${name} ${variables.id}` : name);
        if (name === 'search' && ++searches <= 2)
          return json({ errors: [{ message: 'took too long', extensions: { code: 'REQUEST_TIMEOUT' } }] });
        if (name === 'search') return json({ data: { search: { edges: [{ node: { id: 'ezviz' } }] } } });
        if (name === 'lists') {
          const party = { memberConnection: { edges: [{ node: { party: { id: 'hikvision' } } }] } };
          return json({ data: { lists: [{ memberConnection: { edges: [] } }, party] } });
        }
        return json({ data: {} });
      },
    };
    const lines: string[] = [];
    await warmUp(endpoint, (line) => lines.push(line));
    // The search hit and the first listed party are explained; the neighbourhood is the listed party's.
    const round = [
      'search',
      'screenEntries',
      'lists',
      'explainRestrictions ezviz',
      'explainRestrictions hikvision',
      'neighborhood hikvision',
    ];
    expect(asked).toEqual(['search', 'search', ...round, ...round, ...round]);
    expect(lines.filter((line) => /still reading/.test(line))).toHaveLength(2);
    expect(lines.at(-1)).toMatch(/^Warmed up in/);
  });

  it('gives up on a question that keeps running out of time, and still ends', async () => {
    let asked = 0;
    const endpoint: GraphQLEndpoint = {
      fetch: async () => {
        asked += 1;
        return json({ errors: [{ message: 'took too long', extensions: { code: 'REQUEST_TIMEOUT' } }] });
      },
    };
    const lines: string[] = [];
    await warmUp(endpoint, (line) => lines.push(line));
    // Ten tries of the search, and nothing more is asked of a database that cannot answer it.
    expect(asked).toBe(10);
    expect(lines.at(-1)).toBe('Warm-up stopped: ran out of time 10 times');
  });
});
