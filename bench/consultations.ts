/**
 * Benchmarks of consultations, run by npm run bench on each engine:
 * - the document page of a 200-paragraph draft with 10,000 published comments (and the same page
 *   with one paragraph's comments opened, and the consultation page), rendered through app.request;
 * - submissions over HTTP on loopback, each committed durably before its receipt, against the real
 *   server (`plenum serve --workers 2`, and createHttpServer in this process) on a SQLite file (WAL, synchronous=FULL) or on PostgreSQL, driven
 *   by a client in a worker thread and, for comparison, by one on the server's own thread.
 *
 * This file is also the worker's entry point: a worker started with the role in `clientRole`
 * drives the submissions and posts its counts back.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Session } from 'node:inspector';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import type { Viewer } from '../src/accounts/accounts.schema.ts';
import { operatorViewer } from '../src/accounts/accounts.schema.ts';
import { createApiToken, viewerFromToken } from '../src/accounts/accounts.service.ts';
import { createApp } from '../src/app.ts';
import { createHttpServer, listen } from '../src/http-server.ts';
import { noLimits } from '../src/limits/limits.ts';
import { buildConsultation } from '../src/consultations/consultation.builder.ts';
import { openCommentPeriod } from '../src/consultations/consultations.service.ts';
import {
  engineOf,
  type Database,
  type Db,
  type Engine,
  type OpenDatabase,
} from '../src/db/database.ts';
import { importFile } from '../src/imports/imports.service.ts';
import { countries } from '../src/organisations/countries.ts';
import { organisationGroups } from '../src/organisations/organisations.schema.ts';
import {
  registerOrganisation,
  verifyOrganisation,
} from '../src/organisations/organisations.service.ts';
import { submitComment } from '../src/submissions/submissions.service.ts';
import { apiSubmissionSchema } from '../src/submissions/submissions.schema.ts';
import { SqliteWriterThread } from '../src/submissions/submission-writer.ts';
import { Followers } from '../src/events/followers.ts';
import { followerStatus } from '../src/events/followers.service.ts';
import { isAtOrPast, listCursors, logEnd } from '../src/events/followers.store.ts';
import { allFollowers } from '../src/followers.ts';
import type {
  SubmissionAnchorTable,
  SubmissionCosignerTable,
  SubmissionTable,
} from '../src/submissions/submissions.table.ts';
import type { Insertable } from 'kysely';
import type { EventTable } from '../src/events/events.table.ts';
import { prng } from '../src/imports/parser/messy-document.builder.ts';
import { quoteSelector } from '../src/revisions/reanchor.ts';
import { startServer } from '../test/support/start-server.ts';
import { openBenchDatabase } from './databases.ts';
import { generateDraftText } from './generate.ts';
import { writeFloor } from './write-floor.ts';

// ---------------------------------------------------------------------------------------------
// Shared helpers

const ms = (n: number): string => `${n.toFixed(2)} ms`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const int = (n: number): string => Math.round(n).toLocaleString('en');

function quantiles(samples: ArrayLike<number>): { p50: number; p95: number; p99: number } {
  const sorted = Array.from(samples).sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** A UUIDv7 for a given time, as newId() makes them, so ids sort like received_at. */
function uuidAt(msSinceEpoch: number): string {
  const bytes = randomBytes(16);
  let t = msSinceEpoch;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** 'YYYY-MM-DDTHH:mm', the wall-clock form comment periods are opened with (UTC here). */
const wallClock = (d: Date): string => d.toISOString().slice(0, 16);

const words = [
  'the',
  'paragraph',
  'should',
  'recognise',
  'that',
  'stakeholders',
  'in',
  'their',
  'respective',
  'roles',
  'contribute',
  'to',
  'a',
  'secure',
  'and',
  'stable',
  'Internet',
  'we',
  'propose',
  'replacing',
  'with',
  'language',
  'agreed',
  'at',
  'previous',
  'sessions',
  'of',
  'working',
  'group',
  'this',
  'is',
  'important',
  'for',
  'developing',
  'countries',
  'capacity',
  'building',
  'technical',
  'community',
  'civil',
  'society',
];

/** English prose of about `length` characters, seeded. */
function prose(random: () => number, length: number): string {
  const out: string[] = [];
  let size = 0;
  let sentence = 0;
  while (size < length) {
    let w = words[Math.floor(random() * words.length)]!;
    if (sentence === 0) w = w[0]!.toUpperCase() + w.slice(1);
    sentence++;
    if (sentence > 8 && random() < 0.15) {
      w += '.';
      sentence = 0;
    }
    out.push(w);
    size += w.length + 1;
  }
  const text = out.join(' ');
  return text.endsWith('.') ? text : `${text}.`;
}

interface Paragraph {
  id: string;
  address: string;
  text: string;
}

interface BenchOrganisation {
  id: string;
  /** The account that represents it (and is the author of its submissions). */
  authorId: string;
}

/** What every consultation benchmark starts from. */
export interface Setup {
  documentId: string;
  versionId: string;
  periodId: string;
  paragraphs: Paragraph[];
  organisations: BenchOrganisation[];
  /** Three representatives, each of one organisation, to submit over the API. */
  representatives: { viewer: Viewer; organisationId: string }[];
}

/**
 * buildConsultation's accounts and organisations, a 200-paragraph draft of process 'twg' with an
 * open comment period (moderation 'immediate'), and ~50 organisations across stakeholder groups
 * and countries.
 */
export async function setUp(o: OpenDatabase): Promise<Setup> {
  const now = new Date();
  const opens = wallClock(new Date(now.getTime() - 60 * 86_400_000));
  const closes = wallClock(new Date(now.getTime() + 60 * 86_400_000));
  const built = await buildConsultation(o.db, { opens, closes, moderation: 'immediate', now });
  const draft = await importFile(o.db, new TextEncoder().encode(generateDraftText(200, 60, 2)), {
    process: 'twg',
    symbol: 'BENCH/CONSULTATION',
    language: 'en',
    format: 'text',
  });
  const period = await o.db.transaction().execute((trx) =>
    openCommentPeriod(
      trx,
      operatorViewer,
      built.process.id,
      {
        versionId: draft.ids.version,
        title: 'Written comments on the benchmark draft',
        description: 'Comments on any paragraph are welcome.',
        opensAt: opens,
        closesAt: closes,
        timeZone: 'UTC',
        moderation: 'immediate',
      },
      now,
    ),
  );
  const paragraphs = await o.db
    .selectFrom('blocks')
    .select(['id', 'address', 'text'])
    .where('language_version_id', '=', draft.ids.languageVersion)
    .where('kind', '=', 'paragraph')
    .orderBy('seq')
    .execute();

  // 47 more organisations, registered by one account (so the three built representatives each
  // hold one grant, as most representatives do).
  const viewerOf = (a: { id: string; email: string }, grants: Viewer['grants'] = []): Viewer => ({
    ...a,
    name: a.email,
    isAdmin: false,
    grants,
    via: 'session',
  });
  const registrar = viewerOf(built.accounts.outsider);
  const states = countries.filter((c) => !c.observer);
  const random = prng(7);
  const organisations: BenchOrganisation[] = [
    { id: built.organisations.civil.id, authorId: built.accounts.civil.id },
    { id: built.organisations.tech.id, authorId: built.accounts.tech.id },
    { id: built.organisations.government.id, authorId: built.accounts.government.id },
  ];
  const kinds: Record<(typeof organisationGroups)[number], string> = {
    government: 'Ministry of Foreign Affairs',
    igo: 'Regional Telecommunications Organisation',
    private_sector: 'Networks Limited',
    civil_society: 'Digital Rights Initiative',
    technical_community: 'Network Information Centre',
    academia: 'Institute of Internet Studies',
  };
  // The built government (Brazil's) is verified.
  const verifiedStates = new Set<string>(['BRA']);
  await o.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 47; i++) {
      const group = organisationGroups[i % organisationGroups.length]!;
      const country = states[Math.floor(random() * states.length)]!.iso3;
      const organisation = await registerOrganisation(trx, registrar, {
        name: `${kinds[group]} ${country} ${i + 1}`,
        stakeholderGroup: group,
        country,
      });
      // A State has one verified government: a second drawn for the same State stays unverified.
      if (i % 3 !== 0 && !(group === 'government' && verifiedStates.has(country))) {
        await verifyOrganisation(trx, operatorViewer, organisation.id, {
          kind: 'other',
          reason: 'Verified for the benchmark.',
        });
        if (group === 'government') verifiedStates.add(country);
      }
      organisations.push({ id: organisation.id, authorId: registrar.id });
    }
  });
  const representatives = (['civil', 'tech', 'government'] as const).map((k) => ({
    viewer: viewerOf(built.accounts[k]),
    organisationId: built.organisations[k].id,
  }));
  return {
    documentId: draft.ids.document,
    versionId: draft.ids.version,
    periodId: period.id,
    paragraphs,
    organisations,
    representatives,
  };
}

// ---------------------------------------------------------------------------------------------
// 1. The document page with 10,000 published comments

/**
 * Writes `count` published submissions straight into the tables, as submitComment would have
 * written them in a period with moderation 'immediate' (rows, anchors with the block's version
 * and address, confirmed co-signers, the 'submission.published' event), in batched transactions.
 * About 10% are general comments, 25% quote a span, 10% name two paragraphs and 5% are joint.
 */
export async function writePublishedSubmissions(
  db: OpenDatabase['db'],
  setup: Setup,
  count: number,
  /** Sets this call's idempotency keys apart from an earlier call's (a growing database). */
  keyPrefix = '',
): Promise<void> {
  const random = prng(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  // Half the comments go to ten much-discussed paragraphs (para 50 among them), half anywhere.
  const hot = [3, 7, 12, 25, 50, 51, 88, 120, 150, 199].map((n) => setup.paragraphs[n - 1]!);
  const paragraph = (): Paragraph => (random() < 0.5 ? pick(hot) : pick(setup.paragraphs));
  const periodOpened = Date.now() - 30 * 86_400_000;
  const perTransaction = 1000;
  for (let first = 0; first < count; first += perTransaction) {
    const submissions: SubmissionTable[] = [];
    const anchors: SubmissionAnchorTable[] = [];
    const cosigners: SubmissionCosignerTable[] = [];
    const events: Insertable<EventTable>[] = [];
    for (let n = first; n < Math.min(count, first + perTransaction); n++) {
      // Received over the last 30 days, in order.
      const receivedMs = periodOpened + Math.floor(((n + random()) / count) * 30 * 86_400_000);
      const at = new Date(receivedMs).toISOString();
      const id = uuidAt(receivedMs);
      const organisation = pick(setup.organisations);
      const kind = random();
      const mine: SubmissionAnchorTable[] = [];
      if (kind >= 0.1) {
        const block = paragraph();
        let selector: ReturnType<typeof quoteSelector> | undefined;
        if (kind < 0.35) {
          const spaces = [...block.text.matchAll(/ /g)].map((m) => m.index);
          const from = Math.floor(random() * (spaces.length - 8));
          const start = from === 0 ? 0 : spaces[from - 1]! + 1;
          const end = spaces[from + 2 + Math.floor(random() * 6)]!;
          selector = quoteSelector(block.text, start, end);
        }
        const anchored = [block, ...(kind > 0.9 ? [paragraph()] : [])];
        for (const [seq, b] of anchored.entries()) {
          if (seq > 0 && b.id === block.id) continue;
          const s = seq === 0 ? selector : undefined;
          mine.push({
            id: uuidAt(receivedMs),
            submission_id: id,
            published: 1,
            seq,
            block_id: b.id,
            version_id: setup.versionId,
            address: b.address,
            exact: s?.exact ?? null,
            prefix: s?.prefix ?? null,
            suffix: s?.suffix ?? null,
            start: s?.start ?? null,
            end: s?.end ?? null,
          });
        }
      }
      const joint =
        random() < 0.05
          ? [...new Set([pick(setup.organisations), pick(setup.organisations)])].filter(
              (c) => c.id !== organisation.id,
            )
          : [];
      for (const c of joint) {
        cosigners.push({
          submission_id: id,
          organisation_id: c.id,
          state: 'confirmed',
          responded_at: at,
          responded_by: c.authorId,
        });
      }
      const title = random() < 0.3 ? prose(random, 40).slice(0, -1) : null;
      const body = prose(random, 200 + Math.floor(random() * 1300));
      const content = JSON.stringify({
        anchors: mine.map((a) => ({
          block: a.block_id,
          end: a.end,
          exact: a.exact,
          start: a.start,
        })),
        attachments: [],
        body,
        cosigners: joint.map((c) => c.id).sort(),
        language: 'en',
        organisation: organisation.id,
        period: setup.periodId,
        title,
      });
      submissions.push({
        id,
        period_id: setup.periodId,
        organisation_id: organisation.id,
        author_id: organisation.authorId,
        title,
        body,
        language: 'en',
        language_detected: 'en',
        status: 'published',
        status_reason: null,
        status_note: null,
        content_sha256: createHash('sha256').update(content).digest('hex'),
        // Generated rows are fingerprinted as before the log (content only) and not logged.
        fingerprint_version: 1,
        idempotency_key: `bench-${keyPrefix}${n}`,
        received_at: at,
        published_at: at,
        updated_at: at,
        affiliation: null,
        anonymous: 0,
        campaign_id: null,
      });
      anchors.push(...mine);
      events.push({
        id: uuidAt(receivedMs),
        at,
        actor: organisation.authorId,
        action: 'submission.published',
        subject_type: 'submission',
        subject_id: id,
        data: JSON.stringify({
          periodId: setup.periodId,
          organisationId: organisation.id,
          status: 'published',
        }),
      });
    }
    await db.transaction().execute(async (trx) => {
      await insertChunked(trx, 'submissions', submissions, 17);
      await insertChunked(trx, 'submission_anchors', anchors, 11);
      await insertChunked(trx, 'submission_cosigners', cosigners, 5);
      await insertChunked(trx, 'events', events, 7);
    });
  }
}

/** Multi-row inserts under both engines' limits on bound parameters. */
async function insertChunked<T extends keyof Database>(
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
  columns: number,
): Promise<void> {
  const size = Math.floor(8000 / columns);
  for (let i = 0; i < rows.length; i += size) {
    // The rows are Insertable<Database[T]>; Kysely cannot relate that to a generic table's insert type.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

export interface PageTiming {
  p50: number;
  p95: number;
  /** Timed requests made (fewer than asked when the page is so slow that the budget ran out). */
  count: number;
  bytes: number;
  gzipped: number;
}

/**
 * Times GET requests of one address through app.request: `warmUp` untimed ones, then `timed`
 * ones, each phase stopping early when `budgetMs` is spent; and the page's weight, raw and gzipped.
 */
export async function timePage(
  app: ReturnType<typeof createApp>,
  path: string,
  { warmUp, timed, budgetMs }: { warmUp: number; timed: number; budgetMs: number },
): Promise<PageTiming> {
  const get = async (headers: Record<string, string> = {}): Promise<Response> => {
    const res = await app.request(path, { headers });
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
    return res;
  };
  let bytes = 0;
  let until = performance.now() + budgetMs;
  for (let i = 0; i < warmUp && performance.now() < until; i++) {
    bytes = Buffer.byteLength(await (await get()).text());
  }
  const samples: number[] = [];
  until = performance.now() + budgetMs;
  for (let i = 0; i < timed && (i < 5 || performance.now() < until); i++) {
    const t = performance.now();
    await (await get()).text();
    samples.push(performance.now() - t);
  }
  const gzipped = (await (await get({ 'accept-encoding': 'gzip' })).arrayBuffer()).byteLength;
  const q = quantiles(samples);
  return { p50: q.p50, p95: q.p95, count: samples.length, bytes, gzipped };
}

/** The load average, as a warning that other work on the machine skews the figures. */
function load(): string {
  return `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`;
}

/** The document page of a 200-paragraph draft with 10,000 published comments. */
export async function benchCommentedDocument(engine: Engine): Promise<void> {
  const o = await openBenchDatabase(engine);
  try {
    const setup = await setUp(o);
    const count = 10_000;
    const t = performance.now();
    await writePublishedSubmissions(o.db, setup, count);
    const written = performance.now() - t;
    // PostgreSQL's autovacuum would have analysed tables this size long before anyone reads them;
    // SQLite has no such thing, and plenum runs no ANALYZE, so its tables stay without statistics.
    if (engine === 'postgres') {
      for (const table of ['submissions', 'submission_anchors', 'submission_cosigners', 'events'])
        await sql`analyze ${sql.table(table)}`.execute(o.db);
    }
    const { anchors } = await o.db
      .selectFrom('submission_anchors')
      .select((eb) => eb.fn.countAll<number>().as('anchors'))
      .executeTakeFirstOrThrow();
    const app = createApp({ db: o.db, engine });
    const page = `/documents/${setup.documentId}/v/1/en`;
    const plan = { warmUp: 20, timed: 200, budgetMs: 10_000 };
    const before = load();
    const main = await timePage(app, page, plan);
    const opened = await timePage(app, `${page}?comments=para%2050`, plan);
    const consultation = await timePage(app, `/consultations/${setup.periodId}`, plan);
    const timing = (r: PageTiming): string =>
      `median ${ms(r.p50)}, p95 ${ms(r.p95)}${r.count < plan.timed ? ` (only ${r.count} requests in ${plan.budgetMs / 1000} s)` : ''}, ${kb(r.bytes)} of HTML, ${kb(r.gzipped)} gzipped`;
    console.log(
      `document page with ${int(count)} published comments (200 paragraphs, ${setup.organisations.length} organisations, ${int(Number(anchors))} anchors) on ${engine}, ` +
        `${plan.timed} requests through app.request after ${plan.warmUp} warm-up: ${timing(main)}  [target p95 ≤ 50 ms]`,
    );
    console.log(
      `  same page with para 50's comments opened (?comments=para%2050): ${timing(opened)}`,
    );
    console.log(`  consultation page /consultations/:id: ${timing(consultation)}`);
    console.log(
      `  (${int(count)} submissions written directly in ${(written / 1000).toFixed(1)} s, 1,000 per transaction; ${before} before timing, ${load()} after)`,
    );
  } finally {
    await o.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Submissions over HTTP on loopback

/** What the client needs to drive submissions. */
interface DriveOptions {
  url: string;
  clients: { token: string; organisationId: string }[];
  blockIds: string[];
  concurrency: number;
  durationMs: number;
  /** Makes idempotency keys unique across runs. */
  keyPrefix: string;
  /**
   * What each request is: a submission (POST, 201 with a receipt), the same JSON body to another
   * path (POST, 200), or a GET of a path (200). Submissions by default.
   */
  sends?: { method: 'POST' | 'GET'; path: string };
}

interface DriveResult {
  receipts: number;
  errors: number;
  errorSamples: string[];
  receiptIds: string[];
  latencies: number[];
  elapsedMs: number;
}

/** Keeps `concurrency` submissions in flight for `durationMs`; counts 201 receipts and the rest. */
async function drive(o: DriveOptions): Promise<DriveResult> {
  const random = prng(3);
  // A pool of ~500-character bodies; each request makes its own unique by its number.
  const bodies = Array.from({ length: 64 }, () => prose(random, 480));
  const result: DriveResult = {
    receipts: 0,
    errors: 0,
    errorSamples: [],
    receiptIds: [],
    latencies: [],
    elapsedMs: 0,
  };
  // node:http with kept-alive connections, one per lane: a load generator far lighter than
  // fetch(), so the machine's second core goes less to the client and more to the server.
  const url = new URL(o.url);
  const sends = o.sends ?? { method: 'POST', path: url.pathname };
  const submitting = sends.path === url.pathname;
  const expected = submitting ? 201 : 200;
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  const post = (payload: string, token: string): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: sends.path,
          method: sends.method,
          headers:
            sends.method === 'GET'
              ? {}
              : {
                  authorization: `Bearer ${token}`,
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(payload),
                },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(sends.method === 'GET' ? undefined : payload);
    });
  let next = 0;
  const started = performance.now();
  const deadline = started + o.durationMs;
  const lane = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const n = next++;
      const client = o.clients[n % o.clients.length]!;
      const payload = JSON.stringify({
        organisationId: client.organisationId,
        body: `${bodies[n % bodies.length]} (${n})`,
        anchors: [{ blockId: o.blockIds[n % o.blockIds.length]! }],
        idempotencyKey: `${o.keyPrefix}-${n}`,
      });
      const t = performance.now();
      try {
        const res = await post(payload, client.token);
        const text = res.body;
        if (res.status === expected) {
          result.latencies.push(performance.now() - t);
          result.receipts++;
          if (submitting)
            result.receiptIds.push((JSON.parse(text) as { submissionId: string }).submissionId);
        } else {
          result.errors++;
          if (result.errorSamples.length < 3) result.errorSamples.push(`${res.status} ${text}`);
        }
      } catch (error) {
        result.errors++;
        if (result.errorSamples.length < 3) result.errorSamples.push(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, lane));
  result.elapsedMs = performance.now() - started;
  agent.destroy();
  return result;
}

const clientRole = 'plenum-bench-submission-client';

/** Runs drive() in a worker thread, so the client's CPU is not taken from the server's loop. */
function driveInWorker(o: DriveOptions): Promise<DriveResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), {
      workerData: { role: clientRole, options: o },
    });
    worker.once('message', (r: DriveResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the client worker exited with ${code}`));
    });
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === clientRole) {
  parentPort!.postMessage(await drive((workerData as { options: DriveOptions }).options));
}

/** Submissions per second through the real server, committed before each receipt. */
export async function benchSubmissionsOverHttp(engine: Engine): Promise<void> {
  const o = await openBenchDatabase(engine);
  let server: Server | undefined;
  let followers: Followers | undefined;
  let writer: SqliteWriterThread | undefined;
  try {
    const setup = await setUp(o);
    const tokens = await Promise.all(
      setup.representatives.map(async (r) => ({
        token: await createApiToken(o.db, r.viewer, 'bench'),
        organisationId: r.organisationId,
      })),
    );
    followers = new Followers(o.db, engine, allFollowers);
    const http = await createHttpServer({ db: o.db, engine, followers, limitSettings: noLimits });
    const { app } = http;
    server = http.server;
    mountNoOpPost(server);
    const port = await listen(server, 0, '127.0.0.1');
    const path = `/api/consultations/${setup.periodId}/submissions`;
    const options = (durationMs: number, keyPrefix: string): DriveOptions => ({
      url: `http://127.0.0.1:${port}${path}`,
      clients: tokens,
      blockIds: setup.paragraphs.map((p) => p.id),
      concurrency: 64,
      durationMs,
      keyPrefix,
    });
    const runs: { label: string; r: DriveResult; busy: number }[] = [];
    const run = async (label: string, worker: boolean, durationMs: number) => {
      const o2 = options(durationMs, `${label}-${randomBytes(4).toString('hex')}`);
      const elu = performance.eventLoopUtilization();
      const r = await (worker ? driveInWorker(o2) : drive(o2));
      runs.push({ label, r, busy: performance.eventLoopUtilization(elu).utilization });
      return runs.at(-1)!;
    };
    const before = load();
    // The real command first: plenum serve --workers 2 on the same database, in processes of its
    // own, with a warm-up of its own; then the app in this process (warm-up, two timed runs).
    const served = await startServe(o.url, 2);
    let onTwo;
    let machineBusy = 0;
    let servedIndexing = { waiting: 0, lagSeconds: 0, ms: 0, allMs: 0 };
    let servedCpu = { receipts: 0, ms: 0 };
    let servedHealthz: DriveResult | undefined;
    try {
      const url = `http://127.0.0.1:${served.port}${path}`;
      // Before the submissions: the surge's followers are then measured as they catch up.
      servedHealthz = await driveInWorker({
        ...options(5000, 'served-healthz-get'),
        url,
        sends: { method: 'GET', path: '/healthz' },
      });
      const cpuAtStart = served.cpuMs();
      await driveInWorker({
        ...options(1500, `served-warm-up-${randomBytes(4).toString('hex')}`),
        url,
      }).then((r) => runs.push({ label: 'served warm-up', r, busy: 0 }));
      const cpu = cpuTimes();
      const r = await driveInWorker({
        ...options(10_000, `served-${randomBytes(4).toString('hex')}`),
        url,
      });
      machineBusy = cpuTimes().busySince(cpu);
      onTwo = { label: 'plenum serve --workers 2', r, busy: machineBusy };
      runs.push(onTwo);
      servedIndexing = await indexCatchUp(o.db);
      servedCpu = {
        receipts: runs.find((x) => x.label === 'served warm-up')!.r.receipts + r.receipts,
        ms: served.cpuMs() - cpuAtStart,
      };
    } finally {
      await served.stop();
    }
    await run('warm-up', true, 1500);
    await indexCatchUp(o.db);
    // Side by side, on this one server and with this one client: a GET of /healthz, a no-op JSON
    // POST (the submission's body parsed and validated, nothing written), the submissions.
    const healthz = await driveInWorker({
      ...options(5000, 'healthz-get'),
      sends: { method: 'GET', path: '/healthz' },
    });
    const noOp = await driveInWorker({
      ...options(5000, 'no-op-post'),
      sends: { method: 'POST', path: noOpPostPath },
    });
    const inWorker = await profiled(() => run('worker', true, 10_000));
    const inWorkerIndexing = await indexCatchUp(o.db);
    // On SQLite, the same server build with its groups committed by a writer thread
    // (PLENUM_SQLITE_WRITER=thread), run just after with the same client.
    let onThread: DriveResult | undefined;
    if (engine === 'sqlite') {
      writer = new SqliteWriterThread(o.url);
      const threaded = await createHttpServer({
        db: o.db,
        engine,
        followers,
        limitSettings: noLimits,
        submissionWriter: writer,
      });
      const threadedPort = await listen(threaded.server, 0, '127.0.0.1');
      try {
        onThread = await driveInWorker({
          ...options(10_000, `writer-thread-${randomBytes(4).toString('hex')}`),
          url: `http://127.0.0.1:${threadedPort}${path}`,
        });
        runs.push({ label: 'writer thread', r: onThread, busy: 0 });
      } finally {
        threaded.server.closeAllConnections();
        await new Promise<void>((resolve) => threaded.server.close(() => resolve()));
        await threaded.deps.tokenUses.flush();
      }
      await indexCatchUp(o.db);
    }
    // The floor: better-sqlite3 alone writing the same rows in groups of 32 (write-floor.ts).
    const floor =
      engine === 'sqlite' ? await writeFloor(o.db, { groupSize: 32, durationMs: 5000 }) : undefined;
    const inProcess = await run('same thread', false, 10_000);
    await indexCatchUp(o.db);
    const after = load();

    // Where the time goes, one request at a time (wall and CPU of this process per submission):
    // the whole app over loopback (client included), through app.request, submitComment in its
    // transaction alone, and a transaction that writes one event row (the commit's own cost).
    const viewer = (await viewerFromToken(o.db, tokens[0]!.token))!;
    const input = (n: number, prefix: string) => ({
      organisationId: tokens[0]!.organisationId,
      body: `${prose(prng(n), 480)} (${n})`,
      anchors: [{ blockId: setup.paragraphs[n % setup.paragraphs.length]!.id }],
      idempotencyKey: `${prefix}-${n}`,
    });
    const post = (n: number, prefix: string): RequestInit => ({
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[0]!.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input(n, prefix)),
    });
    const sequential = 300;
    const oneAtATime = async (step: (n: number) => Promise<void>): Promise<string> => {
      const cpu = process.cpuUsage();
      const t = performance.now();
      for (let n = 0; n < sequential; n++) await step(n);
      const used = process.cpuUsage(cpu);
      return `${ms((performance.now() - t) / sequential)} (CPU ${ms((used.user + used.system) / 1000 / sequential)})`;
    };
    const expect201 = async (res: Response): Promise<void> => {
      const text = await res.text();
      if (res.status !== 201) throw new Error(`answered ${res.status}: ${text}`);
    };
    const overLoopback = await oneAtATime(async (n) =>
      expect201(await fetch(`http://127.0.0.1:${port}${path}`, post(n, 'loopback'))),
    );
    const throughApp = await oneAtATime(async (n) =>
      expect201(await app.request(path, post(n, 'through-app'))),
    );
    const serviceOnly = await oneAtATime(async (n) => {
      await o.db
        .transaction()
        .execute((trx) =>
          submitComment(trx, viewer, setup.periodId, input(n, 'service'), [], new Date()),
        );
    });
    const commitOnly = await oneAtATime(async (n) => {
      await o.db.transaction().execute((trx) =>
        trx
          .insertInto('events')
          .values({
            id: uuidAt(Date.now()),
            at: new Date().toISOString(),
            actor: viewer.id,
            action: 'bench.commit',
            subject_type: 'bench',
            subject_id: String(n),
            data: '{}',
          })
          .execute(),
      );
    });
    const extra = 3 * sequential;

    // Every 201 receipt is a row, and no row is without its receipt.
    const { rows } = await o.db
      .selectFrom('submissions')
      .select((eb) => eb.fn.countAll<number>().as('rows'))
      .where('period_id', '=', setup.periodId)
      .executeTakeFirstOrThrow();
    const receipts = runs.reduce((sum, x) => sum + x.r.receipts, 0);
    const distinct = new Set(runs.flatMap((x) => x.r.receiptIds)).size;
    const errors = runs.reduce((sum, x) => sum + x.r.errors, 0);
    const verified = Number(rows) === receipts + extra && distinct === receipts && errors === 0;

    const where =
      engine === 'sqlite'
        ? 'a SQLite file (WAL, synchronous=FULL)'
        : 'PostgreSQL (pool of 10 connections)';
    const line = ({ r, busy }: { r: DriveResult; busy: number }): string => {
      const q = quantiles(r.latencies);
      return (
        `${int((r.receipts * 1000) / r.elapsedMs)} submissions/s over ${(r.elapsedMs / 1000).toFixed(1)} s ` +
        `(${int(r.receipts)} receipts), p50 ${ms(q.p50)}, p99 ${ms(q.p99)}, ${r.errors} errors, event loop ${(busy * 100).toFixed(0)}% busy`
      );
    };
    const q2 = quantiles(onTwo.r.latencies);
    console.log(
      `submissions over HTTP on loopback to plenum serve --workers 2 on ${where}, each committed before its 201 receipt, 64 in flight, client in a worker thread of the bench: ` +
        `${int((onTwo.r.receipts * 1000) / onTwo.r.elapsedMs)} submissions/s over ${(onTwo.r.elapsedMs / 1000).toFixed(1)} s (${int(onTwo.r.receipts)} receipts), p50 ${ms(q2.p50)}, p99 ${ms(q2.p99)}, ${onTwo.r.errors} errors, both cores ${(machineBusy * 100).toFixed(0)}% busy  [target ≥ 2,000/s on SQLite]`,
    );
    const caughtUp = (x: {
      waiting: number;
      lagSeconds: number;
      ms: number;
      allMs: number;
    }): string =>
      x.waiting === 0
        ? 'nothing left to index at the end'
        : `${int(x.waiting)} submissions not yet indexed at the end (the oldest logged ${x.lagSeconds} s before), indexed ${(x.ms / 1000).toFixed(1)} s later (${int((x.waiting * 1000) / x.ms)}/s), tagged and matched against watches ${(x.allMs / 1000).toFixed(1)} s later`;
    console.log(`  search index: ${caughtUp(servedIndexing)}`);
    if (servedCpu.ms > 0)
      console.log(
        `  CPU of the server processes (receipts, then indexing, tagging and watch matching): ${ms(servedCpu.ms / servedCpu.receipts)} per submission (${int(servedCpu.receipts)} submissions, warm-up included, ${(servedCpu.ms / 1000).toFixed(1)} s of CPU)`,
      );
    console.log(
      `  one server process (the app in the bench's process), client in a worker thread: ${line(inWorker)}; ${caughtUp(inWorkerIndexing)}`,
    );
    console.log(`  same with the client on the server's thread: ${line(inProcess)}`);
    const rate = (r: DriveResult): number => (r.receipts * 1000) / r.elapsedMs;
    const submissionsRate = rate(inWorker.r);
    const p99 = quantiles(inWorker.r.latencies).p99;
    const ratio = (x: number): string => `${(submissionsRate / x).toFixed(2)}×`;
    console.log(
      `  side by side on that one process and client, 64 in flight: GET /healthz ${int(rate(healthz))}/s (p99 ${ms(quantiles(healthz.latencies).p99)}), ` +
        `no-op JSON POST ${int(rate(noOp))}/s (p99 ${ms(quantiles(noOp.latencies).p99)}), submissions ${int(submissionsRate)}/s (p99 ${ms(p99)})` +
        (floor
          ? `; raw floor (better-sqlite3 alone, plenum's write set in groups of 32, a copy of this file, same pragmas) ${int(floor.perSecond)}/s, COMMIT median ${ms(floor.commitMs)}`
          : '') +
        `; submissions = ${ratio(rate(healthz))} of /healthz, ${ratio(rate(noOp))} of the no-op POST  [target ≥ 0.40×]` +
        (floor ? `, ${ratio(floor.perSecond)} of the floor  [target ≥ 0.80×]` : '') +
        `, p99 ${ms(p99)}  [target ≤ 50 ms]` +
        `${healthz.errors + noOp.errors > 0 ? `  (${healthz.errors + noOp.errors} errors)` : ''}`,
    );
    if (onThread)
      console.log(
        `  the same server with a writer thread (PLENUM_SQLITE_WRITER=thread), same client, run just after: ${int(rate(onThread))}/s, p99 ${ms(quantiles(onThread.latencies).p99)}: ${(rate(onThread) / submissionsRate).toFixed(2)}× of the submissions above`,
      );
    if (servedHealthz)
      console.log(
        `  plenum serve --workers 2: GET /healthz ${int(rate(servedHealthz))}/s, submissions ${int(rate(onTwo.r))}/s (${(rate(onTwo.r) / rate(servedHealthz)).toFixed(2)}× of /healthz)`,
      );
    console.log(
      `  one at a time, per submission (${sequential} each): over loopback ${overLoopback}, through app.request ${throughApp}, ` +
        `submitComment in its transaction ${serviceOnly}; a one-row write transaction ${commitOnly}`,
    );
    console.log(
      `  check: ${int(Number(rows))} rows in submissions = ${int(receipts)} receipts of the runs (warm-up included) + ${int(extra)} one at a time; ` +
        `${int(distinct)} distinct receipt ids; ${errors} errors${verified ? '' : '  MISMATCH'}  (${before} before, ${after} after)`,
    );
    for (const x of [
      ...runs,
      { label: 'GET /healthz', r: healthz },
      { label: 'no-op JSON POST', r: noOp },
      ...(servedHealthz ? [{ label: 'served GET /healthz', r: servedHealthz }] : []),
    ])
      for (const e of x.r.errorSamples) console.log(`  error (${x.label}): ${e}`);
  } finally {
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    }
    await followers?.stop();
    await writer?.close();
    await o.close();
  }
}

/** The bench's no-op JSON POST, mounted on the in-process server beside the app. */
const noOpPostPath = '/bench/no-op';

/**
 * Mounts the no-op JSON POST on a server built by createHttpServer: it reads the body, parses it
 * and validates it with the submission's own schema, and answers 200 without touching the
 * database. It is the same server build, listener and socket handling as the submissions get,
 * so the ratio between the two is what storing a submission costs on top of taking a request.
 */
function mountNoOpPost(server: Server): void {
  const listeners = server.listeners('request') as ((
    req: IncomingMessage,
    res: ServerResponse,
  ) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || req.url !== noOpPostPath) {
      for (const listener of listeners) listener(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let valid: boolean;
      try {
        valid = apiSubmissionSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString())).success;
      } catch {
        valid = false;
      }
      const body = JSON.stringify({ valid });
      res.writeHead(valid ? 200 : 400, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
}

/**
 * Runs `work` under the CPU profiler when PLENUM_BENCH_CPU_PROFILE names a file to write the
 * profile to (open it in Chrome's DevTools); otherwise just runs it.
 */
async function profiled<T>(work: () => Promise<T>): Promise<T> {
  const file = process.env.PLENUM_BENCH_CPU_PROFILE;
  if (!file) return work();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`  CPU profile of the server thread written to ${file}`);
  }
}

/**
 * Waits until the followers (of the server's processes) have read the log as it was when called:
 * returns how many events search was behind then, how long until search had read them, and how
 * long until every follower (watches last) was at the end of the log.
 */
async function indexCatchUp(
  db: Db,
): Promise<{ waiting: number; lagSeconds: number; ms: number; allMs: number }> {
  const search = (await followerStatus(db)).find((f) => f.name === 'search');
  const from = (await listCursors(db)).find((c) => c.follower === 'search')?.position;
  // Submissions search has not indexed yet (the followers' own events are passed over at once).
  const behind = from
    ? await db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('action', '=', 'submission.published')
        .where(
          engineOf(db) === 'postgres'
            ? sql<boolean>`(txid, seq) > (cast(${from.txid} as xid8), ${from.seq})`
            : sql<boolean>`seq > ${from.seq}`,
        )
        .executeTakeFirstOrThrow()
    : { n: 0 };
  const end = await logEnd(db);
  const t = performance.now();
  const cursor = async (name: string) =>
    (await listCursors(db)).find((c) => c.follower === name)?.position ?? { txid: '0', seq: 0 };
  while (!isAtOrPast(await cursor('search'), end))
    await new Promise((resolve) => setTimeout(resolve, 20));
  const ms = performance.now() - t;
  for (;;) {
    const [now, cursors] = [await logEnd(db), await listCursors(db)];
    if (cursors.length > 0 && cursors.every((c) => isAtOrPast(c.position, now))) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    waiting: Number(behind.n),
    lagSeconds: search?.lagSeconds ?? 0,
    ms,
    allMs: performance.now() - t,
  };
}

/** How busy the machine's CPUs have been since an earlier reading (0 to 1). */
function cpuTimes(): {
  total: number;
  idle: number;
  busySince: (earlier: { total: number; idle: number }) => number;
} {
  const all = cpus();
  const total = all.reduce(
    (sum, c) => sum + c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq,
    0,
  );
  const idle = all.reduce((sum, c) => sum + c.times.idle, 0);
  return {
    total,
    idle,
    busySince(earlier) {
      const t = total - earlier.total;
      return t > 0 ? 1 - (idle - earlier.idle) / t : 0;
    },
  };
}

/**
 * CPU time (user + system, ms) used so far by a process and every process below it (the cluster
 * primary and its workers), read from /proc. Unlike a throughput, the CPU a submission costs
 * hardly changes with what else the machine is doing, so two versions can be compared on a busy
 * machine. Linux only; 0 elsewhere.
 */
function processTreeCpuMs(root: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const name of entries) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // After the command name in parentheses: state, ppid, … utime (14th field), stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    const ppid = Number(fields[1]);
    ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  let total = 0;
  for (const pending = [root]; pending.length > 0;) {
    const pid = pending.pop()!;
    total += ticks.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total * 10; // USER_HZ is 100 on Linux
}

/** Starts `plenum serve --workers N` on a free port; stop() ends it with SIGTERM. */
async function startServe(
  url: string,
  workers: number,
): Promise<{ port: number; cpuMs: () => number; stop: () => Promise<void> }> {
  // Throughput, not quotas, is measured here: the limits are off (bench/limits.ts measures them).
  // A busy machine (others' benches) can take more than the tests' 30 s to start N processes.
  const server = startServer(
    ['--workers', String(workers), '--db', url, '--no-demo'],
    { PLENUM_LIMIT_SUBMISSIONS: '0' },
    { timeoutMs: 120_000 },
  );
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  const base = await server.ready;
  return {
    port: Number(new URL(base).port),
    cpuMs: () => processTreeCpuMs(server.child.pid!),
    stop: async () => {
      server.child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Both consultation benchmarks on one engine. */
export async function benchConsultations(engine: Engine): Promise<void> {
  await benchCommentedDocument(engine);
  await benchSubmissionsOverHttp(engine);
}
