import { describe, expect, it } from 'vitest';
import { TimeLimitError } from '../../src/db/database.js';
import { nameStatistics } from '../../src/search/name-statistics.js';
import { openTestDatabase } from '../helpers/db.js';
import { useSeededServer } from '../helpers/seeded-server.js';

useSeededServer();

describe('the first read of the name statistics', () => {
  it('outlives a request that runs out of time waiting for it, and serves the next one', async () => {
    // A driver of its own: statistics are kept per driver, so none are known yet.
    const fresh = await openTestDatabase();
    try {
      const before = fresh.queryCount;
      // At a million entities the read takes 26-40 s, longer than a request may; here the request has 1 ms.
      await expect(nameStatistics(fresh.withTimeLimit(1))).rejects.toBeInstanceOf(TimeLimitError);
      const statistics = await nameStatistics(fresh.withTimeLimit(60_000));
      expect(statistics.entities).toBeGreaterThan(200);
      expect(statistics.frequency('hikvision')).toBeGreaterThan(0);
      // The names were read once, by the read the first request started (at most one count query besides).
      expect(fresh.queryCount - before).toBeLessThanOrEqual(2);
    } finally {
      await fresh.close();
    }
  });
});
