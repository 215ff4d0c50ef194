/**
 * Multi-row inserts for the receipt's hot path, written as SQL once per shape. The query builder
 * builds and compiles a tree of every value of every row on each call: for a group's 64-row
 * insert that is most of the insert's cost, for SQL that is the same each time. Here the SQL of
 * a (table, columns, row count, engine) is made once and kept; only the values change. The rows
 * come in the few shapes of shapedChunks, so few statements are ever made.
 */
import { CompiledQuery } from 'kysely';
import { engineOf, type Database, type Db } from './database.ts';
import { shapedChunks } from './statement-shapes.ts';

const texts = new Map<string, string>();

/** The SQL of an insert of `count` rows of these columns, made once. */
function insertText(table: string, columns: readonly string[], count: number, postgres: boolean) {
  const key = `${postgres ? 'pg' : 'sqlite'}|${table}|${columns.join(',')}|${count}`;
  let text = texts.get(key);
  if (!text) {
    let n = 0;
    const row = () => `(${columns.map(() => (postgres ? `$${++n}` : '?')).join(', ')})`;
    const rows = Array.from({ length: count }, row).join(', ');
    const names = columns.map((c) => `"${c}"`).join(', ');
    text = `insert into "${table}" (${names}) values ${rows}`;
    texts.set(key, text);
  }
  return text;
}

/** Inserts rows (each with every one of `columns`), in chunks of at most `max` rows. */
export async function insertPrepared<T extends keyof Database & string>(
  db: Db,
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  rows: readonly { [C in keyof Database[T]]?: unknown }[],
  max = 64,
): Promise<void> {
  const postgres = engineOf(db) === 'postgres';
  for (const chunk of shapedChunks(rows as readonly Record<string, unknown>[], max)) {
    const values: unknown[] = [];
    for (const r of chunk) for (const c of columns) values.push(r[c] ?? null);
    await db.executeQuery(
      CompiledQuery.raw(insertText(table, columns, chunk.length, postgres), values),
    );
  }
}
