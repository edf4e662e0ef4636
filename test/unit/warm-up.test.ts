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
        const { query } = JSON.parse(String(init.body)) as { query: string };
        const name = /\b(search|screenEntries|explainRestrictions|neighborhood)\b/.exec(query)?.[1] ?? '?';
        asked.push(name);
        if (name === 'search' && ++searches <= 2)
          return json({ errors: [{ message: 'took too long', extensions: { code: 'REQUEST_TIMEOUT' } }] });
        if (name === 'search') return json({ data: { search: { edges: [{ node: { id: 'hikvision' } }] } } });
        return json({ data: {} });
      },
    };
    const lines: string[] = [];
    await warmUp(endpoint, (line) => lines.push(line));
    expect(asked).toEqual([
      'search',
      'search',
      'search',
      'screenEntries',
      'explainRestrictions',
      'neighborhood',
    ]);
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
    // Ten tries of the search (no hit to explain), ten of the screening.
    expect(asked).toBe(20);
    expect(lines.at(-1)).toMatch(/^Warmed up in/);
  });
});
