/**
 * Statements for the receipt's hot path, written as SQL once per shape. The query builder builds
 * and compiles a tree of every value of every row on each call: for a group's 64-row insert that
 * is most of the insert's cost, for SQL that is the same each time. Here the SQL of a (table,
 * columns, row count, tail, engine) is made once and kept; only the values change. The rows come
 * in the few shapes of shapedChunks, so few statements are ever made, and on SQLite each is
 * prepared once by the connection's statement cache (database.ts).
 */
import { CompiledQuery } from 'kysely';
import { engineOf, type Database, type Db } from './database.ts';
import { shapedChunks } from './statement-shapes.ts';

const texts = new Map<string, string>();

/** The SQL kept under `key`, made by `make` the first time. */
export function sqlOnce(key: string, make: () => string): string {
  let text = texts.get(key);
  if (text === undefined) {
    text = make();
    texts.set(key, text);
  }
  return text;
}

/** Placeholders numbered as the engine wants them: `?` on SQLite, `$1, $2, …` on PostgreSQL. */
export function placeholders(postgres: boolean): () => string {
  let n = 0;
  return () => (postgres ? `$${++n}` : '?');
}

/** The SQL of an insert of `count` rows of these columns, then `tail`, made once. */
function insertText(
  table: string,
  columns: readonly string[],
  count: number,
  postgres: boolean,
  tail: string,
) {
  const key = `${postgres ? 'pg' : 'sqlite'}|${table}|${columns.join(',')}|${count}|${tail}`;
  return sqlOnce(key, () => {
    const next = placeholders(postgres);
    const row = () => `(${columns.map(next).join(', ')})`;
    const rows = Array.from({ length: count }, row).join(', ');
    const names = columns.map((c) => `"${c}"`).join(', ');
    return `insert into "${table}" (${names}) values ${rows}${tail ? ` ${tail}` : ''}`;
  });
}

/**
 * Inserts rows (each with every one of `columns`), in chunks of at most `max` rows. `tail` is
 * SQL both engines read alike after the values (an `on conflict …` clause, a `returning …`);
 * the rows a `returning` gives back are returned, chunk after chunk.
 */
export async function insertPrepared<T extends keyof Database & string>(
  db: Db,
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  rows: readonly { [C in keyof Database[T]]?: unknown }[],
  max = 64,
  tail = '',
): Promise<Record<string, unknown>[]> {
  const postgres = engineOf(db) === 'postgres';
  const returned: Record<string, unknown>[] = [];
  for (const chunk of shapedChunks(rows as readonly Record<string, unknown>[], max)) {
    const values: unknown[] = [];
    for (const r of chunk) for (const c of columns) values.push(r[c] ?? null);
    const result = await db.executeQuery<Record<string, unknown>>(
      CompiledQuery.raw(insertText(table, columns, chunk.length, postgres, tail), values),
    );
    for (const row of result.rows) returned.push(row);
  }
  return returned;
}
