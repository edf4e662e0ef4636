import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { CurationError } from './curation-error.js';
import { ALL_RELATIONSHIP_TYPES, REFERENCE_RELATIONSHIPS, isNodeType } from '../model/model.js';
import type { Caller } from './authenticate.js';
import {
  checkReason,
  ensureChangeSchema,
  newChange,
  recordChange,
  type ChangeRecord,
} from './change-record.js';
import { readInTransaction } from './curate.js';
import {
  DELETE_RELATIONSHIP,
  NODE_BY_ID,
  REFERRING_NODES,
  RELATIONSHIPS_OF_NODE,
  RELATIONSHIP_BY_ID,
  RETRACT_NODE,
  TYPES_BY_IDS,
} from './curation.cypher.js';
import { nodeSnapshot, relationshipSnapshot, type NodeRow, type RelationshipRow } from './snapshots.js';

/**
 * Retracts a fact and keeps its history. A node leaves the graph as every read sees it but stays in the
 * database under the Retracted label; its relationships go with it. A relationship is removed. Either way the
 * change record holds the complete fact as it was, and imports will not bring it back. A node that other facts
 * still refer to (a party with designations, a list with members) is refused until they are retracted.
 */
export async function retractFact(
  db: Database,
  caller: Caller,
  id: string,
  reason: string,
  sources: string[] = [],
): Promise<ChangeRecord> {
  checkReason('reason', reason);
  const found = await db.read<{ id: string }>(TYPES_BY_IDS, { ids: sources, types: ['Source'] });
  const missing = sources.filter((source) => !found.some((row) => row.id === source));
  if (missing.length > 0)
    throw CurationError.invalid('sources', `not Sources in the graph: ${missing.join(', ')}`);
  await ensureChangeSchema(db);
  return db.transaction(async (tx) => {
    const [node] = await readInTransaction<NodeRow>(tx, NODE_BY_ID, { id });
    const retraction = node ? await retractNode(tx, node, id) : await retractRelationship(tx, id);
    const change = newChange(caller, {
      action: 'RETRACT',
      targetId: id,
      targetType: retraction.targetType,
      reason,
      sources,
      before: retraction.before,
      after: null,
    });
    await retraction.apply(change.id);
    await recordChange(tx, change);
    return change;
  });
}

interface Retraction {
  targetType: string;
  before: unknown;
  apply(changeId: string): Promise<void>;
}

async function retractNode(tx: ManagedTransaction, node: NodeRow, id: string): Promise<Retraction> {
  const type = node.nodeLabels.find(isNodeType);
  if (!type) throw CurationError.invalid('id', `"${id}" is not a fact of the model`);
  const referring = await readInTransaction<{ id: string; type: string }>(tx, REFERRING_NODES, {
    id,
    types: REFERENCE_RELATIONSHIPS,
  });
  if (referring.length > 0) {
    const list = referring.slice(0, 10).map((row) => `${row.id} (${row.type})`);
    throw CurationError.invalid('id', `other facts refer to "${id}": ${list.join(', ')}; retract them first`);
  }
  const relationships = await readInTransaction<RelationshipRow>(tx, RELATIONSHIPS_OF_NODE, {
    id,
    types: ALL_RELATIONSHIP_TYPES,
  });
  return {
    targetType: type,
    before: { ...nodeSnapshot(node), relationships: relationships.map(relationshipSnapshot) },
    async apply(changeId) {
      for (const rel of relationships) await deleteRelationship(tx, rel);
      await tx.run(RETRACT_NODE[type], { id, labels: node.nodeLabels, changeId });
    },
  };
}

async function retractRelationship(tx: ManagedTransaction, id: string): Promise<Retraction> {
  const [rel] = await readInTransaction<RelationshipRow>(tx, RELATIONSHIP_BY_ID, { id });
  if (!rel) throw CurationError.notFound('node or relationship', id);
  if (REFERENCE_RELATIONSHIPS.includes(rel.type)) {
    throw CurationError.invalid(
      'id',
      `"${id}" is part of "${rel.from}" (${rel.type}); retract or update that instead`,
    );
  }
  return {
    targetType: rel.type,
    before: relationshipSnapshot(rel),
    apply: () => deleteRelationship(tx, rel),
  };
}

async function deleteRelationship(tx: ManagedTransaction, rel: RelationshipRow): Promise<void> {
  const query = DELETE_RELATIONSHIP[rel.type];
  if (!query) throw new Error(`No delete statement for relationship type ${rel.type}`);
  await tx.run(query, { id: rel.values.id, from: rel.from, to: rel.to });
}
