/** Reads about lists as wholes: how much of each the graph holds, and the feed of listing changes. */

/**
 * Per list: its recorded coverage, the latest sync snapshot that covers it, and the designations in force on
 * $on. Params: $ids, $on (DATE).
 */
export const LIST_COVERAGE = `
  UNWIND $ids AS id
  MATCH (l:RestrictedList {id: id})
  RETURN l.id AS listId,
         l.coverageComplete AS complete,
         l.coverageAsOf AS asOf,
         l.coverageNote AS note,
         head(COLLECT { MATCH (l)-[:COVERAGE_FROM]->(source:Source) RETURN source.id ORDER BY source.id }) AS sourceId,
         head(COLLECT {
           MATCH (s:ListSnapshot)-[:COVERS]->(l)
           RETURN s {.id, .url, .fetchedAt, .fetchedOn, .publishedOn, .rows, .complete, .sources}
           ORDER BY s.fetchedAt DESC LIMIT 1
         }) AS snapshot,
         COUNT {
           MATCH (d:Designation)-[:ON_LIST]->(l)
           WHERE d.listedOn <= $on AND (d.removedOn IS NULL OR d.removedOn > $on)
         } AS entries`;

/** Every list, by name. Params: none. */
export const ALL_LISTS = `
  MATCH (l:RestrictedList)
  RETURN l.id AS id ORDER BY l.name, l.id`;

/** Lists that carry at least one measure: the lists any restriction answer is judged against. Params: none. */
export const LISTS_WITH_MEASURES = `
  MATCH (l:RestrictedList) WHERE EXISTS { (:Measure)-[:APPLIES_TO]->(l) }
  RETURN l.id AS id ORDER BY id`;

/** Of these designations, those whose list carries no measure. Params: $ids. */
export const DESIGNATIONS_WITHOUT_MEASURE = `
  UNWIND $ids AS id
  MATCH (d:Designation {id: id})-[:ON_LIST]->(l:RestrictedList)
  WHERE NOT EXISTS { (:Measure)-[:APPLIES_TO]->(l) }
  RETURN d.id AS id`;

/**
 * Listing changes between $since and $until (inclusive; null for open), on the lists $lists (null for all):
 * those syncs recorded, and, for designations without a recorded one, ADDED on the listing date and REMOVED on
 * the removal date, so that seeded editions and first syncs show in the feed as well. Ordered by date.
 * Params: $since, $until (DATE or null), $lists, $skip, $limit.
 */
const CHANGES = `
  CALL () {
    MATCH (c:ListingChange)-[:CHANGE_OF]->(d:Designation)
    RETURN c.id AS id, c.kind AS kind, c.on AS on, d, head(COLLECT { MATCH (c)-[:SEEN_IN]->(s) RETURN s.id }) AS snapshotId,
           coalesce(c.fields, []) AS fields
    UNION ALL
    MATCH (d:Designation)
    WHERE NOT EXISTS { MATCH (:ListingChange {kind: 'ADDED'})-[:CHANGE_OF]->(d) }
    RETURN 'listed:' + d.id AS id, 'ADDED' AS kind, d.listedOn AS on, d, null AS snapshotId, [] AS fields
    UNION ALL
    MATCH (d:Designation) WHERE d.removedOn IS NOT NULL
      AND NOT EXISTS { MATCH (:ListingChange {kind: 'REMOVED'})-[:CHANGE_OF]->(d) }
    RETURN 'removed:' + d.id AS id, 'REMOVED' AS kind, d.removedOn AS on, d, null AS snapshotId, [] AS fields
  }
  WITH id, kind, on, d, snapshotId, fields
  WHERE ($since IS NULL OR on >= $since) AND ($until IS NULL OR on <= $until)
  MATCH (d)-[:ON_LIST]->(l:RestrictedList)
  WHERE $lists IS NULL OR l.id IN $lists
  MATCH (d)-[:DESIGNATES]->(p)`;

export const LISTING_CHANGES = `${CHANGES}
  RETURN id, kind, on, d.id AS designationId, p.id AS partyId, l.id AS listId, snapshotId, fields
  ORDER BY on, kind, id
  SKIP $skip LIMIT $limit`;

export const COUNT_LISTING_CHANGES = `${CHANGES}
  RETURN count(*) AS count`;
