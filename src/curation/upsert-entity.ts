import type { Database } from '../db/database.js';
import { CurationError } from './curation-error.js';
import { NODE_TYPES } from '../model/model.js';
import { typeOfKind, type EntityKind } from '../model/vocabulary.js';
import type { Caller } from './authenticate.js';
import type { ChangeRecord } from './change-record.js';
import { curate, readInTransaction, type CitedInput } from './curate.js';
import { NODE_BY_ID } from './curation.cypher.js';
import { nodeSnapshot, type NodeRow } from './snapshots.js';

export interface EntityInput extends CitedInput {
  id: string;
  kind: EntityKind;
  name?: string | null;
  aliases?: string[] | null;
  country?: string | null;
  identifiers?: string[] | null;
  description?: string | null;
  addresses?: string[] | null;
}

/**
 * Creates an entity, or updates the fields the input gives: omitted fields keep their values and the input's
 * sources are added to those the entity already cites. The kind of an existing entity cannot change.
 */
export async function upsertEntity(db: Database, caller: Caller, input: EntityInput): Promise<ChangeRecord> {
  const type = typeOfKind(input.kind);
  const [existing] = await db.read<NodeRow>(NODE_BY_ID, { id: input.id });
  if (existing && !existing.nodeLabels.includes(type)) {
    throw CurationError.invalid('input.kind', `"${input.id}" exists and is not a ${type}`);
  }
  const fields = Object.keys(NODE_TYPES[type].fields);
  const current = Object.fromEntries(
    fields.flatMap((field) => (existing?.values[field] != null ? [[field, existing.values[field]]] : [])),
  );
  const given = Object.fromEntries(
    fields.flatMap((field) => {
      const value = (input as unknown as Record<string, unknown>)[field];
      return value === null || value === undefined ? [] : [[field, value]];
    }),
  );
  const cited = (existing?.values.sources as string[] | undefined) ?? [];
  return curate(db, caller, {
    action: 'UPSERT_ENTITY',
    fact: { type, id: input.id, ...current, ...given },
    input: { ...input, sources: [...cited, ...input.sources.filter((id) => !cited.includes(id))] },
    before: async (tx) => {
      const [row] = await readInTransaction<NodeRow>(tx, NODE_BY_ID, { id: input.id });
      return row ? nodeSnapshot(row) : null;
    },
  });
}
