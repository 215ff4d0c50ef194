/**
 * Opening the database: SQLite (embedded, the default) or PostgreSQL, behind one Kysely type.
 * Migrations run here too, so every entry point (server, CLI, tests) gets the same schema.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  SqliteDialect,
  sql,
  type DatabaseIntrospector,
  type SchemaMetadata,
  type TableMetadata,
  type Transaction,
} from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import type {
  DocumentTable,
  VersionTable,
  LanguageVersionTable,
  BlockTable,
  FootnoteRefTable,
} from '../documents/documents.table.ts';
import type {
  AccountLinkTable,
  AccountTable,
  ApiTokenTable,
  ApiTokenUseTable,
  RoleGrantTable,
  SessionTable,
} from '../accounts/accounts.table.ts';
import type {
  ConceptTable,
  ConceptTagTable,
  ConceptTermTable,
} from '../concepts/concepts.table.ts';
import type { CampaignBucketTable, CampaignMemberTable } from '../campaigns/campaigns.table.ts';
import type { CommentPeriodTable } from '../consultations/consultations.table.ts';
import type { EventTable, FollowerCursorTable } from '../events/events.table.ts';
import type {
  CalendarAddressTable,
  MeetingChangeTable,
  MeetingTable,
  ProcessFollowTable,
} from '../meetings/meetings.table.ts';
import type {
  OrganisationTable,
  FictionalStateTable,
  RepresentativeVerificationTable,
} from '../organisations/organisations.table.ts';
import type {
  SearchItemTable,
  SearchPostingTable,
  SearchTermTable,
} from '../search/search.table.ts';
import type {
  BlockAlignmentTable,
  CarriedAnchorTable,
  ParagraphCountTable,
} from '../revisions/revisions.table.ts';
import type {
  AttachmentTable,
  CampaignCountTable,
  CampaignTextTable,
  PeriodDayCountTable,
  PeriodStatusCountTable,
  SubmissionAnchorTable,
  SubmissionCosignerTable,
  SubmissionTable,
} from '../submissions/submissions.table.ts';
import type {
  ContentTranslationTable,
  ProcessAliasTable,
  ProcessTable,
} from '../processes/processes.table.ts';
import type { StanceTable } from '../stances/stances.table.ts';
import type {
  RegistryAnswerTable,
  RegistryRoundTable,
  RegistryMeasureTable,
  RegistryVersionCellTable,
  RegistryCellCountTable,
  RegistryRoundExtensionTable,
  RegistryRoundReminderTable,
  RegistryAnswerDocumentTable,
  RegistryAnswerFileTable,
  RegistryMeasureVersionTable,
  RegistryTermTable,
} from '../registry/registry.table.ts';
import type {
  WatchHitTable,
  WatchTable,
  WebhookAttemptTable,
  WebhookDeliveryTable,
} from '../watches/watches.table.ts';
import type { RateLimitTable } from '../limits/limits.table.ts';
import type { ImportCorrectionTable, ImportDraftTable } from '../imports/import-drafts.table.ts';
import type {
  TransparencyEntryTable,
  TransparencyHashProgressTable,
  TransparencyHeadTable,
  TransparencyLeafHashTable,
  TransparencyKeyTable,
  TransparencyNodeTable,
  TransparencyTreeHeadTable,
} from '../transparency/transparency.table.ts';
import type { MailOutboxTable } from '../mail/mail.table.ts';
import type { BriefingJobTable } from '../briefings/briefing-jobs.table.ts';
import type { MailPeriodNoticeTable } from '../notifications/notifications.table.ts';
import { PlenumError } from '../errors.ts';
import { migrations } from './migrations/index.ts';

/** Every table plenum stores, by name. */
export interface Database {
  processes: ProcessTable;
  process_aliases: ProcessAliasTable;
  content_translations: ContentTranslationTable;
  documents: DocumentTable;
  versions: VersionTable;
  language_versions: LanguageVersionTable;
  blocks: BlockTable;
  footnote_refs: FootnoteRefTable;
  events: EventTable;
  follower_cursors: FollowerCursorTable;
  accounts: AccountTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  api_token_uses: ApiTokenUseTable;
  role_grants: RoleGrantTable;
  organisations: OrganisationTable;
  fictional_states: FictionalStateTable;
  representative_verifications: RepresentativeVerificationTable;
  comment_periods: CommentPeriodTable;
  concepts: ConceptTable;
  concept_terms: ConceptTermTable;
  concept_tags: ConceptTagTable;
  stances: StanceTable;
  registry_terms: RegistryTermTable;
  registry_measures: RegistryMeasureTable;
  registry_measure_versions: RegistryMeasureVersionTable;
  registry_rounds: RegistryRoundTable;
  registry_answers: RegistryAnswerTable;
  registry_version_cells: RegistryVersionCellTable;
  registry_cell_counts: RegistryCellCountTable;
  registry_round_extensions: RegistryRoundExtensionTable;
  registry_round_reminders: RegistryRoundReminderTable;
  registry_answer_documents: RegistryAnswerDocumentTable;
  registry_answer_files: RegistryAnswerFileTable;
  watches: WatchTable;
  watch_hits: WatchHitTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
  submissions: SubmissionTable;
  submission_anchors: SubmissionAnchorTable;
  submission_cosigners: SubmissionCosignerTable;
  attachments: AttachmentTable;
  campaign_members: CampaignMemberTable;
  campaign_buckets: CampaignBucketTable;
  block_alignments: BlockAlignmentTable;
  carried_anchors: CarriedAnchorTable;
  paragraph_counts: ParagraphCountTable;
  period_status_counts: PeriodStatusCountTable;
  period_day_counts: PeriodDayCountTable;
  campaign_counts: CampaignCountTable;
  campaign_texts: CampaignTextTable;
  search_items: SearchItemTable;
  search_postings: SearchPostingTable;
  search_terms: SearchTermTable;
  rate_limits: RateLimitTable;
  meetings: MeetingTable;
  meeting_changes: MeetingChangeTable;
  process_follows: ProcessFollowTable;
  calendar_addresses: CalendarAddressTable;
  import_drafts: ImportDraftTable;
  import_corrections: ImportCorrectionTable;
  transparency_entries: TransparencyEntryTable;
  transparency_nodes: TransparencyNodeTable;
  transparency_head: TransparencyHeadTable;
  transparency_tree_heads: TransparencyTreeHeadTable;
  transparency_keys: TransparencyKeyTable;
  transparency_leaf_hashes: TransparencyLeafHashTable;
  transparency_hash_progress: TransparencyHashProgressTable;
  account_links: AccountLinkTable;
  mail_outbox: MailOutboxTable;
  mail_period_notices: MailPeriodNoticeTable;
  briefing_jobs: BriefingJobTable;
}

/** A database handle or an open transaction: what stores take as their first argument. */
export type Db = Kysely<Database> | Transaction<Database>;

/** The two database engines plenum runs on. */
export type Engine = 'sqlite' | 'postgres';

/** The engine a database handle speaks to. */
export function engineOf(db: Db): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** An open database with the engine it runs on. */
export interface OpenDatabase {
  db: Kysely<Database>;
  engine: Engine;
  /** Where it is: the SQLite file path, or the PostgreSQL URL without its password. */
  location: string;
  close(): Promise<void>;
}

/** Options for opening a database. */
export interface OpenOptions {
  /** PostgreSQL schema to use (created if missing); tests give each file its own. */
  pgSchema?: string;
  /** Largest number of pooled PostgreSQL connections. */
  pgPoolSize?: number;
}

/** True when the location is a PostgreSQL URL rather than a SQLite path. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Opens (and creates, for SQLite) the database at a file path, `:memory:` or a PostgreSQL URL. */
export async function openDatabase(
  location: string,
  options: OpenOptions = {},
): Promise<OpenDatabase> {
  if (isPostgresUrl(location)) return openPostgres(location, options);
  return openSqlite(location);
}

/** The location as it may be shown: a PostgreSQL URL without its password. */
export function showLocation(location: string): string {
  return location.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * Opens the database and brings its schema up to date; any failure (unreachable server, wrong
 * password, a file that is not a database) is a DATABASE_UNAVAILABLE error naming the location.
 */
export async function openMigratedDatabase(
  location: string,
  options: OpenOptions = {},
): Promise<{ opened: OpenDatabase; applied: string[] }> {
  let opened: OpenDatabase | undefined;
  try {
    opened = await openDatabase(location, options);
    const applied = await migrateToLatest(opened.db);
    return { opened, applied };
  } catch (error) {
    await opened?.close().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new PlenumError('DATABASE_UNAVAILABLE', `${showLocation(location)}: ${reason}`);
  }
}

/** The page cache of a SQLite connection, in KiB: PLENUM_SQLITE_CACHE_MB, else 256 MB. */
const sqliteCacheKiB = (() => {
  const mb = Number(process.env.PLENUM_SQLITE_CACHE_MB);
  return (Number.isInteger(mb) && mb > 0 ? mb : 256) * 1024;
})();

/** The files of the SQLite databases opened here, by handle, for `openBulkReader`. */
const sqliteFiles = new WeakMap<Db, string>();

/** The page cache of a bulk reader's connection, in KiB. */
const bulkReaderCacheKiB = 8 * 1024;

/**
 * A connection of its own for one long read through much of the database (a consultation's data
 * package), closed by `close`: on a SQLite file, a read-only connection with an 8 MB page cache,
 * so that the read neither grows the process by the shared connection's cache (256 MB by
 * default, which a 100,000-submission package filled) nor evicts the pages that cache keeps for
 * every request (a read in id order gains little from a cache: the operating system's serves it).
 * Elsewhere the database itself: PostgreSQL's pool (its cache is the server's), and an
 * in-memory SQLite database, which no other connection can open.
 */
export function openBulkReader(db: Db): { db: Db; close(): Promise<void> } {
  const file = sqliteFiles.get(db);
  if (file === undefined) return { db, close: async () => {} };
  const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  sqlite.pragma(`busy_timeout = ${sqliteLockWaitMs}`);
  sqlite.pragma(`cache_size = -${bulkReaderCacheKiB}`);
  const reader = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachedStatements(sqlite) }),
  });
  return { db: reader, close: () => reader.destroy() };
}

/**
 * A SQLite connection as Kysely takes it, with its prepared statements cached by their SQL:
 * Kysely prepares every query anew, and caching saves that work on every request (queries run
 * one at a time on a connection, so a statement is never shared).
 */
function cachedStatements(sqlite: SqliteDatabase.Database) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        // Full: forget the statement prepared longest ago (a Map keeps insertion order).
        if (statements.size >= 1000) statements.delete(statements.keys().next().value!);
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

function openSqlite(path: string): OpenDatabase {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  // WAL lets readers run while one writer commits; synchronous=FULL fsyncs the WAL at every
  // commit, so a committed write survives a process crash and a power loss (see README).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${sqliteLockWaitMs}`);
  // SQLite keeps 2 MB of pages per connection by default: a search over a million passages
  // reads its 10,000 candidates' rows from all over the file, and read them again from the
  // operating system on every query (10,000 rows: 53–77 ms with 2 MB, 13–37 ms with 200 MB, on
  // the reference machine). The cache fills only as pages are read, so a small database uses
  // little of it.
  sqlite.pragma(`cache_size = -${sqliteCacheKiB}`);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachedStatements(sqlite) }),
  });
  if (path !== ':memory:') sqliteFiles.set(db, resolve(path));
  return {
    db,
    engine: 'sqlite',
    location: path,
    close: () => db.destroy(),
  };
}

/**
 * Kysely's migrator asks the introspector whether its tables exist. PostgreSQL's introspector
 * lists the tables of every schema and checks the privileges on each schema by name, so a schema
 * dropped meanwhile by someone else (another plenum, a test) makes the migration fail with
 * "schema … does not exist". This one lists only the tables of the schema in use, by catalog ids.
 */
class CurrentSchemaIntrospector implements DatabaseIntrospector {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the introspector serves any schema
  private readonly db: Kysely<any>;
  private readonly general: PostgresIntrospector;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  constructor(db: Kysely<any>) {
    this.db = db;
    this.general = new PostgresIntrospector(db);
  }

  getSchemas(): Promise<SchemaMetadata[]> {
    return this.general.getSchemas();
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ schema: string; name: string; kind: string }>`
      select n.nspname as schema, c.relname as name, c.relkind as kind
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'f')
      order by c.relname`.execute(this.db);
    return rows.map((r) => ({
      name: r.name,
      schema: r.schema,
      isView: r.kind === 'v',
      isForeign: r.kind === 'f',
      columns: [],
    }));
  }
}

/** PostgreSQL as Kysely has it, with the introspector above. */
class PlenumPostgresDialect extends PostgresDialect {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own signature
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

async function openPostgres(url: string, options: OpenOptions): Promise<OpenDatabase> {
  const schema = options.pgSchema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  }
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists ${schema}`);
    } finally {
      await admin.end();
    }
  }
  // No parallel query: a page's statements read a page's rows, and starting two workers for one
  // cost more than the work (the opened paragraph at 1,000,000 stored: the plan's first row
  // after 122 ms, of which the walk itself 45 ms); a web server's connections are its parallelism.
  const settings = ['-c max_parallel_workers_per_gather=0'];
  if (schema) settings.push(`-c search_path=${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolSize ?? 10,
    options: settings.join(' '),
  });
  const db = new Kysely<Database>({ dialect: new PlenumPostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    location: showLocation(url),
    close: () => db.destroy(),
  };
}

/** How long a write transaction waits for another process's write lock on SQLite (ms). */
export const sqliteLockWaitMs = 5000;

/** How a write transaction commits. */
export interface WriteTransactionOptions {
  /**
   * False for work that can be done again from what is durable: the followers of the event log,
   * whose output and cursor commit together. On SQLite such a commit is not fsynced
   * (synchronous=NORMAL for that transaction): WAL keeps commits in order and whole, so a power
   * loss can only lose the last of them, cursor and output together, and the follower reads those
   * events again; the next durable commit syncs them too. PostgreSQL ignores it.
   */
  durable?: boolean;
}

/**
 * Runs `work` in one write transaction on one connection, committed when it returns and rolled
 * back when it throws. On SQLite the write lock is taken at the start (BEGIN IMMEDIATE) rather
 * than at the first write, so a second process on the same file waits for it instead of failing
 * with SQLITE_BUSY after reading. It waits without blocking: SQLite's own busy handler sleeps in
 * the calling thread, which would stop this process's event loop (no request read, no receipt
 * sent) while another process (`plenum serve --workers N`) commits; instead the lock is tried
 * at once and tried again a moment later, for up to sqliteLockWaitMs.
 */
export async function inWriteTransaction<T>(
  db: Kysely<Database>,
  engine: Engine,
  work: (trx: Db) => Promise<T>,
  options: WriteTransactionOptions = {},
): Promise<T> {
  const relaxed = engine === 'sqlite' && options.durable === false;
  return db.connection().execute(async (connection) => {
    // SQLite refuses to change the setting inside a transaction: it is set around it.
    if (relaxed) await sql.raw('pragma synchronous = NORMAL').execute(connection);
    try {
      if (engine === 'sqlite') await beginImmediate(connection);
      else await sql.raw('begin').execute(connection);
      let result: T;
      try {
        result = await work(connection);
      } catch (error) {
        await sql
          .raw('rollback')
          .execute(connection)
          .catch(() => {});
        throw error;
      }
      await sql.raw('commit').execute(connection);
      return result;
    } finally {
      if (relaxed) await sql.raw('pragma synchronous = FULL').execute(connection);
    }
  });
}

/** True for SQLite's "database is locked" (another connection holds the write lock). */
function isSqliteBusy(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY';
}

/** BEGIN IMMEDIATE, waiting for the write lock on the event loop rather than in SQLite. */
async function beginImmediate(connection: Db): Promise<void> {
  const deadline = performance.now() + sqliteLockWaitMs;
  await sql.raw('pragma busy_timeout = 0').execute(connection);
  try {
    for (let pause = 0.25; ; pause = Math.min(pause * 2, 4)) {
      try {
        await sql.raw('begin immediate').execute(connection);
        return;
      } catch (error) {
        if (!isSqliteBusy(error) || performance.now() >= deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  } finally {
    // Other statements keep SQLite's own wait (a plain write outside a transaction, a checkpoint).
    await sql.raw(`pragma busy_timeout = ${sqliteLockWaitMs}`).execute(connection);
  }
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // On PostgreSQL, Kysely looks for its migration tables in every schema unless told which one:
  // a database holding plenum in two schemas (tests, benchmarks) would find the other's tables
  // and never create its own. The schema in use (search_path) is the one to name.
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]
          ?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'plenum_migrations',
    migrationLockTableName: 'plenum_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
