import { randomBytes } from 'node:crypto';
import type { ManagedTransaction, Neo4jError } from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { intParam } from '../db/records.js';
import { CurationError } from './curation-error.js';
import type { ChangeAction } from '../model/model.js';
import { LIMITS } from '../model/values.js';
import type { Caller } from './authenticate.js';
import { CHANGES_PAGE, CHANGES_SINCE, CHANGE_SCHEMA, CREATE_CHANGE } from './curation.cypher.js';

/** One entry of the audit trail: who changed which fact, when, why, on which sources, and what it was before. */
export interface ChangeRecord {
  id: string;
  action: ChangeAction;
  targetId: string;
  /** The fact's model type: a node type (Company, Designation) or a relationship type (OWNS). */
  targetType: string;
  actor: string;
  role: string;
  /** ISO date-time. */
  at: string;
  reason: string;
  sources: string[];
  /** The fact before the change as JSON, or null when the change created it. */
  before: string | null;
  /** The fact after the change as JSON, or null when the change retracted it. */
  after: string | null;
}

export function newChange(
  caller: Caller,
  fields: Pick<ChangeRecord, 'action' | 'targetId' | 'targetType' | 'reason' | 'sources'> & {
    before: unknown;
    after: unknown;
  },
): ChangeRecord {
  const at = new Date().toISOString();
  return {
    ...fields,
    // A "/" is never part of a fact's id (ID_PATTERN), so no entity can take a change record's id.
    id: `change/${at.replace(/[-:.TZ]/g, '')}-${randomBytes(4).toString('hex')}`,
    actor: caller.name,
    role: caller.role,
    at,
    before: fields.before === null || fields.before === undefined ? null : JSON.stringify(fields.before),
    after: fields.after === null || fields.after === undefined ? null : JSON.stringify(fields.after),
  };
}

/** A curator's reason: said (the audit trail records it) and of a readable length. */
export function checkReason(argument: string, reason: string): void {
  if (reason.trim() === '') throw CurationError.invalid(argument, 'say why: the audit trail records it');
  if (reason.length > LIMITS.text)
    throw CurationError.invalid(argument, `must be at most ${LIMITS.text} characters; got ${reason.length}`);
}

/** Writes the change inside the transaction that made it, so there is no change without its record. */
export async function recordChange(tx: ManagedTransaction, change: ChangeRecord): Promise<void> {
  const { at, ...properties } = change;
  await tx.run(CREATE_CHANGE, { change: properties, at });
}

export async function listChanges(
  db: Database,
  since: string | null,
  limit: number,
): Promise<ChangeRecord[]> {
  const rows = await db.read<{ change: ChangeRecord }>(CHANGES_SINCE, { since, limit: intParam(limit) });
  return rows.map(({ change }) => complete(change));
}

/** `limit` changes after the first `skip` of the audit trail since `since`, and how many it holds in all. */
export async function pageOfChanges(
  db: Database,
  since: string | null,
  skip: number,
  limit: number,
): Promise<{ changes: ChangeRecord[]; total: number }> {
  const [row] = await db.read<{ changes: ChangeRecord[]; total: number }>(CHANGES_PAGE, {
    since,
    skip: intParam(skip),
    limit: intParam(limit),
  });
  return { changes: (row?.changes ?? []).map(complete), total: row?.total ?? 0 };
}

const complete = (change: ChangeRecord): ChangeRecord => ({
  ...change,
  before: change.before ?? null,
  after: change.after ?? null,
  sources: change.sources ?? [],
});

/** Per driver, not per Database: each request curates through a time-limited view of its own. */
const prepared = new WeakMap<Database['driver'], Promise<void>>();

/**
 * Creates the audit trail's constraint and index the first time a database is curated. Concurrent first
 * mutations share one creation: two `CREATE ... IF NOT EXISTS` of the same rule at the same moment fail one of
 * them with EquivalentSchemaRuleAlreadyExists (IF NOT EXISTS does not cover that race), which another process
 * may still cause, and which means the rule is there.
 */
export function ensureChangeSchema(db: Database): Promise<void> {
  let done = prepared.get(db.driver);
  if (!done) {
    done = createChangeSchema(db);
    prepared.set(db.driver, done);
    // A failure (the database down, say) is tried again by the next mutation.
    done.catch(() => prepared.delete(db.driver));
  }
  return done;
}

async function createChangeSchema(db: Database): Promise<void> {
  for (const statement of CHANGE_SCHEMA) {
    try {
      await db.write(statement);
    } catch (error) {
      if ((error as Partial<Neo4jError>).code !== 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists')
        throw error;
    }
  }
}
