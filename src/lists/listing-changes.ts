import type { Database } from '../db/database.js';
import { dateParam, intParam } from '../db/records.js';
import type { ListingChangeKind } from '../model/model.js';
import { COUNT_LISTING_CHANGES, LISTING_CHANGES } from './lists.cypher.js';

export interface ListingChangeRow {
  id: string;
  kind: ListingChangeKind;
  on: string;
  designationId: string;
  partyId: string;
  listId: string;
  snapshotId: string | null;
  fields: string[];
}

export interface ListingChangeQuery {
  since: string | null;
  until: string | null;
  lists: string[] | null;
  skip: number;
  limit: number;
}

/**
 * One page of the listing-change feed, oldest first, and how many changes match in all. Syncs record changes;
 * every designation without a recorded one adds its own listing and removal dates, so seeded editions count.
 */
export async function listingChanges(
  db: Database,
  query: ListingChangeQuery,
): Promise<{ rows: ListingChangeRow[]; total: number }> {
  const params = {
    since: query.since ? dateParam(query.since) : null,
    until: query.until ? dateParam(query.until) : null,
    lists: query.lists,
  };
  const [rows, count] = await Promise.all([
    db.read<ListingChangeRow>(LISTING_CHANGES, {
      ...params,
      skip: intParam(query.skip),
      limit: intParam(query.limit),
    }),
    db.read<{ count: number }>(COUNT_LISTING_CHANGES, params),
  ]);
  return { rows, total: count[0]?.count ?? 0 };
}
