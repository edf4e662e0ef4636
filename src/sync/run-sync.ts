import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.js';
import { dateParam } from '../db/records.js';
import type { MappedImport } from '../import/candidates.js';
import { importMapped, type ImportReport } from '../import/run-import.js';
import { NODE_TYPES, type SyncFeed } from '../model/model.js';
import type { RawRecord } from '../records/records.js';
import { InvalidRecordsError } from '../records/records.js';
import { validateRecords } from '../records/validate.js';
import { writeRecords } from '../records/write-records.js';
import { fetchToFolder, SyncRefused, type FetchedFile, type FetchLimits } from './download.js';
import { FEEDS, type Feed } from './feeds.js';
import { diffListings, type ListingDiff } from './listing-diff.js';
import { DESIGNATIONS_BY_ID, END_DESIGNATIONS, LATEST_SNAPSHOT, TYPES_OF_IDS } from './sync.cypher.js';

export interface SyncOptions {
  feed: SyncFeed;
  /** Exactly one of the two: a URL to download or a local file. */
  location: { url: string } | { file: string };
  /** The folder snapshots are kept in (one subfolder per feed). */
  folder: string;
  limits: Omit<FetchLimits, 'onProgress'>;
  dryRun?: boolean;
  /** Accept a snapshot that lost more than half the rows of the previous one. */
  force?: boolean;
  /** The time of the fetch. @default now */
  now?: Date;
  onDownload?: (done: number, total: number) => void;
  onImport?: (done: number, total: number) => void;
  log?: (line: string) => void;
}

export interface SnapshotSummary {
  id: string;
  url: string;
  fetchedAt: string;
  publishedOn: string | null;
  rows: number;
  sha256: string;
  file: string;
}

export interface SyncReport {
  /** UNCHANGED: identical to the last snapshot, nothing written. */
  outcome: 'UNCHANGED' | 'SYNCED' | 'DRY_RUN';
  feed: SyncFeed;
  snapshot: SnapshotSummary;
  previous: SnapshotSummary | null;
  /** Listing changes since the previous snapshot (none on a first sync: the designations' dates say when). */
  changes: Record<ListingDiff['kind'], number>;
  /** Designations ended because the snapshot no longer holds them. */
  ended: number;
  import: ImportReport | null;
}

/** A snapshot may lose at most this share of the previous one's rows without --force. */
const MAX_DROP = 0.5;

/**
 * One sync: fetch the source into the snapshot folder (timeout, size limit, SHA-256), check the file against
 * the source's schema, stop if it is the last snapshot again, refuse a file that lost more than half of the
 * previous snapshot's rows, diff its listings against the previous snapshot, import it through the ordinary
 * importer, end the designations it no longer holds, and record a ListSnapshot with its ListingChanges.
 * Every refusal comes before the first write, so a refused sync leaves the graph as it was.
 */
export async function runSync(db: Database, options: SyncOptions): Promise<SyncReport> {
  const feed = FEEDS[options.feed];
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const folder = path.join(options.folder, feed.name);
  const fetched = await fetchToFolder(options.location, folder, {
    ...options.limits,
    ...(options.onDownload ? { onProgress: options.onDownload } : {}),
  });
  let keep = false;
  let rawFile = fetched.tempFile;
  try {
    await feed.check(fetched.tempFile).catch((error: unknown) => {
      if (error instanceof SyncRefused) throw new SyncRefused(`${fetched.url}: ${error.message}`);
      throw error;
    });
    const previous = await latestSnapshot(db, feed, fetched.url);
    const summary = snapshotSummary(
      feed,
      fetched,
      now,
      `${fetched.sha256}.${await feed.detect(fetched.tempFile)}`,
    );
    const unchanged: SyncReport = {
      outcome: 'UNCHANGED',
      feed: feed.name,
      snapshot: summary,
      previous,
      changes: { ADDED: 0, REMOVED: 0, CHANGED: 0 },
      ended: 0,
      import: null,
    };
    if (previous?.sha256 === fetched.sha256) return { ...unchanged, snapshot: previous };

    // The CSL reader tells JSON from CSV by the name, so the file is read under its kept name.
    rawFile = path.join(folder, summary.file);
    await fs.promises.rename(fetched.tempFile, rawFile);
    keep = !options.dryRun;
    const plain = await feed.map(rawFile, {});
    summary.rows = plain.rows;
    checkRows(plain, fetched.url);
    if (previous && plain.rows < previous.rows * (1 - MAX_DROP)) {
      const message =
        `${fetched.url}: the snapshot has ${plain.rows} rows, the previous one (${previous.fetchedAt}) had ` +
        `${previous.rows}: it lost more than half of them`;
      if (!options.force)
        throw new SyncRefused(`${message}. Nothing was imported; pass --force if the lists did shrink.`);
      log(`${message}; accepted (--force).`);
    }
    const changes = await changesSince(previous, plain, folder, log);
    const snapshotDate = summary.publishedOn ?? now.toISOString().slice(0, 10);
    const mapped =
      feed.name === 'csl'
        ? await feed.map(rawFile, { snapshotDate, knownListedOn: await knownListedOn(db, plain) })
        : plain;
    const report = await importMapped(db, mapped, rawFile, {
      dryRun: options.dryRun ?? false,
      ...(options.onImport ? { onProgress: options.onImport } : {}),
    });
    const result: SyncReport = {
      ...unchanged,
      outcome: options.dryRun ? 'DRY_RUN' : 'SYNCED',
      changes: countKinds(changes),
      import: report,
    };
    if (options.dryRun) return result;

    const removed = changes.filter((change) => change.kind === 'REMOVED').map((c) => c.designationId);
    const ended = await db.write<{ count: number }>(END_DESIGNATIONS, {
      ids: removed,
      on: dateParam(snapshotDate),
    });
    result.ended = ended[0]?.count ?? 0;
    await recordSnapshot(db, feed, summary, snapshotDate, mapped, changes);
    return result;
  } finally {
    if (!keep) await fs.promises.rm(rawFile, { force: true });
  }
}

async function latestSnapshot(db: Database, feed: Feed, url: string): Promise<SnapshotSummary | null> {
  const rows = await db.read<{ snapshot: SnapshotSummary }>(LATEST_SNAPSHOT, {
    feed: feed.name,
    // Every CSL download is the same source whatever its address; FtM files are told apart by theirs.
    url: feed.name === 'csl' ? null : url,
  });
  return rows[0]?.snapshot ?? null;
}

function snapshotSummary(feed: Feed, fetched: FetchedFile, now: Date, file: string): SnapshotSummary {
  const stamp = now.toISOString();
  return {
    id: `snapshot-${feed.name}-${stamp.replace(/[^0-9]/g, '').slice(0, 14)}-${fetched.sha256.slice(0, 12)}`,
    url: fetched.url,
    fetchedAt: stamp,
    publishedOn: fetched.publishedOn ?? null,
    rows: 0,
    sha256: fetched.sha256,
    file,
  };
}

/** A file most of whose rows the reader cannot use is not the source it claims to be. */
function checkRows(mapped: MappedImport, url: string): void {
  if (mapped.rows === 0) throw new SyncRefused(`${url}: the file holds no rows; nothing was imported`);
  if (mapped.issues.length > mapped.rows / 2) {
    const first = mapped.issues[0];
    throw new SyncRefused(
      `${url}: ${mapped.issues.length} of ${mapped.rows} rows are not valid ` +
        `(first: record ${first?.position}${first?.field ? `, field "${first.field}"` : ''}: ${first?.message}); ` +
        'nothing was imported',
    );
  }
}

async function changesSince(
  previous: SnapshotSummary | null,
  plain: MappedImport,
  folder: string,
  log: (line: string) => void,
): Promise<ListingDiff[]> {
  if (!previous) return [];
  const before = path.join(folder, previous.file);
  if (!fs.existsSync(before)) {
    log(`The previous snapshot's file ${before} is gone; no listing changes are recorded for this sync.`);
    return [];
  }
  const feed = FEEDS[plain.format];
  return diffListings(await feed.map(before, {}), plain);
}

/** Listing dates the graph holds for this file's designations, so undated rows keep the date they got first. */
async function knownListedOn(db: Database, plain: MappedImport): Promise<Map<string, string>> {
  const ids = plain.designations.filter((item) => !item.listedOn).map((item) => item.id);
  const rows = await db.read<{ id: string; listedOn: string }>(DESIGNATIONS_BY_ID, { ids });
  return new Map(rows.map((row) => [row.id, row.listedOn]));
}

async function recordSnapshot(
  db: Database,
  feed: Feed,
  summary: SnapshotSummary,
  snapshotDate: string,
  mapped: MappedImport,
  changes: ListingDiff[],
): Promise<void> {
  const designationIds = [
    ...new Set([...mapped.designations.map((item) => item.id), ...changes.map((c) => c.designationId)]),
  ];
  const held = await db.read<{ id: string; listId: string }>(DESIGNATIONS_BY_ID, { ids: designationIds });
  const inGraph = new Set(held.map((row) => row.id));
  const lists = [...new Set(held.map((row) => row.listId))].sort();
  const sources = feed.citations(mapped);
  const origin = { file: `snapshot ${summary.id}`, position: 1 };
  const records: RawRecord[] = [
    {
      origin,
      data: {
        type: 'ListSnapshot',
        feed: feed.name,
        complete: feed.complete,
        ...summary,
        fetchedOn: summary.fetchedAt.slice(0, 10),
        publishedOn: summary.publishedOn ?? undefined,
        ...(lists.length > 0 ? { lists } : {}),
        sources,
      },
    },
    ...changes
      .filter((change) => inGraph.has(change.designationId))
      .map((change, index) => ({
        origin: { ...origin, position: index + 2 },
        data: {
          type: 'ListingChange',
          id: `${summary.id}-${change.kind.toLowerCase()}-${change.designationId}`,
          kind: change.kind,
          on: snapshotDate,
          ...(change.fields.length > 0 ? { fields: change.fields } : {}),
          designation: change.designationId,
          snapshot: summary.id,
          sources,
        },
      })),
  ];
  const known = await db.read<{ id: string; type: string }>(TYPES_OF_IDS, {
    ids: [...designationIds, ...lists, ...sources],
    types: Object.keys(NODE_TYPES),
  });
  const result = validateRecords(records, new Map(known.map((row) => [row.id, row.type])));
  if (result.issues.length > 0) throw new InvalidRecordsError(result.issues);
  await writeRecords(db, result);
}

function countKinds(changes: ListingDiff[]): SyncReport['changes'] {
  const counts = { ADDED: 0, REMOVED: 0, CHANGED: 0 };
  for (const change of changes) counts[change.kind] += 1;
  return counts;
}
