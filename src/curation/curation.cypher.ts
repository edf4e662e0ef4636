import {
  ALL_RELATIONSHIP_TYPES,
  CHANGE_RECORD_LABEL,
  NODE_TYPES,
  RETRACTED_LABEL,
  labelsOf,
  type NodeType,
} from '../model/model.js';

/** The audit trail's constraint and time index, created once per process. */
export const CHANGE_SCHEMA = [
  `CREATE CONSTRAINT change_record_id IF NOT EXISTS FOR (c:${CHANGE_RECORD_LABEL}) REQUIRE c.id IS UNIQUE`,
  `CREATE INDEX change_record_at IF NOT EXISTS FOR (c:${CHANGE_RECORD_LABEL}) ON (c.at)`,
];

/** Model types of the given ids. Params: $ids, $types. */
export const TYPES_BY_IDS = `
  UNWIND $ids AS id
  MATCH (n:Node {id: id})
  RETURN n.id AS id, head([label IN labels(n) WHERE label IN $types]) AS type`;

/** A live node with its labels and properties. Params: $id. */
export const NODE_BY_ID = `
  MATCH (n:Node {id: $id})
  RETURN labels(n) AS nodeLabels, properties(n) AS values`;

/**
 * A relationship between live nodes by its id, of any model type: one branch per type, so each finds it through
 * that type's id index. Params: $id.
 */
export const RELATIONSHIP_BY_ID = `
  CALL () {
    ${ALL_RELATIONSHIP_TYPES.map((type) => `MATCH (a:Node)-[r:${type} {id: $id}]->(b:Node) RETURN a, r, b`).join('\n    UNION ALL\n    ')}
  }
  RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS values
  LIMIT 1`;

/** Every relationship of a node, both ways. Params: $id, $types. */
export const RELATIONSHIPS_OF_NODE = `
  MATCH (n:Node {id: $id})-[r]-(m:Node)
  WHERE type(r) IN $types
  RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS values`;

/** Other live nodes that refer to this one (a designation to its party, a list to its authority). Params: $id, $types. */
export const REFERRING_NODES = `
  MATCH (n:Node {id: $id})<-[r]-(m:Node)
  WHERE type(r) IN $types
  RETURN DISTINCT m.id AS id, type(r) AS type
  ORDER BY id`;

/** Whether an id belongs to a retracted node. Params: $id. */
export const RETRACTED_BY_ID = `
  MATCH (n:${RETRACTED_LABEL} {id: $id})
  RETURN n.retractedBy AS changeId`;

/**
 * Retracts a node of one type: its model labels go (so reads, exports and counts no longer see it) and the
 * Retracted label comes, with the former labels kept. Precomputed per type from the model's closed set.
 * Params: $id, $labels, $changeId.
 */
export const RETRACT_NODE: Readonly<Record<NodeType, string>> = Object.fromEntries(
  (Object.keys(NODE_TYPES) as NodeType[]).map((type) => [
    type,
    `MATCH (n:${type} {id: $id})
     REMOVE n:${labelsOf(type).join(':')}
     SET n:${RETRACTED_LABEL}, n.retractedLabels = $labels, n.retractedBy = $changeId`,
  ]),
) as Record<NodeType, string>;

/** Removes one relationship; its full copy is in the change record. Params: $id, $from, $to. */
export const DELETE_RELATIONSHIP: Readonly<Record<string, string>> = Object.fromEntries(
  ALL_RELATIONSHIP_TYPES.map((type) => [
    type,
    `MATCH (:Node {id: $from})-[r:${type} {id: $id}]->(:Node {id: $to})
     DELETE r`,
  ]),
);

/** Records one change. Params: $change (plain properties), $at (ISO date-time). */
export const CREATE_CHANGE = `
  CREATE (c:${CHANGE_RECORD_LABEL})
  SET c = $change, c.at = datetime($at)`;

/** The audit trail, oldest first. Params: $since (ISO date-time or null), $limit. */
export const CHANGES_SINCE = `
  MATCH (c:${CHANGE_RECORD_LABEL})
  WHERE $since IS NULL OR c.at >= datetime($since)
  RETURN c {.*} AS change
  ORDER BY c.at, c.id
  LIMIT $limit`;

/** A page of the audit trail, oldest first, and how many changes it has in all. Params: $since, $skip, $limit. */
export const CHANGES_PAGE = `
  CALL () {
    MATCH (c:${CHANGE_RECORD_LABEL})
    WHERE $since IS NULL OR c.at >= datetime($since)
    RETURN count(c) AS total
  }
  CALL () {
    MATCH (c:${CHANGE_RECORD_LABEL})
    WHERE $since IS NULL OR c.at >= datetime($since)
    WITH c ORDER BY c.at, c.id SKIP $skip LIMIT $limit
    RETURN collect(c {.*}) AS changes
  }
  RETURN total, changes`;
