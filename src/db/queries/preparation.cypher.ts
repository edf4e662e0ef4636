/**
 * What a database was last prepared with: fingerprints of the schema statements and of the seed files, on one
 * node outside the model's `Node` label (so counts, exports and searches never see it).
 */
export const READ_PREPARATION = `
  OPTIONAL MATCH (p:GraphPreparation {key: 'graph'})
  RETURN NOT EXISTS { MATCH (:Node) } AS empty, p.schema AS schema, p.seeds AS seeds`;

export const RECORD_PREPARATION = `
  MERGE (p:GraphPreparation {key: 'graph'})
  SET p.schema = $schema, p.seeds = $seeds`;
