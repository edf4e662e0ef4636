import { ALL_RELATIONSHIP_TYPES, NODE_TYPES, RETRACTED_LABEL } from '../../model/model.js';

/**
 * Every label a query may find a node by id on: the common Node label, each model type, and the model's extra
 * labels (Party, Entity). Ids are unique across all labels, so each gets a uniqueness constraint, whose index
 * turns `MATCH (x:Entity {id: $id})` into a seek rather than a scan of every entity.
 */
const ID_LABELS = [
  'Node',
  ...new Set(Object.entries(NODE_TYPES).flatMap(([type, spec]) => [type, ...spec.labels])),
];

/** The index entity resolution finds parties by: their name keys and identifiers, each compared whole. */
export const RESOLUTION_KEYS_INDEX = 'party_resolution_keys';

const idConstraint = (label: string) => `${label.toLowerCase()}_id`;
const relationshipIndex = (type: string) => `${type.toLowerCase()}_rel_id`;

/**
 * Constraints and indexes, derived from the model and created idempotently at start. Labels come from the
 * model's closed set, never from input.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  ...ID_LABELS.map(
    (label) =>
      `CREATE CONSTRAINT ${idConstraint(label)} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  ),
  // Relationships are found by id too (a curator retracting one, an import comparing what it would write).
  ...ALL_RELATIONSHIP_TYPES.map(
    (type) => `CREATE INDEX ${relationshipIndex(type)} IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.id)`,
  ),
  // Not unique: a curator may create a new node under an id that was retracted before.
  `CREATE INDEX retracted_id IF NOT EXISTS FOR (n:${RETRACTED_LABEL}) ON (n.id)`,
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'CREATE INDEX designation_listed IF NOT EXISTS FOR (n:Designation) ON (n.listedOn)',
  `CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.searchNames]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-no-stop-words' } }`,
  // Screening by identifier looks up elements of a list property, which only a full-text index holds.
  `CREATE FULLTEXT INDEX entity_identifiers IF NOT EXISTS FOR (n:Entity) ON EACH [n.identifiers]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-no-stop-words' } }`,
  // Entity resolution finds the parties sharing a name key (nameKeys, see src/names/name-keys.ts) or an
  // identifier: the keyword analyser keeps each value one term, so a lookup is one exact term, not a phrase.
  `CREATE FULLTEXT INDEX ${RESOLUTION_KEYS_INDEX} IF NOT EXISTS FOR (n:Party) ON EACH [n.nameKeys, n.identifiers]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'keyword' } }`,
  // A sync reads the latest snapshot of its feed.
  'CREATE INDEX list_snapshot_feed IF NOT EXISTS FOR (n:ListSnapshot) ON (n.feed)',
];

/** Names of the constraints and indexes above, for tests and /health. */
export const SCHEMA_OBJECTS = {
  constraints: ID_LABELS.map(idConstraint),
  indexes: [
    ...ALL_RELATIONSHIP_TYPES.map(relationshipIndex),
    'retracted_id',
    'entity_name',
    'designation_listed',
    'entity_search',
    'entity_identifiers',
    RESOLUTION_KEYS_INDEX,
    'list_snapshot_feed',
  ],
} as const;

export const SHOW_CONSTRAINTS = 'SHOW CONSTRAINTS YIELD name RETURN name';

export const SHOW_INDEXES = 'SHOW INDEXES YIELD name, state RETURN name, state';

/**
 * Parties written before the writer stored name keys, a slice at a time in id order (the id index keeps each
 * slice from reading the ones before it), so they can be given theirs. It runs only while the resolution-key
 * index does not exist yet. Params: $after (the last id of the previous slice, '' at first), $limit.
 */
export const PARTIES_WITHOUT_NAME_KEYS = `
  MATCH (n:Party) WHERE n.id > $after
  WITH n ORDER BY n.id LIMIT $limit
  RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases, n.nameKeys IS NOT NULL AS done`;

/** Stores derived name keys. Params: $rows [{id, keys}]. */
export const SET_NAME_KEYS = `
  UNWIND $rows AS row
  MATCH (n:Party {id: row.id})
  SET n.nameKeys = row.keys`;
