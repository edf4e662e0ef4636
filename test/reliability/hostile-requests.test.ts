import { describe, expect, it } from 'vitest';
import { useSeededServer } from '../helpers/seeded-server.js';
import { hostileCorpus, runCorpus } from './hostile-corpus.js';

const context = useSeededServer();

/**
 * The generated hostile corpus against the real service on the seeded graph (loopback, four at a time): each
 * request is a client's mistake or an attack, so none may answer INTERNAL_SERVER_ERROR or a 5xx, or show a stack
 * frame or driver text.
 */
describe('hostile requests', () => {
  it(
    'answers every one of them as a client error or an answer, never an internal one',
    { timeout: 600_000 },
    async () => {
      const answers = await runCorpus(context.server().url);
      expect(answers).toHaveLength(hostileCorpus().length);
      expect(answers.length).toBeGreaterThan(400);
      const bad = answers
        .filter((answer) => answer.internal || answer.status >= 500 || answer.leak)
        .map((answer) => `${answer.status} ${answer.label}`);
      expect(bad).toEqual([]);
      // Mistakes are refused as such (400s), not half-answered.
      expect(answers.filter((answer) => answer.status >= 400).length).toBeGreaterThan(answers.length / 4);
    },
  );
});
