import { NODE_TYPES } from '../../model/model.js';

/**
 * Constraints and indexes, derived from the model and created idempotently at start. Labels come from the
 * model's closed set, never from input.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE',
  ...Object.keys(NODE_TYPES).map(
    (type) =>
      `CREATE CONSTRAINT ${type.toLowerCase()}_id IF NOT EXISTS FOR (n:${type}) REQUIRE n.id IS UNIQUE`,
  ),
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'CREATE INDEX designation_listed IF NOT EXISTS FOR (n:Designation) ON (n.listedOn)',
  `CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.searchNames]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-no-stop-words' } }`,
];

/** Names of the constraints and indexes above, for tests and /health. */
export const SCHEMA_OBJECTS = {
  constraints: ['node_id', ...Object.keys(NODE_TYPES).map((type) => `${type.toLowerCase()}_id`)],
  indexes: ['entity_name', 'designation_listed', 'entity_search'],
} as const;

export const SHOW_CONSTRAINTS = 'SHOW CONSTRAINTS YIELD name RETURN name';

export const SHOW_INDEXES = 'SHOW INDEXES YIELD name, state RETURN name, state';
