/**
 * Support for the reliability suite: a seeded random source (every run is reproducible from the
 * seed it prints), a dump of every table to tell whether a request changed the database, a raw
 * HTTP client that sends bytes no well-behaved client would, and PostgreSQL schemas for servers.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database, Engine } from '../../src/db/database.ts';

/** The seed of this run: PLENUM_RELIABILITY_SEED, else a fixed default so runs are identical. */
export function reliabilitySeed(): number {
  const given = process.env.PLENUM_RELIABILITY_SEED;
  return given !== undefined && /^\d+$/.test(given) ? Number(given) : 20261206;
}

/** A small seeded random source (mulberry32) with the helpers the generators need. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** `n` random bytes. */
  bytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = this.int(0, 255);
    return out;
  }
}

/** The engines this environment can run (PostgreSQL when PLENUM_TEST_POSTGRES_URL is set). */
export function reliabilityEngines(): Engine[] {
  return process.env.PLENUM_TEST_POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** Every table's rows, each row as canonical JSON, sorted: equal dumps mean equal databases. */
export type TableDump = Map<string, string[]>;

/**
 * Dumps every table of the database (SQLite catalogue or the current PostgreSQL schema), leaving
 * out the named columns of the named tables (bookkeeping a refused request may legitimately move).
 */
export async function dumpTables(
  db: Kysely<Database>,
  engine: Engine,
  ignoredColumns: Record<string, string[]> = {},
): Promise<TableDump> {
  const names =
    engine === 'sqlite'
      ? (
          await sql<{ name: string }>`select name from sqlite_master
            where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
        ).rows.map((r) => r.name)
      : (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'
            order by table_name`.execute(db)
        ).rows.map((r) => r.name);
  const dump: TableDump = new Map();
  for (const name of names) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
      db,
    );
    const ignored = ignoredColumns[name] ?? [];
    const kept = rows.map((row) =>
      Object.fromEntries(Object.entries(row).filter(([column]) => !ignored.includes(column))),
    );
    dump.set(name, kept.map(canonicalRow).sort());
  }
  return dump;
}

function canonicalRow(row: Record<string, unknown>): string {
  const keys = Object.keys(row).sort();
  return JSON.stringify(
    keys.map((k) => {
      const v = row[k];
      if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
      if (v instanceof Date) return v.toISOString();
      if (typeof v === 'bigint') return v.toString();
      return v;
    }),
  );
}

/** The tables whose rows differ between two dumps (ignoring `except`), with a sample of each. */
export function dumpDifferences(
  before: TableDump,
  after: TableDump,
  except: ReadonlySet<string> = new Set(),
): string[] {
  const differences: string[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    if (except.has(name)) continue;
    const a = before.get(name) ?? [];
    const b = after.get(name) ?? [];
    if (a.length === b.length && a.every((row, i) => row === b[i])) continue;
    const was = new Set(a);
    const is = new Set(b);
    const added = b.filter((r) => !was.has(r));
    const removed = a.filter((r) => !is.has(r));
    differences.push(
      `${name}: ${added.length} row(s) added, ${removed.length} removed` +
        (added[0] ? `; added e.g. ${added[0].slice(0, 300)}` : '') +
        (removed[0] ? `; removed e.g. ${removed[0].slice(0, 300)}` : ''),
    );
  }
  return differences;
}

/** What a raw request got: the status (0 when the connection ended without an answer). */
export interface RawAnswer {
  status: number;
  head: string;
  body: string;
}

/**
 * Sends these exact bytes to host:port over a new connection and reads the answer until the
 * server closes it (requests should say `Connection: close`) or the time limit passes.
 */
export function rawRequest(port: number, bytes: Buffer, timeoutMs = 60_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ port, host: '127.0.0.1' });
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const head = split >= 0 ? text.slice(0, split) : text;
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve({
        status: match ? Number(match[1]) : 0,
        head,
        body: split >= 0 ? text.slice(split + 4, split + 4 + 2000) : '',
      });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', finish);
    socket.on('close', finish);
    // A server may close while the client still writes (it refused early): read what it said.
    socket.on('error', finish);
    socket.write(bytes);
  });
}

/** A PostgreSQL schema of its own, for a server process: its URL and how to drop it. */
export async function postgresSchema(
  prefix: string,
): Promise<{ url: string; schema: string; drop: () => Promise<void> }> {
  const base = process.env.PLENUM_TEST_POSTGRES_URL;
  if (!base) throw new Error('PLENUM_TEST_POSTGRES_URL is not set');
  const schema = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const separator = base.includes('?') ? '&' : '?';
  const url = `${base}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    url,
    schema,
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`drop schema ${schema} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
