import type { Database } from '../db/database.js';
import type { Caller } from './authenticate.js';
import type { ChangeRecord } from './change-record.js';
import { curate, readInTransaction, type CitedInput } from './curate.js';
import { NODE_BY_ID } from './curation.cypher.js';
import { nodeSnapshot, type NodeRow } from './snapshots.js';

export interface DesignationInput extends CitedInput {
  id?: string | null;
  party: string;
  list: string;
  listedOn: string;
  effectiveFrom?: string | null;
  removedOn?: string | null;
  nameOnList?: string | null;
  instrument?: string | null;
  note?: string | null;
}

/** Lists a party on a list (or updates the designation with the same id). */
export async function addDesignation(
  db: Database,
  caller: Caller,
  input: DesignationInput,
): Promise<ChangeRecord> {
  const { sources: _sources, newSources: _newSources, reason: _reason, ...fields } = input;
  const id = input.id ?? `${input.party}-on-${input.list}-${input.listedOn}`;
  const fact = Object.fromEntries(
    Object.entries({ ...fields, id, type: 'Designation' }).filter(
      ([, value]) => value !== null && value !== undefined,
    ),
  );
  return curate(db, caller, {
    action: 'ADD_DESIGNATION',
    fact,
    input,
    before: async (tx) => {
      const [row] = await readInTransaction<NodeRow>(tx, NODE_BY_ID, { id });
      return row ? nodeSnapshot(row) : null;
    },
  });
}
