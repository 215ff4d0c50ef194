/**
 * Cursor pagination for the JSON API's lists that grow: a page holds up to `limit` items in a
 * stable order (a unique key, such as an id that only grows), and `nextCursor` names where the
 * next page starts. The cursor is opaque to clients: the key of the last item given, base64url
 * encoded; an item inserted between two requests is never given twice, nor an item given
 * before skipped.
 */
import { z } from 'zod';
import { PlenumError } from '../errors.ts';

/** The query of a paged list: `cursor` from the previous page's `nextCursor`, and `limit`. */
export const pageQuery = z.object({
  cursor: z
    .string()
    .max(500)
    .optional()
    .describe('nextCursor of the previous page; absent for the first page'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(100)
    .describe('Items per page (1 to 500; 100 unless given)'),
});

/** The cursor after an item, by its sort key. */
export function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ after: key }), 'utf8').toString('base64url');
}

/** The sort key a cursor continues after; INVALID_REQUEST (naming `cursor`) for a made-up one. */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { after?: unknown }).after === 'string'
    )
      return (value as { after: string }).after;
  } catch {
    // fall through: refused below
  }
  throw new PlenumError('INVALID_REQUEST', 'cursor: This cursor was not given by plenum.', {
    fields: [{ field: 'cursor', message: 'This cursor was not given by plenum.' }],
  });
}

/**
 * One page of items read with one more than the limit (so that a next page is known to exist
 * without a count), and its cursor.
 */
export function pageOf<T>(
  readPlusOne: T[],
  limit: number,
  keyOf: (item: T) => string,
): { items: T[]; nextCursor: string | null } {
  const items = readPlusOne.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: readPlusOne.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

/** The `nextCursor` field of a paged answer, described once. */
export const nextCursorSchema = z
  .string()
  .nullable()
  .describe('Pass as `cursor` for the next page; null on the last page');

/**
 * The cursor after an item by a composite key: its order values then its id (e.g.
 * `[startsAt, id]`), so that items sharing an order value still have one place each.
 */
export function encodeKeyCursor(key: readonly (string | number)[]): string {
  return encodeCursor(JSON.stringify(key));
}

/**
 * The composite key a cursor continues after, checked against its shape (a zod tuple);
 * INVALID_REQUEST naming `cursor` for one plenum did not give.
 */
export function decodeKeyCursor<T extends z.ZodType>(
  cursor: string | undefined,
  shape: T,
): z.output<T> | undefined {
  const after = decodeCursor(cursor);
  if (after === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(after);
  } catch {
    parsed = undefined;
  }
  const checked = shape.safeParse(parsed);
  if (checked.success) return checked.data;
  throw new PlenumError('INVALID_REQUEST', 'cursor: This cursor was not given by plenum.', {
    fields: [{ field: 'cursor', message: 'This cursor was not given by plenum.' }],
  });
}

/** A composite key of one order value (text) and an id, the shape most lists page by. */
export const textAndIdKey = z.tuple([z.string(), z.string()]);

/** One page of a list paged by a composite key: its items, and the key the next page starts after. */
export interface KeyPage<T> {
  items: T[];
  /** The key of the last row read; null on the last page. */
  nextKey: (string | number)[] | null;
}

/**
 * A page read with one more row than the limit, the rows then filtered by `keep` (what the
 * viewer may not see is left out): the next key is that of the last row read, not of the last
 * item kept, so a page may hold fewer items than `limit` and the walk still never skips or
 * repeats one.
 */
export async function keyPageOf<T, U = T>(
  readPlusOne: T[],
  limit: number,
  keyOf: (row: T) => (string | number)[],
  keep: (rows: T[]) => U[] | Promise<U[]> = (rows) => rows as unknown as U[],
): Promise<KeyPage<U>> {
  const rows = readPlusOne.slice(0, limit);
  const last = rows.at(-1);
  return {
    items: await keep(rows),
    nextKey: readPlusOne.length > limit && last !== undefined ? keyOf(last) : null,
  };
}

/** The `nextCursor` of a page paged by a composite key. */
export function nextCursorOf(page: KeyPage<unknown>): string | null {
  return page.nextKey === null ? null : encodeKeyCursor(page.nextKey);
}
