import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { runRows } from '../db/database.js';
import { CurationError } from './curation-error.js';
import { NODE_TYPES, isNodeType, type ChangeAction, type NodeSpec } from '../model/model.js';
import type { RawRecord } from '../records/records.js';
import { validateRecords, type NodeRecord, type RelationshipRecord } from '../records/validate.js';
import { planBatches, runBatch } from '../records/write-records.js';
import type { Caller } from './authenticate.js';
import {
  checkReason,
  ensureChangeSchema,
  newChange,
  recordChange,
  type ChangeRecord,
} from './change-record.js';
import { RETRACTED_BY_ID, TYPES_BY_IDS } from './curation.cypher.js';

export interface SourceInput {
  id: string;
  url: string;
  title: string;
  publisher: string;
  date?: string | null;
  evidence: string;
  note?: string | null;
}

/** What every curation input carries: its sources (existing ids and new ones) and the editor's reason. */
export interface CitedInput {
  sources: string[];
  newSources?: SourceInput[] | null;
  reason: string;
}

export interface Curation {
  action: ChangeAction;
  /** The fact being written (a node or relationship record in the seed shape); new sources come with it. */
  fact: Record<string, unknown>;
  input: CitedInput;
  /** Reads the fact as it stands, inside the transaction that changes it. */
  before(tx: ManagedTransaction, written: NodeRecord | RelationshipRecord): Promise<unknown>;
}

/**
 * Validates a curated fact against the model exactly as seeds and imports are validated, then writes it and its
 * change record in one transaction. A problem is a BAD_USER_INPUT error naming the input field.
 */
export async function curate(db: Database, caller: Caller, curation: Curation): Promise<ChangeRecord> {
  const { input } = curation;
  checkReason('input.reason', input.reason);
  const newSources = (input.newSources ?? []).map(({ date, note, ...source }) => ({
    type: 'Source',
    ...source,
    ...(date ? { date } : {}),
    ...(note ? { note } : {}),
  }));
  const fact: Record<string, unknown> & { sources: string[] } = {
    ...curation.fact,
    sources: [...input.sources, ...newSources.map((source) => source.id)],
  };
  const records: RawRecord[] = [...newSources, fact].map((data, index) => ({
    origin: { file: 'input', position: index },
    data,
  }));
  const retracted = await db.read<{ changeId: string }>(RETRACTED_BY_ID, { id: fact.id ?? '' });
  if (retracted[0]) {
    throw CurationError.invalid(
      'input.id',
      `was retracted (change ${retracted[0].changeId}); choose another id`,
    );
  }
  const result = validateRecords(records, await knownTypes(db, records));
  const problem = result.issues[0];
  if (problem) {
    const where = problem.position === records.length - 1 ? 'input' : `input.newSources[${problem.position}]`;
    throw CurationError.invalid(`${where}.${problem.field ?? 'id'}`, problem.message);
  }
  const written = isNodeType(String(fact.type))
    ? result.nodes.find((node) => node.id === fact.id)
    : result.relationships.find((rel) => rel.type === fact.type);
  if (!written) throw new Error('A validated fact went missing');
  await ensureChangeSchema(db);
  return db.transaction(async (tx) => {
    const before = await curation.before(tx, written);
    for (const batch of planBatches(result, 100)) await runBatch(tx, batch);
    const change = newChange(caller, {
      action: curation.action,
      targetId: written.id,
      targetType: written.type,
      reason: input.reason,
      sources: fact.sources,
      before,
      after: 'labels' in written ? { type: written.type, properties: written.properties } : written,
    });
    await recordChange(tx, change);
    return change;
  });
}

/** Reads rows inside a curation's transaction. */
export function readInTransaction<T>(tx: ManagedTransaction, query: string, params: Record<string, unknown>) {
  return runRows<T>(tx, query, params);
}

/** Model types of every id the records point at (sources, references, relationship ends). */
async function knownTypes(db: Database, records: RawRecord[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const { data } of records) {
    const spec: NodeSpec | undefined = isNodeType(String(data.type))
      ? NODE_TYPES[data.type as keyof typeof NODE_TYPES]
      : undefined;
    const fields = ['sources', 'from', 'to', ...Object.keys(spec?.references ?? {})];
    for (const field of fields) {
      const value = data[field];
      for (const id of Array.isArray(value) ? value : [value]) if (typeof id === 'string') ids.add(id);
    }
  }
  const rows = await db.read<{ id: string; type: string }>(TYPES_BY_IDS, {
    ids: [...ids],
    types: Object.keys(NODE_TYPES),
  });
  return new Map(rows.map((row) => [row.id, row.type]));
}
