/** Reads and the one direct write of `sync`; everything else it writes goes through src/records. */

/** The latest snapshot of a feed (for FtM, of the same URL). Params: $feed, $url (null: any). */
export const LATEST_SNAPSHOT = `
  MATCH (s:ListSnapshot {feed: $feed})
  WHERE $url IS NULL OR s.url = $url
  RETURN s {.*} AS snapshot
  ORDER BY s.fetchedAt DESC
  LIMIT 1`;

/** Designations by id with their listing date and list. Params: $ids. */
export const DESIGNATIONS_BY_ID = `
  UNWIND $ids AS id
  MATCH (d:Designation {id: id})-[:ON_LIST]->(l:RestrictedList)
  RETURN d.id AS id, d.listedOn AS listedOn, d.removedOn AS removedOn, l.id AS listId`;

/** Model types of the given ids, for validating a snapshot's references. Params: $ids, $types. */
export const TYPES_OF_IDS = `
  UNWIND $ids AS id
  MATCH (n:Node {id: id})
  RETURN n.id AS id, head([label IN labels(n) WHERE label IN $types]) AS type`;

/**
 * Ends listings a snapshot no longer holds, on the snapshot's date (an end date the row gave that is later
 * gives way to it); one that had already ended by then keeps its date, so a second run changes nothing.
 * Params: $ids, $on (DATE).
 */
export const END_DESIGNATIONS = `
  UNWIND $ids AS id
  MATCH (d:Designation {id: id})
  WHERE d.removedOn IS NULL OR d.removedOn > $on
  SET d.removedOn = $on
  RETURN count(d) AS count`;
