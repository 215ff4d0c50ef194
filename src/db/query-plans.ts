/**
 * Test support: the plan an engine makes for a statement (EXPLAIN QUERY PLAN on SQLite, EXPLAIN
 * on PostgreSQL), one line per step, so that a test can fail when a page or a search would scan
 * a whole table or sort what an index gives in order.
 */
import { CompiledQuery, PostgresAdapter, type Compilable } from 'kysely';
import type { Db } from './database.ts';

/** The plan of a statement, one line per step, on the engine of `db`. */
export async function queryPlan(db: Db, query: Compilable): Promise<string[]> {
  const compiled = query.compile();
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const { rows } = await db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(
      `${postgres ? 'explain (costs off)' : 'explain query plan'} ${compiled.sql}`,
      [...compiled.parameters],
    ),
  );
  return rows.map((r) => String(postgres ? r['QUERY PLAN'] : r.detail));
}
