import type { Database } from '../db/database.js';
import { ENTITY_COUNT, ENTITY_NAMES } from '../db/queries/search.cypher.js';
import { GENERIC_WEIGHT, GENERIC_WORDS } from '../names/generic-words.js';
import { formsOf } from '../names/name-forms.js';

/**
 * How distinctive each name token is in the graph: inverse document frequency over entities, scaled to 0..1
 * (1 for a token no entity has, such as "DJI" in a graph where one entity has it, close to 1), with generic
 * words weighed down further. "Huawei" weighs a lot, "technology" and "China" little.
 */
export class NameStatistics {
  constructor(
    readonly entities: number,
    private readonly frequencies: ReadonlyMap<string, number>,
  ) {}

  static fromNames(names: readonly (readonly string[])[]): NameStatistics {
    const frequencies = new Map<string, number>();
    for (const entityNames of names) {
      const tokens = new Set(
        entityNames.flatMap((name) =>
          formsOf(name)
            .filter((form) => form.via !== 'pinyin')
            .flatMap((form) => form.tokens),
        ),
      );
      for (const token of tokens) frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
    }
    return new NameStatistics(names.length, frequencies);
  }

  /** How many entities have the token in a name or alias. */
  frequency(token: string): number {
    return this.frequencies.get(token) ?? 0;
  }

  weight(token: string): number {
    const total = this.entities + 1;
    const idf = Math.log(total / (this.frequency(token) + 0.5)) / Math.log(total / 0.5);
    return Math.max(0.01, idf) * (GENERIC_WORDS.has(token) ? GENERIC_WEIGHT : 1);
  }
}

/**
 * How long statistics are trusted while the number of entities stays the same (an edited alias): reading them
 * takes about 27 s at a million entities, so not every minute.
 */
const MAX_AGE_MS = 10 * 60_000;

interface Cached {
  statistics: NameStatistics;
  loadedAt: number;
  /** A reload under way, shared by everyone who asks meanwhile. */
  reloading?: Promise<NameStatistics> | undefined;
}

/**
 * Per driver, not per Database: every request reads through a time-limited view of its own, and statistics kept
 * per view were read again (every entity's names) for every search and screening.
 */
const cached = new WeakMap<Database['driver'], Cached>();
const firstLoads = new WeakMap<Database['driver'], Promise<NameStatistics>>();

/**
 * The graph's name statistics, read in one query. Once read they answer at once: when the number of entities
 * has changed or ten minutes have passed they are read again in the background, and the old ones serve until then
 * (an edited alias shifts weights only slightly; a stale weight is never a wrong answer, only a less tuned one).
 * Only the first questions after start wait for them, each within its own time limit, and they share that one read.
 */
export async function nameStatistics(db: Database): Promise<NameStatistics> {
  const known = cached.get(db.driver);
  if (!known) {
    // The first read is not bound by the request that starts it: at a million entities it can take longer than
    // a request may (26-40 s), and bound it would fail for every request in turn. The request waits within its
    // own limit; the read goes on for the next one.
    const loading =
      firstLoads.get(db.driver) ?? load(db.unbounded()).finally(() => firstLoads.delete(db.driver));
    firstLoads.set(db.driver, loading);
    return db.awaitWithin(loading);
  }
  const [row] = await db.read<{ count: number }>(ENTITY_COUNT, {});
  const stale = known.statistics.entities !== row?.count || Date.now() - known.loadedAt >= MAX_AGE_MS;
  if (stale && !known.reloading) {
    // The request that noticed may end before the read does: the reload runs without its time limit.
    known.reloading = load(db.unbounded())
      .catch(() => known.statistics)
      .finally(() => (known.reloading = undefined));
  }
  return known.statistics;
}

async function load(db: Database): Promise<NameStatistics> {
  const rows = await db.read<{ names: string[] }>(ENTITY_NAMES, {});
  const statistics = NameStatistics.fromNames(rows.map((entity) => entity.names));
  const previous = cached.get(db.driver);
  cached.set(db.driver, { statistics, loadedAt: Date.now(), reloading: previous?.reloading });
  return statistics;
}
