/**
 * Few shapes of SQL for lists of any length. A multi-row insert of 37 rows and one of 38 are two
 * different statements to prepare; with lists of every length, SQLite's statement cache churns
 * and every call pays for preparing anew. Chunks of `max` rows, then powers of two for the rest,
 * and IN lists padded to a power of two, keep the shapes to a handful.
 */

/** Splits rows into chunks of `max` (a power of two) and then of falling powers of two. */
export function shapedChunks<T>(rows: readonly T[], max: number): T[][] {
  const chunks: T[][] = [];
  let i = 0;
  while (rows.length - i >= max) {
    chunks.push(rows.slice(i, i + max));
    i += max;
  }
  for (let size = max >> 1; size >= 1; size >>= 1) {
    if (rows.length - i >= size) {
      chunks.push(rows.slice(i, i + size));
      i += size;
    }
  }
  return chunks;
}

/** An IN list padded to a power of two by repeating its last value (the same set). */
export function shapedList<T>(values: T[]): T[] {
  if (values.length <= 1) return values;
  let size = 1;
  while (size < values.length) size <<= 1;
  const padded = values.slice();
  while (padded.length < size) padded.push(values.at(-1)!);
  return padded;
}
