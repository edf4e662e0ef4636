import type { Database } from '../db/database.js';
import { dateParam } from '../db/records.js';
import {
  ALL_LISTS,
  DESIGNATIONS_WITHOUT_MEASURE,
  LISTS_WITH_MEASURES,
  LIST_COVERAGE,
} from './lists.cypher.js';

/** How much of a list the graph holds, and as of when. */
export interface ListCoverage {
  listId: string;
  /** Only true when a seed says so or a sync of a whole-list source holds it; unknown coverage is incomplete. */
  complete: boolean;
  asOf: string | null;
  /** Designations on the list in force on the day asked. */
  entries: number;
  sourceId: string | null;
  note: string | null;
  snapshotId: string | null;
}

interface CoverageRow {
  listId: string;
  complete: boolean | null;
  asOf: string | null;
  note: string | null;
  sourceId: string | null;
  snapshot: {
    id: string;
    url: string;
    fetchedAt: string;
    fetchedOn: string;
    publishedOn: string | null;
    rows: number;
    complete: boolean;
    sources: string[];
  } | null;
  entries: number;
}

const UNKNOWN = 'Coverage not recorded: the graph may hold only some of the parties on this list.';

/**
 * Coverage of each list, in the order asked (unknown ids are left out). A list synced from a source takes its
 * date and source from the latest snapshot that covers it, unless a seed records a later edition; otherwise
 * the seed's coverage fields say how complete it is.
 */
export async function listCoverage(
  db: Database,
  listIds: readonly string[],
  on: string,
): Promise<ListCoverage[]> {
  const rows = await db.read<CoverageRow>(LIST_COVERAGE, { ids: [...new Set(listIds)], on: dateParam(on) });
  return rows.map(coverageOf);
}

function coverageOf(row: CoverageRow): ListCoverage {
  const { snapshot } = row;
  const snapshotDate = snapshot ? (snapshot.publishedOn ?? snapshot.fetchedOn) : null;
  if (snapshot && snapshotDate && (!row.asOf || snapshotDate >= row.asOf)) {
    return {
      listId: row.listId,
      complete: snapshot.complete || row.complete === true,
      asOf: snapshotDate,
      entries: row.entries,
      sourceId: snapshot.sources[0] ?? row.sourceId,
      note: snapshot.complete
        ? `Synced from ${snapshot.url} (fetched ${snapshot.fetchedAt}, ${snapshot.rows} rows).`
        : `Synced from ${snapshot.url} (fetched ${snapshot.fetchedAt}), a file that may hold part of the list only.`,
      snapshotId: snapshot.id,
    };
  }
  return {
    listId: row.listId,
    complete: row.complete === true,
    asOf: row.asOf,
    entries: row.entries,
    sourceId: row.sourceId,
    note: row.note ?? (row.complete === true ? null : UNKNOWN),
    snapshotId: null,
  };
}

/** The lists every restriction answer is judged against: those that carry a measure. */
export async function measuredListIds(db: Database): Promise<string[]> {
  return (await db.read<{ id: string }>(LISTS_WITH_MEASURES)).map((row) => row.id);
}

/** Of these designations, the ones on lists without a modelled measure ("designated; no measure modelled"). */
export async function designationsWithoutMeasure(db: Database, ids: readonly string[]): Promise<string[]> {
  return (await db.read<{ id: string }>(DESIGNATIONS_WITHOUT_MEASURE, { ids: [...ids] })).map(
    (row) => row.id,
  );
}

/**
 * Ids of the lists the graph may hold only in part, by name, judged as RestrictedList.coverage judges them (a
 * seed's word or a whole-list sync), so that screening and explanations never disagree about a list.
 */
export async function findIncompleteLists(db: Database, on: string): Promise<string[]> {
  const ids = (await db.read<{ id: string }>(ALL_LISTS)).map((row) => row.id);
  return (await listCoverage(db, ids, on)).filter((coverage) => !coverage.complete).map((c) => c.listId);
}
