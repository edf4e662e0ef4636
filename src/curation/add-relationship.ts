import type { Database } from '../db/database.js';
import { ALL_RELATIONSHIP_TYPES } from '../model/model.js';
import type { RelationshipRecord } from '../records/validate.js';
import type { Caller } from './authenticate.js';
import type { ChangeRecord } from './change-record.js';
import { curate, readInTransaction, type CitedInput } from './curate.js';
import { RELATIONSHIP_BY_ID } from './curation.cypher.js';
import { relationshipSnapshot, type RelationshipRow } from './snapshots.js';

export interface RelationshipInput extends CitedInput {
  id?: string | null;
  type: string;
  from: string;
  to: string;
  percent?: number | null;
  validFrom?: string | null;
  validTo?: string | null;
  note?: string | null;
  role?: string | null;
}

/** Adds a relationship between two existing nodes, or updates the one with the same id. */
export async function addRelationship(
  db: Database,
  caller: Caller,
  input: RelationshipInput,
): Promise<ChangeRecord> {
  const { sources: _sources, newSources: _newSources, reason: _reason, ...fields } = input;
  const fact = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null && value !== undefined),
  );
  return curate(db, caller, {
    action: 'ADD_RELATIONSHIP',
    fact,
    input,
    before: async (tx, written) => {
      const [row] = await readInTransaction<RelationshipRow>(tx, RELATIONSHIP_BY_ID, {
        id: (written as RelationshipRecord).id,
        types: ALL_RELATIONSHIP_TYPES,
      });
      return row ? relationshipSnapshot(row) : null;
    },
  });
}
