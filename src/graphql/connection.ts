import { badInput } from './errors.js';
import { intArgument } from './arguments.js';

/** A Relay cursor connection over a list already in its final order; cursors are opaque offsets. */
export interface Connection<T> {
  edges: (T & { cursor: string })[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

/** The offset of the first item after `after`; 0 without a cursor. */
export function startAfter(after: string | null | undefined): number {
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

/** Cuts one page (`first` items after the cursor `after`) out of `items`. */
export function paginate<T extends object>(
  items: readonly T[],
  args: { first?: number | null; after?: string | null },
  limits: { fallback: number; max: number },
): Connection<T> {
  const { first, start } = pageArguments(args, limits);
  return connectionOf(items.slice(start, start + first), start, items.length);
}

/** `first` and the offset `after` stands for, checked. */
export function pageArguments(
  args: { first?: number | null; after?: string | null },
  limits: { fallback: number; max: number },
): { first: number; start: number } {
  return {
    first: intArgument('first', args.first, limits.fallback, 1, limits.max),
    start: startAfter(args.after),
  };
}

/** A page read at offset `start` of `total` items, as a connection. */
export function connectionOf<T extends object>(
  page: readonly T[],
  start: number,
  total: number,
): Connection<T> {
  return {
    edges: page.map((item, index) => ({ ...item, cursor: encodeCursor(start + index) })),
    pageInfo: {
      hasNextPage: start + page.length < total,
      hasPreviousPage: start > 0,
      startCursor: page.length > 0 ? encodeCursor(start) : null,
      endCursor: page.length > 0 ? encodeCursor(start + page.length - 1) : null,
    },
    totalCount: total,
  };
}
