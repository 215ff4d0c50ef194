/**
 * Test support: a freshly migrated database per test, on SQLite always and on PostgreSQL when
 * PLENUM_TEST_POSTGRES_URL is set (each test gets its own schema, dropped afterwards).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Engine, type OpenDatabase } from './database.ts';

/** The engines the store and route tests run on in this environment. */
export function testEngines(): Engine[] {
  return process.env.PLENUM_TEST_POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** Opens a new, empty, migrated database on the engine; `close` also removes it. */
export async function openTestDatabase(
  engine: Engine,
  options: { pgPoolSize?: number } = {},
): Promise<OpenDatabase> {
  if (engine === 'sqlite') {
    const opened = await openDatabase(':memory:');
    await migrateToLatest(opened.db);
    return opened;
  }
  const url = process.env.PLENUM_TEST_POSTGRES_URL;
  if (!url) throw new Error('PLENUM_TEST_POSTGRES_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const opened = await openDatabase(url, { pgSchema: schema, pgPoolSize: options.pgPoolSize ?? 4 });
  await migrateToLatest(opened.db);
  return {
    ...opened,
    close: async () => {
      await opened.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop schema ${schema} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * The number of rows of every table of the database, by table, but those named in `except`:
 * what a refused operation must leave as it was ("nothing is written on any refusal").
 */
export async function rowCounts(
  o: OpenDatabase,
  except: string[] = [],
): Promise<Record<string, number>> {
  const tables =
    o.engine === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
          o.db,
        )
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(
          o.db,
        );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows.toSorted((a, b) => (a.name < b.name ? -1 : 1))) {
    if (except.includes(name)) continue;
    const r = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(name)}`.execute(o.db);
    counts[name] = Number(r.rows[0]!.n);
  }
  return counts;
}

/** An API answer as the refusal check reads it: the status and the error's code and message. */
export interface AnswerSeen {
  status: number;
  body: { error?: { code: string; message: string } };
}

/**
 * One refusal an API test expects: its name, the answer (pending: refusals may be sent together),
 * the status, the error code and words the message must hold.
 */
export type ExpectedRefusal = [
  name: string,
  answer: Promise<AnswerSeen>,
  status: number,
  code: string,
  says: RegExp,
];

/**
 * Waits for each refusal and checks it came as expected, then that none of them wrote a row
 * (every table's count as in `before`, from rowCounts with the same `except`): one assertion that
 * names every refusal that answered otherwise, with what it answered.
 */
export async function assertRefusedWithoutWriting(
  o: OpenDatabase,
  refusals: ExpectedRefusal[],
  before: Record<string, number>,
  except: string[] = ['rate_limits'],
): Promise<void> {
  const wrong: string[] = [];
  for (const [name, pending, status, code, says] of refusals) {
    const res = await pending;
    if (
      res.status !== status ||
      res.body.error?.code !== code ||
      !says.test(res.body.error.message)
    )
      wrong.push(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  assert.deepEqual(wrong, [], 'every refusal answers as expected');
  assert.deepEqual(await rowCounts(o, except), before, 'no refusal writes anything');
}
