import { badInput } from './errors.js';

/** Opaque cursors over an ordered result: the offset of an item, so `after` continues just past it. */
export const encodeCursor = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64url');

/** The offset the next page starts at: 0 without a cursor, one past the item the cursor names. */
export function offsetAfter(after: string | null | undefined): number {
  if (!after) return 0;
  const offset = Number(
    Buffer.from(after, 'base64url')
      .toString('utf8')
      .replace(/^offset:/, ''),
  );
  if (!Number.isInteger(offset) || offset < 0)
    throw badInput('after', 'is not a cursor returned by this API');
  return offset + 1;
}

/** One page of a connection from the items at `start` and the total count. */
export function connection<T>(items: T[], start: number, total: number) {
  return {
    edges: items.map((node, index) => ({ node, cursor: encodeCursor(start + index) })),
    pageInfo: {
      hasNextPage: start + items.length < total,
      endCursor: items.length > 0 ? encodeCursor(start + items.length - 1) : null,
    },
    totalCount: total,
  };
}
