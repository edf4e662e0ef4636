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
  const first = intArgument('first', args.first, limits.fallback, 1, limits.max);
  const start = startAfter(args.after);
  const page = items.slice(start, start + first);
  return {
    edges: page.map((item, index) => ({ ...item, cursor: encodeCursor(start + index) })),
    pageInfo: {
      hasNextPage: start + first < items.length,
      hasPreviousPage: start > 0,
      startCursor: page.length > 0 ? encodeCursor(start) : null,
      endCursor: page.length > 0 ? encodeCursor(start + page.length - 1) : null,
    },
    totalCount: items.length,
  };
}
