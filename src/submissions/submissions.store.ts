/** SQL for submissions, their anchors, co-signers and attachments. */
import { createHash } from 'node:crypto';
import { CompiledQuery, sql, type ExpressionBuilder } from 'kysely';
import { engineOf, type Database, type Db } from '../db/database.ts';
import { insertPrepared, placeholders, sqlOnce } from '../db/prepared-inserts.ts';
import { shapedChunks, shapedList } from '../db/statement-shapes.ts';
import { countries } from '../organisations/countries.ts';
import { toOrganisation } from '../organisations/organisation-row.ts';
import { carriedFrom, carriedOutcomes, type FollowedLink } from '../revisions/anchor-outcome.ts';
import { quoteSelector } from '../revisions/reanchor.ts';
import { stateVoiceGroups, type Organisation } from '../organisations/organisations.schema.ts';
import type {
  Anchor,
  AnchorStep,
  ListFilters,
  RejectionReason,
  Submission,
  SubmissionRange,
  SubmissionStatus,
} from './submissions.schema.ts';
import type {
  AttachmentTable,
  CampaignCountTable,
  CampaignTextTable,
  PeriodDayCountTable,
  PeriodStatusCountTable,
  SubmissionAnchorTable,
  SubmissionCosignerTable,
  SubmissionTable,
} from './submissions.table.ts';

/** Everything one new submission writes. */
export interface SubmissionRows {
  submission: SubmissionTable;
  anchors: SubmissionAnchorTable[];
  cosigners: SubmissionCosignerTable[];
  attachments: AttachmentTable[];
}

/** Rows per multi-row insert: about 15 columns a row, far under both engines' parameter caps. */
const rowsPerInsert = 64;

/** Every column of a submission row, in the order the group commit's insert names them. */
const submissionColumns = [
  'id',
  'period_id',
  'organisation_id',
  'author_id',
  'title',
  'body',
  'language',
  'language_detected',
  'status',
  'status_reason',
  'status_note',
  'content_sha256',
  'fingerprint_version',
  'idempotency_key',
  'received_at',
  'published_at',
  'updated_at',
  'affiliation',
  'anonymous',
  'campaign_id',
] as const satisfies readonly (keyof SubmissionTable)[];

/** Every column of an anchor row. */
const anchorColumns = [
  'id',
  'submission_id',
  'seq',
  'block_id',
  'version_id',
  'address',
  'exact',
  'prefix',
  'suffix',
  'start',
  'end',
  'published',
] as const satisfies readonly (keyof SubmissionAnchorTable)[];

/**
 * Inserts submission rows in few statements (a group commit writes a few hundred at once), with
 * SQL made once per shape (prepared-inserts.ts: the group's inserts are the receipt's hot path).
 * A row whose author already has a submission with its idempotency key is skipped, not an error:
 * on PostgreSQL another transaction may have committed that key since it was checked (the insert
 * waits for it). Returns the rows skipped.
 */
export async function insertSubmissionRows(
  db: Db,
  rows: SubmissionTable[],
): Promise<SubmissionTable[]> {
  const inserted = new Set(
    (
      await insertPrepared(
        db,
        'submissions',
        submissionColumns,
        rows,
        rowsPerInsert,
        'on conflict ("author_id", "idempotency_key") do nothing returning "id"',
      )
    ).map((row) => row.id as string),
  );
  await addToPeriodCounts(
    db,
    rows.filter((row) => inserted.has(row.id)).flatMap((row) => periodCountsOf(row, 1)),
  );
  return rows.filter((row) => !inserted.has(row.id));
}

/**
 * A change of a period's kept counts: of a status (with reason), of a day's publications, or of a
 * campaign's published members (by the text they sent).
 */
export type PeriodCountChange =
  | { kind: 'status'; periodId: string; status: string; reason: string; n: number }
  | {
      kind: 'day';
      periodId: string;
      day: string;
      organisationId: string;
      language: string;
      n: number;
    }
  | { kind: 'campaign'; periodId: string; campaignId: string; textSha256: string; n: number };

/** What a submission's counts are kept from. */
type CountedRow = Pick<
  SubmissionTable,
  | 'period_id'
  | 'status'
  | 'status_reason'
  | 'published_at'
  | 'organisation_id'
  | 'language'
  | 'campaign_id'
  | 'body'
>;

/** The columns of CountedRow, for the statements that read a submission before changing it. */
const countedColumns = [
  'period_id',
  'status',
  'status_reason',
  'published_at',
  'organisation_id',
  'language',
  'campaign_id',
  'body',
] as const;

/** What a published member of a campaign adds to (n = 1) or takes from (n = -1) its counts. */
function campaignCountOf(
  row: Pick<SubmissionTable, 'period_id' | 'status' | 'campaign_id' | 'body'>,
  n: number,
): PeriodCountChange[] {
  if (row.status !== 'published' || row.campaign_id === null) return [];
  return [
    {
      kind: 'campaign',
      periodId: row.period_id,
      campaignId: row.campaign_id,
      textSha256: createHash('sha256').update(row.body).digest('hex'),
      n,
    },
  ];
}

/** What a submission in this state adds to (n = 1) or takes from (n = -1) its period's counts. */
export function periodCountsOf(row: CountedRow, n: number): PeriodCountChange[] {
  const out: PeriodCountChange[] = [
    {
      kind: 'status',
      periodId: row.period_id,
      status: row.status,
      reason: row.status_reason ?? '',
      n,
    },
  ];
  if (row.status === 'published')
    out.push({
      kind: 'day',
      periodId: row.period_id,
      day: row.published_at?.slice(0, 10) ?? '',
      organisationId: row.organisation_id,
      language: row.language,
      n,
    });
  out.push(...campaignCountOf(row, n));
  return out;
}

/**
 * Adds changes to a period's kept counts, merged per row and in the order of their keys (so that
 * two transactions on PostgreSQL take the rows' locks in the same order).
 */
export async function addToPeriodCounts(db: Db, changes: PeriodCountChange[]): Promise<void> {
  const statuses = new Map<string, PeriodStatusCountTable>();
  const days = new Map<string, PeriodDayCountTable>();
  const texts = new Map<string, CampaignTextTable>();
  /** Adds n to the row of its key, made at zero the first time. */
  const add = <T extends { n: number }>(m: Map<string, T>, key: unknown[], row: T, n: number) => {
    const k = key.join('\u0000');
    const kept = m.get(k) ?? row;
    kept.n += n;
    m.set(k, kept);
  };
  for (const c of changes) {
    if (c.kind === 'campaign')
      add(
        texts,
        [c.periodId, c.campaignId, c.textSha256],
        { period_id: c.periodId, campaign_id: c.campaignId, text_sha256: c.textSha256, n: 0 },
        c.n,
      );
    else if (c.kind === 'status')
      add(
        statuses,
        [c.periodId, c.status, c.reason],
        { period_id: c.periodId, status: c.status, reason: c.reason, n: 0 },
        c.n,
      );
    else
      add(
        days,
        [c.periodId, c.day, c.organisationId, c.language],
        {
          period_id: c.periodId,
          day: c.day,
          organisation_id: c.organisationId,
          language: c.language,
          n: 0,
        },
        c.n,
      );
  }
  const ordered = <T extends { n: number }>(m: Map<string, T>): T[] =>
    [...m.entries()]
      .filter(([, r]) => r.n !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => r);
  // Every group commit adds to these: SQL made once per shape (prepared-inserts.ts).
  await insertPrepared(
    db,
    'period_status_counts',
    ['period_id', 'status', 'reason', 'n'],
    ordered(statuses),
    256,
    'on conflict ("period_id", "status", "reason") do update set "n" = "period_status_counts"."n" + excluded."n"',
  );
  await insertPrepared(
    db,
    'period_day_counts',
    ['period_id', 'day', 'organisation_id', 'language', 'n'],
    ordered(days),
    256,
    'on conflict ("period_id", "day", "organisation_id", "language") do update set "n" = "period_day_counts"."n" + excluded."n"',
  );
  await addToCampaignCounts(db, ordered(texts));
}

/**
 * Adds changes to campaigns' texts, then to the campaigns: their members by the changes, their
 * distinct texts by the texts whose count left or reached zero.
 */
async function addToCampaignCounts(db: Db, texts: CampaignTextTable[]): Promise<void> {
  const campaigns = new Map<string, CampaignCountTable>();
  for (const chunk of shapedChunks(texts, 256)) {
    const now = await db
      .insertInto('campaign_texts')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(['period_id', 'campaign_id', 'text_sha256'])
          .doUpdateSet((eb) => ({ n: eb('campaign_texts.n', '+', eb.ref('excluded.n')) })),
      )
      .returning(['period_id', 'campaign_id', 'text_sha256', 'n'])
      .execute();
    const added = new Map(chunk.map((t) => [textKey(t), t.n]));
    for (const row of now) {
      const change = added.get(textKey(row)) ?? 0;
      const was = Number(row.n) - change;
      const key = `${row.period_id} ${row.campaign_id}`;
      const campaign = campaigns.get(key) ?? {
        period_id: row.period_id,
        campaign_id: row.campaign_id,
        n: 0,
        variants: 0,
      };
      campaign.n += change;
      campaign.variants +=
        was <= 0 && Number(row.n) > 0 ? 1 : was > 0 && Number(row.n) <= 0 ? -1 : 0;
      campaigns.set(key, campaign);
    }
  }
  const ordered = [...campaigns.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c);
  for (const chunk of shapedChunks(ordered, 256))
    await db
      .insertInto('campaign_counts')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['period_id', 'campaign_id']).doUpdateSet((eb) => ({
          n: eb('campaign_counts.n', '+', eb.ref('excluded.n')),
          variants: eb('campaign_counts.variants', '+', eb.ref('excluded.variants')),
        })),
      )
      .execute();
}

/** A campaign text's key in a map. */
function textKey(t: Pick<CampaignTextTable, 'period_id' | 'campaign_id' | 'text_sha256'>): string {
  return `${t.period_id} ${t.campaign_id} ${t.text_sha256}`;
}

/** Inserts the anchors, co-signers and attachments of submissions whose rows are inserted. */
export async function insertSubmissionParts(db: Db, all: SubmissionRows[]): Promise<void> {
  await insertPrepared(
    db,
    'submission_anchors',
    anchorColumns,
    all.flatMap((rows) => rows.anchors),
    rowsPerInsert * 4,
  );
  for (const chunk of shapedChunks(
    all.flatMap((rows) => rows.cosigners),
    rowsPerInsert * 4,
  ))
    await db.insertInto('submission_cosigners').values(chunk).execute();
  // One at a time: each holds a file of up to the attachment size limit.
  for (const rows of all)
    for (const attachment of rows.attachments)
      await db.insertInto('attachments').values(attachment).execute();
}

/** The idempotency key of a submission: unique per author. */
export interface IdempotencyKey {
  authorId: string;
  key: string;
}

/**
 * How findByIdempotencyKeys names a key in its answer: `${authorId} ${key}` (an author's id has
 * no space, so the pair is read back unambiguously).
 */
export function idempotencyKeyName(authorId: string, key: string): string {
  return `${authorId} ${key}`;
}

/**
 * The submissions the authors already made with these idempotency keys, by idempotencyKeyName:
 * one read per 256 keys (a group's), with SQL made once per shape (its list padded to a power of
 * two, prepared-inserts.ts).
 */
export async function findByIdempotencyKeys(
  db: Db,
  keys: IdempotencyKey[],
): Promise<Map<string, SubmissionTable>> {
  const found = new Map<string, SubmissionTable>();
  const postgres = engineOf(db) === 'postgres';
  for (const chunk of shapedChunks(keys, 256)) {
    const list = shapedList(chunk);
    const text = sqlOnce(`${postgres ? 'pg' : 'sqlite'}|submissions by key|${list.length}`, () => {
      const next = placeholders(postgres);
      const pairs = list.map(() => `(${next()}, ${next()})`).join(', ');
      return `select * from "submissions" where ("author_id", "idempotency_key") in (${pairs})`;
    });
    const { rows } = await db.executeQuery<SubmissionTable>(
      CompiledQuery.raw(
        text,
        list.flatMap((k) => [k.authorId, k.key]),
      ),
    );
    for (const row of rows) found.set(idempotencyKeyName(row.author_id, row.idempotency_key), row);
  }
  return found;
}

/** The bare submission row with the process it belongs to and whether its version is public. */
export async function findSubmissionRow(
  db: Db,
  id: string,
): Promise<
  | (SubmissionTable & {
      process_id: string;
      version_id: string;
      moderation: string;
      version_public: boolean;
    })
  | undefined
> {
  const row = await db
    .selectFrom('submissions')
    .innerJoin('comment_periods', 'comment_periods.id', 'submissions.period_id')
    .innerJoin('versions', 'versions.id', 'comment_periods.version_id')
    .selectAll('submissions')
    .select([
      'comment_periods.process_id',
      'comment_periods.version_id',
      'comment_periods.moderation',
      'versions.public as version_public',
    ])
    .where('submissions.id', '=', id)
    .executeTakeFirst();
  return row && { ...row, version_public: Number(row.version_public) === 1 };
}

/** Full submissions (organisation, co-signers, anchors, attachments) for these ids, in the order given. */
export async function loadSubmissions(db: Db, ids: string[]): Promise<Submission[]> {
  if (ids.length === 0) return [];
  const [rows, anchors, cosigners, attachments] = await Promise.all([
    db.selectFrom('submissions').selectAll().where('id', 'in', ids).execute(),
    db
      .selectFrom('submission_anchors')
      .selectAll()
      .where('submission_id', 'in', ids)
      .orderBy('seq')
      .execute(),
    db.selectFrom('submission_cosigners').selectAll().where('submission_id', 'in', ids).execute(),
    db
      .selectFrom('attachments')
      .select(['id', 'submission_id', 'filename', 'media_type', 'size', 'sha256'])
      .where('submission_id', 'in', ids)
      .orderBy('id')
      .execute(),
  ]);
  return assembleSubmissions(db, ids, { rows, anchors, cosigners, attachments }, (anchors) =>
    loadAnchorHistories(db, anchors),
  );
}

/**
 * The full submissions of a range of a period's in id order (a page of an export's walk): each
 * part read through the range of the index on (period_id, status, id), one statement per part
 * whatever the range's size (an IN list of the page's ids costs a lookup per id and, on
 * PostgreSQL, a parameter each to parse); co-signers by organisation id.
 */
export async function loadSubmissionsInRange(
  db: Db,
  range: SubmissionRange,
): Promise<Submission[]> {
  const inRange = (eb: unknown) => rangeConditions(eb as RangeEb, range);
  // Side by side: on PostgreSQL each goes on a connection of the pool, one round trip for all.
  const [rows, anchors, cosigners, attachments, carried] = await Promise.all([
    db.selectFrom('submissions as s').selectAll('s').where(inRange).orderBy('s.id').execute(),
    db
      .selectFrom('submission_anchors as a')
      .innerJoin('submissions as s', 's.id', 'a.submission_id')
      .selectAll('a')
      .where(inRange)
      .orderBy('a.submission_id')
      .orderBy('a.seq')
      .execute(),
    db
      .selectFrom('submission_cosigners as c')
      .innerJoin('submissions as s', 's.id', 'c.submission_id')
      .selectAll('c')
      .where(inRange)
      .orderBy('c.submission_id')
      .orderBy('c.organisation_id')
      .execute(),
    db
      .selectFrom('attachments as a')
      .innerJoin('submissions as s', 's.id', 'a.submission_id')
      .select(['a.id', 'a.submission_id', 'a.filename', 'a.media_type', 'a.size', 'a.sha256'])
      .where(inRange)
      .orderBy('a.submission_id')
      .orderBy('a.id')
      .execute(),
    selectCarried(db)
      .where('ca.anchor_id', 'in', (eb) =>
        eb
          .selectFrom('submission_anchors as a')
          .innerJoin('submissions as s', 's.id', 'a.submission_id')
          .select('a.id')
          .where(inRange),
      )
      // Anchors are carried only to later versions of the period's document: until the draft
      // is revised there is nothing to find, and this test (made once per statement, before
      // any row) saves looking up every anchor of the range (a seventh of an export's SQL).
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('comment_periods as cp')
            .innerJoin('versions as pv', 'pv.id', 'cp.version_id')
            .innerJoin('versions as later', 'later.document_id', 'pv.document_id')
            .innerJoin('carried_anchors as any', 'any.to_version_id', 'later.id')
            .select('any.anchor_id')
            .where('cp.id', '=', range.periodId),
        ),
      )
      .execute(),
  ]);
  return assembleSubmissions(
    db,
    rows.map((r) => r.id),
    { rows, anchors, cosigners, attachments },
    (anchors) => historiesOf(db, anchors, carried),
  );
}

type RangeEb = ExpressionBuilder<Database & { s: SubmissionTable }, 's'>;

/** The submissions of a range: of its period and statuses, with an id in it. */
function rangeConditions(eb: RangeEb, range: SubmissionRange) {
  return eb.and([
    eb('s.period_id', '=', range.periodId),
    eb('s.status', 'in', shapedList(range.statuses)),
    eb('s.id', '>', range.after),
    eb('s.id', '<=', range.last),
  ]);
}

/** The rows of submissions and their parts, as read by either loader. */
interface SubmissionParts {
  rows: SubmissionTable[];
  anchors: SubmissionAnchorTable[];
  cosigners: SubmissionCosignerTable[];
  attachments: Omit<AttachmentTable, 'content'>[];
}

/** Submissions made whole from their rows, in the order of `ids`, with their authors' and co-signers' organisations and their anchors' histories. */
async function assembleSubmissions(
  db: Db,
  ids: string[],
  { rows, anchors, cosigners, attachments }: SubmissionParts,
  historiesOfAnchors: (anchors: SubmissionAnchorTable[]) => Promise<Map<string, AnchorStep[]>>,
): Promise<Submission[]> {
  const [organisations, histories] = await Promise.all([
    organisationsByIds(db, [
      ...rows.map((r) => r.organisation_id),
      ...cosigners.map((c) => c.organisation_id),
    ]),
    historiesOfAnchors(anchors),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Grouped once: filtering every list per id made a page of 500 quadratic.
  const groupBy = <T extends { submission_id: string }>(items: T[]) => {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const group = groups.get(item.submission_id);
      if (group) group.push(item);
      else groups.set(item.submission_id, [item]);
    }
    return groups;
  };
  const cosignersOf = groupBy(cosigners);
  const anchorsOf = groupBy(anchors);
  const attachmentsOf = groupBy(attachments);
  const out: Submission[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    const organisation = row ? organisations.get(row.organisation_id) : undefined;
    if (!row || !organisation) continue;
    out.push({
      id: row.id,
      periodId: row.period_id,
      organisation,
      cosigners: (cosignersOf.get(id) ?? []).flatMap((c) => {
        const o = organisations.get(c.organisation_id);
        return o
          ? [{ organisation: o, state: c.state as 'invited' | 'confirmed' | 'declined' }]
          : [];
      }),
      affiliation: row.affiliation,
      title: row.title,
      body: row.body,
      language: row.language,
      status: row.status as SubmissionStatus,
      statusReason: row.status_reason,
      statusNote: row.status_note,
      anchors: (anchorsOf.get(id) ?? []).map((a) => toAnchor(a, histories.get(a.id) ?? [])),
      attachments: (attachmentsOf.get(id) ?? []).map((a) => ({
        id: a.id,
        filename: a.filename,
        mediaType: a.media_type,
        size: Number(a.size),
        sha256: a.sha256,
      })),
      contentSha256: row.content_sha256,
      fingerprintVersion: row.fingerprint_version === 1 ? 1 : 2,
      receivedAt: row.received_at,
      publishedAt: row.published_at,
      campaignId: row.campaign_id,
    });
  }
  return out;
}

/** The organisations (authors and co-signers) with these ids, by id. */
async function organisationsByIds(db: Db, ids: string[]): Promise<Map<string, Organisation>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, toOrganisation(r)]));
}

/**
 * Where each of these anchors went in the later versions of its draft (public versions only,
 * oldest first), by anchor id: the carried anchors, with what the alignment says of the paragraph
 * each step came from (split, merged, moved) and the quote read again from the paragraph it
 * landed in. Anchors that were never carried are not in the map.
 */
async function loadAnchorHistories(
  db: Db,
  anchors: Pick<SubmissionAnchorTable, 'id' | 'block_id'>[],
): Promise<Map<string, AnchorStep[]>> {
  if (anchors.length === 0) return new Map();
  const carried = [];
  for (const chunk of shapedChunks(anchors, 256))
    carried.push(
      ...(await selectCarried(db)
        .where(
          'ca.anchor_id',
          'in',
          chunk.map((a) => a.id),
        )
        .execute()),
    );
  return historiesOf(db, anchors, carried);
}

/** Carried anchors, each with the version it went to and the text of the paragraph it landed in. */
function selectCarried(db: Db) {
  return db
    .selectFrom('carried_anchors as ca')
    .innerJoin('versions as v', 'v.id', 'ca.to_version_id')
    .leftJoin('blocks as b', 'b.id', 'ca.block_id')
    .select([
      'ca.anchor_id',
      'ca.to_version_id',
      'ca.block_id',
      'ca.address',
      'ca.start',
      'ca.end',
      'ca.method',
      'v.seq',
      'v.label',
      'v.public',
      'b.text',
      'b.language_version_id',
    ]);
}

/** The histories of these anchors from their carried rows (public versions only, oldest first). */
async function historiesOf(
  db: Db,
  anchors: Pick<SubmissionAnchorTable, 'id' | 'block_id'>[],
  carried: Awaited<ReturnType<ReturnType<typeof selectCarried>['execute']>>,
): Promise<Map<string, AnchorStep[]>> {
  const histories = new Map<string, AnchorStep[]>();
  if (carried.length === 0) return histories;
  const steps = carried
    .map((r) => ({
      row: r,
      anchorId: r.anchor_id,
      toVersionSeq: Number(r.seq),
      blockId: r.block_id,
      languageVersionId: r.language_version_id,
      method: r.method,
    }))
    .toSorted((a, b) =>
      a.anchorId === b.anchorId
        ? a.toVersionSeq - b.toVersionSeq
        : a.anchorId < b.anchorId
          ? -1
          : 1,
    );
  const fromBlocks = carriedFrom(steps, new Map(anchors.map((a) => [a.id, a.block_id])));
  const outcomes = carriedOutcomes(
    steps,
    fromBlocks,
    await findFollowedLinks(
      db,
      fromBlocks.filter((b) => b !== null),
    ),
  );
  steps.forEach(({ row }, i) => {
    // A version the public cannot read yet stays out of the history, though later steps came through it.
    if (Number(row.public) !== 1) return;
    const start = row.start === null ? null : Number(row.start);
    const end = row.end === null ? null : Number(row.end);
    const step: AnchorStep = {
      versionId: row.to_version_id,
      versionSeq: Number(row.seq),
      versionLabel: row.label,
      blockId: row.block_id,
      address: row.address,
      selector:
        row.text !== null && start !== null && end !== null && row.method !== 'lost_quote'
          ? {
              textQuote: { type: 'TextQuoteSelector', ...quoteOf(row.text, start, end) },
              textPosition: { type: 'TextPositionSelector', start, end },
            }
          : null,
      outcome: outcomes[i]!,
    };
    histories.set(row.anchor_id, [...(histories.get(row.anchor_id) ?? []), step]);
  });
  return histories;
}

/** The alignment links followed from these blocks to the later versions' blocks. */
async function findFollowedLinks(db: Db, blockIds: string[]): Promise<FollowedLink[]> {
  const links: FollowedLink[] = [];
  for (const chunk of shapedChunks([...new Set(blockIds)], 256)) {
    const rows = await db
      .selectFrom('block_alignments')
      .select(['from_block_id', 'to_language_version_id', 'to_block_id', 'change', 'moved'])
      .where('from_block_id', 'in', chunk)
      .execute();
    for (const r of rows)
      links.push({
        fromBlockId: r.from_block_id!,
        toLanguageVersionId: r.to_language_version_id,
        toBlockId: r.to_block_id,
        change: r.change,
        moved: Number(r.moved) === 1,
      });
  }
  return links;
}

/** The quoted words of a span and the text around them, as a TextQuoteSelector has them. */
function quoteOf(text: string, start: number, end: number) {
  const { exact, prefix, suffix } = quoteSelector(text, start, end);
  return { exact, prefix, suffix };
}

function toAnchor(row: SubmissionAnchorTable, history: AnchorStep[]): Anchor {
  return {
    blockId: row.block_id,
    address: row.address,
    versionId: row.version_id,
    selector:
      row.exact === null || row.start === null || row.end === null
        ? null
        : {
            textQuote: {
              type: 'TextQuoteSelector',
              exact: row.exact,
              prefix: row.prefix ?? '',
              suffix: row.suffix ?? '',
            },
            textPosition: {
              type: 'TextPositionSelector',
              start: Number(row.start),
              end: Number(row.end),
            },
          },
    history,
  };
}

type SubmissionEb = ExpressionBuilder<
  Database & { s: SubmissionTable; o: Database['organisations'] },
  's' | 'o'
>;

function filterConditions(eb: SubmissionEb, filters: ListFilters) {
  const conditions = [];
  if (filters.group) conditions.push(eb('o.stakeholder_group', '=', filters.group));
  if (filters.country) conditions.push(eb('o.country', '=', filters.country));
  if (filters.region) {
    const members = countries.filter((c) => c.group === filters.region).map((c) => c.iso3);
    conditions.push(eb('o.country', 'in', members));
  }
  if (filters.language) conditions.push(eb('s.language', '=', filters.language));
  if (filters.claims) {
    const unverifiedClaim = eb.and([
      eb('o.stakeholder_group', 'in', [...stateVoiceGroups]),
      eb('o.verified_at', 'is', null),
    ]);
    conditions.push(filters.claims === 'unverified' ? unverifiedClaim : eb.not(unverifiedClaim));
  }
  if (filters.organisationId) {
    const id = filters.organisationId;
    // A joint submission is listed under each confirmed co-signer too.
    conditions.push(
      eb.or([
        eb('s.organisation_id', '=', id),
        eb.exists(
          eb
            .selectFrom('submission_cosigners as c')
            .select('c.submission_id')
            .whereRef('c.submission_id', '=', 's.id')
            .where('c.organisation_id', '=', id)
            .where('c.state', '=', 'confirmed'),
        ),
      ]),
    );
  }
  return conditions;
}

/** Where a list of submissions comes from. */
export type SubmissionScope =
  | { periodId: string }
  /** The members of a campaign of a period. */
  | { periodId: string; campaignId: string }
  | { organisationId: string }
  | { processId: string }
  | { versionId: string; address: string }
  /** Across every process (a country's page): only the filters narrow it. */
  | { everywhere: true };

/**
 * The opened paragraph's list: its submissions, made on it or carried to it, read from the
 * anchors' covering index (version, published, address, submission) in the order shown. Each side
 * applies the filters itself and stops at the page's size, so the page reads what it shows plus
 * a page of the carried ones (with a narrow filter, at most the paragraph's own submissions);
 * unverified State claims, which are few, are read through the organisations that make them.
 */
function fromParagraph(
  db: Db,
  scope: { versionId: string; address: string },
  filters: ListFilters,
  page: SubmissionPage,
) {
  const order = page.after !== undefined ? 'asc' : 'desc';
  const side = (carried: boolean) => {
    let q = (
      carried
        ? db
            .selectFrom('carried_anchors as ca')
            .innerJoin('submission_anchors as a', 'a.id', 'ca.anchor_id')
            .where('ca.to_version_id', '=', scope.versionId)
            .where('ca.address', '=', scope.address)
        : db
            .selectFrom('submission_anchors as a')
            .where('a.version_id', '=', scope.versionId)
            .where('a.address', '=', scope.address)
    )
      // Each anchor read in order looks up its submission. Joined on a.submission_id as written,
      // PostgreSQL (at 1,000,000 stored) chose a merge join that walked the submissions' primary
      // key backwards alongside the anchors, reading every submission of every paragraph in
      // between (2.2 ms for 21 rows against 0.4 ms): an expression on the anchor's side leaves
      // it only the lookup per anchor, which SQLite does anyway.
      .innerJoin('submissions as s', (join) =>
        join.on('s.id', '=', sql<string>`${sql.ref('a.submission_id')} || ''`),
      )
      .innerJoin('organisations as o', 'o.id', 's.organisation_id')
      .select('a.submission_id');
    if (!page.allStatuses) q = q.where('a.published', '=', 1);
    if (page.before) q = q.where('a.submission_id', '<', page.before);
    if (page.after) q = q.where('a.submission_id', '>', page.after);
    if (filters.claims === 'unverified')
      q = q.where('s.organisation_id', 'in', page.claimants ?? unverifiedClaimants(db));
    q = q.where((eb) => eb.and(filterConditions(eb as unknown as SubmissionEb, filters)));
    return q.orderBy('a.submission_id', order).limit(page.limit);
  };
  const ids = db
    .selectFrom(side(false).as('d'))
    .select('d.submission_id')
    .union(db.selectFrom(side(true).as('c')).select('c.submission_id'));
  return db
    .selectFrom(ids.as('x'))
    .innerJoin('submissions as s', 's.id', 'x.submission_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select('s.id');
}

/** The organisations that say they speak for a State without being verified (few). */
function unverifiedClaimants(db: Db) {
  return db
    .selectFrom('organisations as uo')
    .select('uo.id')
    .where('uo.stakeholder_group', 'in', [...stateVoiceGroups])
    .where('uo.verified_at', 'is', null);
}

/** The ids of the comment periods (of one process, if given) whose version is public. */
function periodsOnPublicVersions(db: Db, processId?: string) {
  const query = db
    .selectFrom('comment_periods as cp')
    .innerJoin('versions as v', 'v.id', 'cp.version_id')
    .select('cp.id')
    .where('v.public', '=', 1);
  return processId === undefined ? query : query.where('cp.process_id', '=', processId);
}

/**
 * One page of submission ids: published ones (or any status, for staff exports), newest first
 * before a cursor, or oldest first after one.
 */
export async function listSubmissionIds(
  db: Db,
  scope: SubmissionScope,
  filters: ListFilters,
  page: SubmissionPage,
): Promise<string[]> {
  if (filters.claims === 'unverified' && !page.claimants) {
    // Unverified State claims are few: their organisations first, then their submissions (on
    // PostgreSQL the opened paragraph otherwise walked all its anchors, 52–97 ms at 1,000,000
    // stored, to find none).
    const claimants = (await unverifiedClaimants(db).execute()).map((r) => r.id);
    if (claimants.length === 0) return [];
    page = { ...page, claimants };
  }
  const rows = await submissionIdsQuery(db, scope, filters, page).execute();
  return rows.map((r) => r.id);
}

/** Which page of a list of submissions listSubmissionIds reads. */
export interface SubmissionPage {
  limit: number;
  before?: string;
  after?: string;
  allStatuses?: boolean;
  /** A campaign once: by its newest published member (where that member falls in the list). */
  oneOfEachCampaign?: boolean;
  /** With the filter of unverified State claims: the organisations that make them. */
  claimants?: string[];
}

/** The statement of listSubmissionIds (exported for the test of its plans). */
export function submissionIdsQuery(
  db: Db,
  scope: SubmissionScope,
  filters: ListFilters,
  page: SubmissionPage,
) {
  let query = db
    .selectFrom('submissions as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select('s.id');
  if (!page.allStatuses) query = query.where('s.status', '=', 'published');
  if ('periodId' in scope) query = query.where('s.period_id', '=', scope.periodId);
  else if (!('versionId' in scope)) {
    // Across periods, every reader gets the same public list (a page, a feed); the periods on a
    // version in preparation are read, with their comments, from their own pages by the staff.
    query = query.where(
      's.period_id',
      'in',
      periodsOnPublicVersions(db, 'processId' in scope ? scope.processId : undefined),
    );
  }
  if ('campaignId' in scope) query = query.where('s.campaign_id', '=', scope.campaignId);
  if (page.oneOfEachCampaign) {
    const { claims } = filters;
    query = query.where((eb) =>
      eb.or([
        eb('s.campaign_id', 'is', null),
        eb.not(
          eb.exists(
            eb
              .selectFrom('submissions as later')
              .innerJoin('organisations as lo', 'lo.id', 'later.organisation_id')
              .select('later.id')
              .whereRef('later.period_id', '=', 's.period_id')
              .whereRef('later.campaign_id', '=', 's.campaign_id')
              .where('later.status', '=', 'published')
              .whereRef('later.id', '>', 's.id')
              // A later member counts only in the same list (unverified State claims are apart).
              .$if(claims !== undefined, (q) =>
                q.where((leb) => {
                  const unverifiedClaim = leb.and([
                    leb('lo.stakeholder_group', 'in', [...stateVoiceGroups]),
                    leb('lo.verified_at', 'is', null),
                  ]);
                  return claims === 'unverified' ? unverifiedClaim : leb.not(unverifiedClaim);
                }),
              ),
          ),
        ),
      ]),
    );
  }
  if ('versionId' in scope)
    query = fromParagraph(db, scope, filters, page) as unknown as typeof query;
  else if ('organisationId' in scope) {
    // The organisation's own submissions and those it co-signed, through their indexes: as many
    // as it made, whatever else is stored (an OR of the two made the engines walk them all).
    // Without filters each side stops at the page's size, read in the order shown.
    const bounded = !Object.values(filters).some((v) => v !== undefined);
    const order = page.after !== undefined ? 'asc' : 'desc';
    let own = db
      .selectFrom('submissions as mine')
      .select('mine.id as submission_id')
      .where('mine.organisation_id', '=', scope.organisationId);
    let cosigned = db
      .selectFrom('submission_cosigners as c')
      .select('c.submission_id')
      .where('c.organisation_id', '=', scope.organisationId)
      .where('c.state', '=', 'confirmed');
    if (bounded) {
      // Each side keeps only what the list shows, so that its limit cuts nothing shown.
      if (!page.allStatuses) {
        own = own
          .where('mine.status', '=', 'published')
          .where('mine.period_id', 'in', periodsOnPublicVersions(db));
        cosigned = cosigned.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('submissions as cs')
              .select('cs.id')
              .whereRef('cs.id', '=', 'c.submission_id')
              .where('cs.status', '=', 'published')
              .where('cs.period_id', 'in', periodsOnPublicVersions(db)),
          ),
        );
      }
      if (page.before) {
        own = own.where('mine.id', '<', page.before);
        cosigned = cosigned.where('c.submission_id', '<', page.before);
      }
      if (page.after) {
        own = own.where('mine.id', '>', page.after);
        cosigned = cosigned.where('c.submission_id', '>', page.after);
      }
      own = own.orderBy('mine.id', order).limit(page.limit);
      cosigned = cosigned.orderBy('c.submission_id', order).limit(page.limit);
    }
    query = query.where('s.id', 'in', (eb) =>
      eb
        .selectFrom(own.as('mo'))
        .select('mo.submission_id')
        .union(eb.selectFrom(cosigned.as('co')).select('co.submission_id')),
    );
    filters = { ...filters, organisationId: undefined };
  }
  if (filters.country !== undefined && !('versionId' in scope))
    // A State's submissions across processes (a country's page): through its organisations.
    query = query.where(
      's.organisation_id',
      'in',
      db
        .selectFrom('organisations as co')
        .select('co.id')
        .where('co.country', '=', filters.country),
    );
  if (filters.claims === 'unverified' && !('versionId' in scope))
    // Unverified State claims are few: read through the organisations that make them, not by
    // walking every published submission for them.
    query = query.where('s.organisation_id', 'in', page.claimants ?? unverifiedClaimants(db));
  query = query.where((eb) => eb.and(filterConditions(eb as unknown as SubmissionEb, filters)));
  if (page.before) query = query.where('s.id', '<', page.before);
  if (page.after) query = query.where('s.id', '>', page.after);
  return query.orderBy('s.id', page.after !== undefined ? 'asc' : 'desc').limit(page.limit);
}

/**
 * The published submissions of a period that the filters keep (the count beside its list): from
 * the period's kept counts per day, organisation and language, which answer every filter but the
 * organisation (whose co-signed submissions count too), as many rows as days × organisations.
 */
export async function countPublishedOfPeriod(
  db: Db,
  periodId: string,
  filters: ListFilters,
): Promise<number> {
  const row =
    filters.organisationId === undefined
      ? await publishedOfPeriodQuery(db, periodId, filters).executeTakeFirst()
      : await db
          .selectFrom('submissions as s')
          .innerJoin('organisations as o', 'o.id', 's.organisation_id')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('s.period_id', '=', periodId)
          .where('s.status', '=', 'published')
          .where((eb) => eb.and(filterConditions(eb as unknown as SubmissionEb, filters)))
          .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The statement of countPublishedOfPeriod without an organisation (exported for its plan). */
export function publishedOfPeriodQuery(db: Db, periodId: string, filters: ListFilters) {
  return db
    .selectFrom('period_day_counts as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select((eb) => eb.fn.sum<number | string>('s.n').as('n'))
    .where('s.period_id', '=', periodId)
    .where((eb) => eb.and(filterConditions(eb as unknown as SubmissionEb, filters)));
}

/** Published submissions per paragraph address of a version: made on it, and carried from earlier versions. */
export async function countPublishedByAddress(
  db: Db,
  versionId: string,
  filters: ListFilters,
): Promise<Map<string, { direct: number; carried: number }>> {
  // Two grouped counts; PostgreSQL runs them at once on two pooled connections. Without filters
  // they read the anchors alone (their `published` flag), through one covering index.
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const [directQuery, carriedQuery] = filtered
    ? filteredCountQueries(db, versionId, filters)
    : countByAddressQueries(db, versionId);
  const [direct, carried] = await Promise.all([directQuery.execute(), carriedQuery.execute()]);
  const out = new Map<string, { direct: number; carried: number }>();
  for (const r of direct) out.set(r.address, { direct: Number(r.n), carried: 0 });
  for (const r of carried) {
    if (r.address === null) continue;
    const entry = out.get(r.address) ?? { direct: 0, carried: 0 };
    entry.carried = Number(r.n);
    out.set(r.address, entry);
  }
  return out;
}

/** The per-paragraph counts with filters: the organisations' columns are read too. */
function filteredCountQueries(db: Db, versionId: string, filters: ListFilters) {
  return [
    db
      .selectFrom('submission_anchors as a')
      .innerJoin('submissions as s', 's.id', 'a.submission_id')
      .innerJoin('organisations as o', 'o.id', 's.organisation_id')
      .select(['a.address'])
      .select((eb) => eb.fn.count<number>('a.submission_id').distinct().as('n'))
      .where('a.version_id', '=', versionId)
      .where('a.published', '=', 1)
      .where((eb) => eb.and(filterConditions(eb as unknown as SubmissionEb, filters)))
      .groupBy('a.address'),
    db
      .selectFrom('carried_anchors as ca')
      .innerJoin('submission_anchors as a', 'a.id', 'ca.anchor_id')
      .innerJoin('submissions as s', 's.id', 'a.submission_id')
      .innerJoin('organisations as o', 'o.id', 's.organisation_id')
      .select(['ca.address'])
      .select((eb) => eb.fn.count<number>('a.submission_id').distinct().as('n'))
      .where('ca.to_version_id', '=', versionId)
      .where('ca.address', 'is not', null)
      .where('a.published', '=', 1)
      .where((eb) => eb.and(filterConditions(eb as unknown as SubmissionEb, filters)))
      .groupBy('ca.address'),
  ] as const;
}

/**
 * The per-paragraph counts without filters (exported for the test of their plans): the anchors
 * alone, through one covering index.
 */
export function countByAddressQueries(db: Db, versionId: string) {
  return [
    db
      .selectFrom('submission_anchors as a')
      .select(['a.address'])
      .select((eb) => eb.fn.count<number>('a.submission_id').distinct().as('n'))
      .where('a.version_id', '=', versionId)
      .where('a.published', '=', 1)
      .groupBy('a.address'),
    db
      .selectFrom('carried_anchors as ca')
      .innerJoin('submission_anchors as a', 'a.id', 'ca.anchor_id')
      .select(['ca.address'])
      .select((eb) => eb.fn.count<number>('a.submission_id').distinct().as('n'))
      .where('ca.to_version_id', '=', versionId)
      .where('ca.address', 'is not', null)
      .where('a.published', '=', 1)
      .groupBy('ca.address'),
  ] as const;
}

/** Counts of a period's submissions by status, and of rejections by reason (as kept). */
export async function countByStatus(
  db: Db,
  periodId: string,
): Promise<{ byStatus: Map<string, number>; rejected: Map<RejectionReason, number> }> {
  const rows = await db
    .selectFrom('period_status_counts')
    .select(['status', 'reason', 'n'])
    .where('period_id', '=', periodId)
    .execute();
  const byStatus = new Map<string, number>();
  const rejected = new Map<RejectionReason, number>();
  for (const r of rows) {
    const n = Number(r.n);
    if (n === 0) continue;
    byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + n);
    if (r.status === 'rejected' && r.reason) {
      const reason = r.reason as RejectionReason;
      rejected.set(reason, (rejected.get(reason) ?? 0) + n);
    }
  }
  return { byStatus, rejected };
}

/** Ids of submissions in a state, for a period, oldest first (the moderation queue). */
export async function listIdsByStatus(
  db: Db,
  periodId: string,
  status: SubmissionStatus,
  limit: number,
): Promise<string[]> {
  const rows = await idsByStatusQuery(db, periodId, status, limit).execute();
  return rows.map((r) => r.id);
}

/** The statement of listIdsByStatus (exported for the test of its plan). */
export function idsByStatusQuery(
  db: Db,
  periodId: string,
  status: SubmissionStatus,
  limit: number,
) {
  return db
    .selectFrom('submissions')
    .select('id')
    .where('period_id', '=', periodId)
    .where('status', '=', status)
    .orderBy('id')
    .limit(limit);
}

/** Ids of every submission made for, or naming as co-signer, these organisations (any status), newest first. */
export async function listIdsOfOrganisations(
  db: Db,
  organisationIds: string[],
  limit: number,
  authorId?: string,
): Promise<string[]> {
  if (organisationIds.length === 0 && authorId === undefined) return [];
  const rows = await db
    .selectFrom('submissions as s')
    .select('s.id')
    .where((eb) =>
      eb.or([
        ...(authorId !== undefined ? [eb('s.author_id', '=', authorId)] : []),
        eb('s.organisation_id', 'in', [...organisationIds, '']),
        eb(
          's.id',
          'in',
          eb
            .selectFrom('submission_cosigners')
            .select('submission_id')
            .where('organisation_id', 'in', [...organisationIds, '']),
        ),
      ]),
    )
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Sets a submission's status (with reason and note), stamps publication and keeps its period's
 * counts; returns the changes of the per-paragraph counts (made on, and carried to, each
 * paragraph) that the change of publication makes, for the caller to apply.
 */
export async function updateStatus(
  db: Db,
  id: string,
  change: { status: SubmissionStatus; reason: string | null; note: string | null; at: string },
): Promise<{ versionId: string; address: string; direct: number; carried: number }[]> {
  const before = await db
    .selectFrom('submissions')
    .select(countedColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!before) return [];
  const after = {
    ...before,
    status: change.status,
    status_reason: change.reason,
    published_at: change.status === 'published' ? change.at : before.published_at,
  };
  await db
    .updateTable('submissions')
    .set({
      status: change.status,
      status_reason: change.reason,
      status_note: change.note,
      updated_at: change.at,
      ...(change.status === 'published' ? { published_at: change.at } : {}),
    })
    .where('id', '=', id)
    .execute();
  await db
    .updateTable('submission_anchors')
    .set({ published: change.status === 'published' ? 1 : 0 })
    .where('submission_id', '=', id)
    .execute();
  await addToPeriodCounts(db, [...periodCountsOf(before, -1), ...periodCountsOf(after, 1)]);
  const was = before.status === 'published';
  const is = change.status === 'published';
  if (was === is) return [];
  const n = is ? 1 : -1;
  const [direct, carried] = await Promise.all([
    db
      .selectFrom('submission_anchors')
      .select(['version_id', 'address'])
      .distinct()
      .where('submission_id', '=', id)
      .execute(),
    db
      .selectFrom('carried_anchors as ca')
      .innerJoin('submission_anchors as a', 'a.id', 'ca.anchor_id')
      .select(['ca.to_version_id', 'ca.address'])
      .distinct()
      .where('a.submission_id', '=', id)
      .where('ca.address', 'is not', null)
      .execute(),
  ]);
  return [
    ...direct.map((r) => ({ versionId: r.version_id, address: r.address, direct: n, carried: 0 })),
    ...carried.map((r) => ({
      versionId: r.to_version_id,
      address: r.address!,
      direct: 0,
      carried: n,
    })),
  ];
}

/** The co-signer rows of a submission. */
export async function listCosigners(
  db: Db,
  submissionId: string,
): Promise<SubmissionCosignerTable[]> {
  return db
    .selectFrom('submission_cosigners')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .execute();
}

/** Records a co-signer's answer. */
export async function updateCosigner(
  db: Db,
  submissionId: string,
  organisationId: string,
  change: { state: 'confirmed' | 'declined'; by: string; at: string },
): Promise<void> {
  await db
    .updateTable('submission_cosigners')
    .set({ state: change.state, responded_by: change.by, responded_at: change.at })
    .where('submission_id', '=', submissionId)
    .where('organisation_id', '=', organisationId)
    .execute();
}

/** An attachment with its bytes and what decides who may read it. */
export async function findAttachment(
  db: Db,
  id: string,
): Promise<(AttachmentTable & { submission_status: string }) | undefined> {
  return db
    .selectFrom('attachments')
    .innerJoin('submissions', 'submissions.id', 'attachments.submission_id')
    .selectAll('attachments')
    .select('submissions.status as submission_status')
    .where('attachments.id', '=', id)
    .executeTakeFirst();
}

/** A block as an anchor needs it. */
export interface VersionBlock {
  id: string;
  address: string;
  text: string;
  kind: string;
}

/** The blocks with these ids that belong to a version (any language), with their text and address. */
export async function findVersionBlocks(
  db: Db,
  versionId: string,
  blockIds: string[],
): Promise<Map<string, VersionBlock>> {
  if (blockIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('blocks')
    .innerJoin('language_versions', 'language_versions.id', 'blocks.language_version_id')
    .select(['blocks.id', 'blocks.address', 'blocks.text', 'blocks.kind'])
    .where('language_versions.version_id', '=', versionId)
    .where('blocks.id', 'in', [...new Set(blockIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The most recently published submissions of a period or process, newest publication first. */
export async function listRecentlyPublishedIds(
  db: Db,
  scope: { periodId: string } | { processId: string },
  limit: number,
): Promise<string[]> {
  let query = db.selectFrom('submissions as s').select('s.id').where('s.status', '=', 'published');
  query =
    'periodId' in scope
      ? query.where('s.period_id', '=', scope.periodId)
      : query.where('s.period_id', 'in', periodsOnPublicVersions(db, scope.processId));
  const rows = await query
    .orderBy('s.published_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The texts of submissions (any status) for campaign grouping, in the order of the ids given. */
export async function findSubmissionTexts(
  db: Db,
  ids: string[],
): Promise<{ id: string; periodId: string; body: string; language: string }[]> {
  const rows: {
    id: string;
    period_id: string;
    body: string;
    language: string;
    language_detected: string | null;
  }[] = [];
  for (const chunk of shapedChunks([...new Set(ids)], 256))
    rows.push(
      ...(await db
        .selectFrom('submissions')
        .select(['id', 'period_id', 'body', 'language', 'language_detected'])
        .where('id', 'in', chunk)
        .execute()),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    // The detected language, when there is one: a comment in French declared as English is French.
    return row
      ? [
          {
            id,
            periodId: row.period_id,
            body: row.body,
            language: row.language_detected ?? row.language,
          },
        ]
      : [];
  });
}

/** A page of a period's submission ids (any status), in the order received, after a cursor. */
export async function listPeriodSubmissionIds(
  db: Db,
  periodId: string,
  page: { after: string; limit: number },
): Promise<string[]> {
  const rows = await db
    .selectFrom('submissions')
    .select('id')
    .where('period_id', '=', periodId)
    .where('id', '>', page.after)
    .orderBy('id')
    .limit(page.limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Puts each submission in its campaign, a chunk of them per statement; a published one moves its
 * count from the campaign it was in (if any) to its new one.
 */
export async function setCampaigns(
  db: Db,
  campaigns: { submissionId: string; campaignId: string }[],
): Promise<void> {
  for (const chunk of shapedChunks(campaigns, 128)) {
    const ids = chunk.map((c) => c.submissionId);
    const before = await db
      .selectFrom('submissions')
      .select(['id', 'period_id', 'status', 'campaign_id', 'body'])
      .where('id', 'in', ids)
      .execute();
    const to = new Map(chunk.map((c) => [c.submissionId, c.campaignId]));
    const cases = chunk.map((c) => sql`when ${c.submissionId} then ${c.campaignId}`);
    await db
      .updateTable('submissions')
      .set({ campaign_id: sql<string>`case id ${sql.join(cases, sql` `)} end` })
      .where('id', 'in', ids)
      .execute();
    await addToPeriodCounts(
      db,
      before.flatMap((row) => [
        ...campaignCountOf(row, -1),
        ...campaignCountOf({ ...row, campaign_id: to.get(row.id) ?? null }, 1),
      ]),
    );
  }
}

/**
 * Moves every submission of a period's campaigns `from` into the campaign `to` (campaigns
 * merged), with their kept counts: the texts added up under `to`, its distinct texts counted
 * again (a merge is rare; it reads the merged campaign's texts once).
 */
export async function renameCampaigns(
  db: Db,
  periodId: string,
  from: string[],
  to: string,
): Promise<void> {
  if (from.length === 0) return;
  await db
    .updateTable('submissions')
    .set({ campaign_id: to })
    .where('period_id', '=', periodId)
    .where('campaign_id', 'in', from)
    .execute();
  const moved = await db
    .selectFrom('campaign_texts')
    .select(['text_sha256', (eb) => eb.fn.sum<number | string>('n').as('n')])
    .where('period_id', '=', periodId)
    .where('campaign_id', 'in', from)
    .groupBy('text_sha256')
    .execute();
  await db
    .deleteFrom('campaign_texts')
    .where('period_id', '=', periodId)
    .where('campaign_id', 'in', from)
    .execute();
  await db
    .deleteFrom('campaign_counts')
    .where('period_id', '=', periodId)
    .where('campaign_id', 'in', from)
    .execute();
  for (const chunk of shapedChunks(
    moved.filter((t) => Number(t.n) !== 0),
    256,
  ))
    await db
      .insertInto('campaign_texts')
      .values(
        chunk.map((t) => ({
          period_id: periodId,
          campaign_id: to,
          text_sha256: t.text_sha256,
          n: Number(t.n),
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['period_id', 'campaign_id', 'text_sha256'])
          .doUpdateSet((eb) => ({ n: eb('campaign_texts.n', '+', eb.ref('excluded.n')) })),
      )
      .execute();
  const total = await db
    .selectFrom('campaign_texts')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number | string>('n'), sql<number>`0`).as('n'),
      eb.fn.countAll<number | string>().filterWhere('n', '>', 0).as('variants'),
    ])
    .where('period_id', '=', periodId)
    .where('campaign_id', '=', to)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('campaign_counts')
    .values({
      period_id: periodId,
      campaign_id: to,
      n: Number(total.n),
      variants: Number(total.variants),
    })
    .onConflict((oc) =>
      oc
        .columns(['period_id', 'campaign_id'])
        .doUpdateSet((eb) => ({ n: eb.ref('excluded.n'), variants: eb.ref('excluded.variants') })),
    )
    .execute();
}

/** Takes every submission of a period out of its campaign (before a full regroup), and its counts. */
export async function clearCampaigns(db: Db, periodId: string): Promise<void> {
  await db
    .updateTable('submissions')
    .set({ campaign_id: null })
    .where('period_id', '=', periodId)
    .where('campaign_id', 'is not', null)
    .execute();
  await db.deleteFrom('campaign_texts').where('period_id', '=', periodId).execute();
  await db.deleteFrom('campaign_counts').where('period_id', '=', periodId).execute();
}

/**
 * The campaigns of a period with two published members or more: how many, how many distinct
 * texts, and the earliest; largest first. Read from the kept counts: a row per campaign, and the
 * earliest member found on the index of the period's campaigns by id.
 */
export async function countCampaignMembers(
  db: Db,
  periodId: string,
  campaignIds?: string[],
): Promise<{ campaignId: string; count: number; variants: number; firstId: string }[]> {
  if (campaignIds?.length === 0) return [];
  const rows = await db
    .selectFrom('campaign_counts as c')
    .select((eb) => [
      'c.campaign_id',
      'c.n',
      'c.variants',
      eb
        .selectFrom('submissions as s')
        .select((inner) => inner.fn.min('s.id').as('first'))
        .whereRef('s.period_id', '=', 'c.period_id')
        .whereRef('s.campaign_id', '=', 'c.campaign_id')
        .where('s.status', '=', 'published')
        .as('first_id'),
    ])
    .where('c.period_id', '=', periodId)
    .where('c.n', '>', 1)
    .$if(campaignIds !== undefined, (q) => q.where('c.campaign_id', 'in', campaignIds!))
    .execute();
  return rows
    .map((r) => ({
      campaignId: r.campaign_id,
      count: Number(r.n),
      variants: Number(r.variants),
      firstId: r.first_id!,
    }))
    .sort((a, b) => b.count - a.count || a.campaignId.localeCompare(b.campaignId));
}

/**
 * A period's published submissions counted by day of publication, stakeholder group and the
 * country of the organisation: the rows of its charts (at most days × groups × countries).
 */
export async function countPublishedByDay(
  db: Db,
  periodId: string,
): Promise<{ day: string; group: string; country: string | null; n: number }[]> {
  const rows = await publishedByDayQuery(db, periodId).execute();
  return rows.map((r) => ({
    day: r.day,
    group: r.stakeholder_group,
    country: r.country,
    n: Number(r.n),
  }));
}

/** The statement of countPublishedByDay: the period's kept counts (exported for its plan). */
export function publishedByDayQuery(db: Db, periodId: string) {
  return db
    .selectFrom('period_day_counts as d')
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .select(['d.day', 'o.stakeholder_group', 'o.country'])
    .select((eb) => eb.fn.sum<number | string>('d.n').as('n'))
    .where('d.period_id', '=', periodId)
    .where('d.day', '<>', '')
    .groupBy(['d.day', 'o.stakeholder_group', 'o.country'])
    .having((eb) => eb.fn.sum('d.n'), '<>', 0);
}

/** Published submissions of one State (or of every State) in one process, as counted. */
export interface StateSubmissionCount {
  country: string;
  processId: string;
  n: number;
}

/**
 * Published submissions on public versions by verified governments, counted per State and
 * process (one grouped query): the same submissions a country's page lists as the State's.
 */
export async function countStateSubmissions(
  db: Db,
  country?: string,
): Promise<StateSubmissionCount[]> {
  const rows = await stateSubmissionsQuery(db, country).execute();
  return rows.map((r) => ({ country: r.country!, processId: r.process_id, n: Number(r.n) }));
}

/**
 * The statement of countStateSubmissions: the periods' kept counts per day and organisation
 * (as many rows as days × organisations of the public periods), exported for its plan.
 */
export function stateSubmissionsQuery(db: Db, country?: string) {
  return db
    .selectFrom('period_day_counts as d')
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .innerJoin('comment_periods as cp', 'cp.id', 'd.period_id')
    .select(['o.country', 'cp.process_id'])
    .select((eb) => eb.fn.sum<number | string>('d.n').as('n'))
    .where('d.period_id', 'in', periodsOnPublicVersions(db))
    .where('o.stakeholder_group', '=', 'government')
    .where('o.verified_at', 'is not', null)
    .where('o.country', 'is not', null)
    .$if(country !== undefined, (q) => q.where('o.country', '=', country!))
    .groupBy(['o.country', 'cp.process_id'])
    .having((eb) => eb.fn.sum('d.n'), '<>', 0);
}
