/**
 * Submissions: receiving a comment (checked, anchored, idempotent, committed before its receipt),
 * co-signing, moderating, and reading what was said.
 */
import { findCountry } from '../organisations/countries.ts';
import type { Viewer } from '../accounts/accounts.schema.ts';
import { getAccountContact } from '../accounts/accounts.service.ts';
import {
  canModerate,
  checkCanModerate,
  periodRefusal,
  submitterRefusal,
  type SubmitterVoice,
} from '../consultations/consultations.policy.ts';
import { periodStateAt } from '../consultations/consultations.schema.ts';
import { findPeriodById, getPeriodAtAddress } from '../consultations/consultations.service.ts';
import { canReadVersion } from '../documents/documents.policy.ts';
import { findVersionReadAccess } from '../documents/documents.service.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { isPlenumError, PlenumError } from '../errors.ts';
import { recordEvent, recordEvents } from '../events/events.store.ts';
import {
  findOrganisationsByIds,
  lookupOrganisation,
  personalVoice,
  storePersonalVoices,
} from '../organisations/organisations.service.ts';
import { anonymousVoiceId, type Organisation } from '../organisations/organisations.schema.ts';
import { detectLanguage } from '../text/detect-language.ts';
import { quoteSelector } from '../revisions/reanchor.ts';
import {
  carryLateAnchors,
  changeParagraphCounts,
  getParagraphCounts,
} from '../revisions/revisions.service.ts';
import { zodError } from '../validation.ts';
import { appendToLog, findInclusionOf } from '../transparency/transparency.service.ts';
import type { Inclusion } from '../transparency/transparency.schema.ts';
import {
  contentOfSubmission,
  currentFingerprintVersion,
  fingerprintContent,
  sha256Hex,
  type ContentFields,
} from './fingerprint.ts';
import type { CheckedAttachment } from './attachments.ts';
import { canReadSubmission, checkCanCosignFor, checkCanSubmitFor } from './submissions.policy.ts';
import {
  moderationSchema,
  newSubmissionSchema,
  submissionFiltersSchema,
  type ListFilters,
  type Receipt,
  type RejectionReason,
  type Submission,
  type SubmissionStatus,
  type CampaignGroup,
  type SubmissionRange,
} from './submissions.schema.ts';
import {
  countByStatus,
  countPublishedByAddress,
  countPublishedOfPeriod,
  findAttachment,
  findByIdempotencyKeys,
  findSubmissionRow,
  findVersionBlocks,
  idempotencyKeyName,
  insertSubmissionParts,
  insertSubmissionRows,
  listCosigners,
  listIdsByStatus,
  listIdsOfOrganisations,
  listRecentlyPublishedIds,
  listSubmissionIds,
  loadSubmissions,
  loadSubmissionsInRange,
  updateCosigner,
  updateStatus,
  type SubmissionRows,
  type VersionBlock,
  type SubmissionScope,
  findSubmissionTexts,
  listPeriodSubmissionIds,
  setCampaigns,
  renameCampaigns,
  clearCampaigns,
  countCampaignMembers,
  countPublishedByDay,
  countStateSubmissions,
  type StateSubmissionCount,
} from './submissions.store.ts';
import type { SubmissionAnchorTable, SubmissionTable } from './submissions.table.ts';

/**
 * The reads the submissions of one group commit share: each organisation, period and version's
 * access is read once per group, however many submissions name it. A fresh one per call when
 * there is no group.
 */
export class GroupLookups {
  private readonly organisations = new Map<string, ReturnType<typeof lookupOrganisation>>();
  private readonly periods = new Map<string, ReturnType<typeof findPeriodById>>();
  private readonly access = new Map<string, ReturnType<typeof findVersionReadAccess>>();

  /** The organisation with this id or name, read once per group. */
  organisation(db: Db, ref: string): ReturnType<typeof lookupOrganisation> {
    return remembered(this.organisations, ref, () => lookupOrganisation(db, ref));
  }

  /** The comment period, read once per group (its state is computed by each submission). */
  period(db: Db, id: string, now: Date): ReturnType<typeof findPeriodById> {
    return remembered(this.periods, id, () => findPeriodById(db, id, now));
  }

  /** Who may read the version, read once per group. */
  versionAccess(db: Db, versionId: string): ReturnType<typeof findVersionReadAccess> {
    return remembered(this.access, versionId, () => findVersionReadAccess(db, versionId));
  }
}

/** The value remembered under the key, loaded the first time. */
function remembered<T>(memo: Map<string, T>, key: string, load: () => T): T {
  let found = memo.get(key);
  if (found === undefined) {
    found = load();
    memo.set(key, found);
  }
  return found;
}

/**
 * Blocks already read, by `${versionId}:${blockId}`, kept across group commits: a version's
 * blocks are never changed or deleted once imported (a revision is a new version), so a block
 * read once is good for as long as the process runs. Bounded; the oldest go first.
 */
export class KnownBlocks {
  private readonly blocks = new Map<string, VersionBlock>();
  private readonly limit: number;
  constructor(limit = 20_000) {
    this.limit = limit;
  }

  /** The blocks of a version with these ids, by id: read from the database only if not known. */
  async find(db: Db, versionId: string, blockIds: string[]): Promise<Map<string, VersionBlock>> {
    const ids = [...new Set(blockIds.map((id) => id.toLowerCase()))];
    const found = new Map<string, VersionBlock>();
    const missing: string[] = [];
    for (const id of ids) {
      const block = this.blocks.get(`${versionId}:${id}`);
      if (block) found.set(id, block);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    for (const [id, block] of await findVersionBlocks(db, versionId, missing)) {
      found.set(id, block);
      if (this.blocks.size >= this.limit) this.blocks.delete(this.blocks.keys().next().value!);
      this.blocks.set(`${versionId}:${id}`, block);
    }
    return found;
  }
}

/** The receipt of a submission the viewer may read, rebuilt from what is stored. */
export async function getReceipt(db: Db, viewer: Viewer | null, id: string): Promise<Receipt> {
  const s = await getSubmission(db, viewer, id);
  return {
    submissionId: s.id,
    receivedAt: s.receivedAt,
    contentSha256: s.contentSha256,
    content: contentOfSubmission(s),
    fingerprintVersion: s.fingerprintVersion,
    status: s.status,
    replayed: true,
    transparency: (await findInclusionOf(db, { subjectId: s.id, kind: 'received' })) ?? null,
  };
}

/** A submission checked and ready to be written, or the receipt of the same one sent before. */
export type PreparedSubmission =
  | { replay: Receipt }
  | {
      replay?: undefined;
      authorId: string;
      idempotencyKey: string;
      /** What the fingerprint covers, to compare a resend with the first of its key. */
      fields: ContentFields;
      content: string;
      contentSha256: string;
      versionId: string;
      processId: string;
      organisationId: string;
      /** A person's own voice, stored with their first submission. */
      personalVoice?: Organisation;
      row: SubmissionRows;
    };

/** A submission as it arrives: who sends it, to which period, what, and when. */
export interface IncomingSubmission {
  viewer: Viewer | null;
  periodId: string;
  /** The form or JSON body, checked here. */
  input: unknown;
  attachments: CheckedAttachment[];
  now: Date;
}

/**
 * Receives a submission in the caller's transaction, as the group commit does for many: checked
 * and written with its event (search and watches follow it after the commit). The receipt exists
 * only once the caller's transaction has committed. A repeated idempotency key with the same
 * content returns the first receipt instead of a second submission.
 */
export async function submitComment(
  db: Db,
  viewer: Viewer | null,
  periodId: string,
  input: unknown,
  attachments: CheckedAttachment[],
  now: Date,
): Promise<Receipt> {
  const prepared = await prepareSubmission(db, { viewer, periodId, input, attachments, now });
  const [outcome] = await storeSubmissions(db, { items: [{ prepared, now }] });
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.receipt;
}

/**
 * Checks a submission and builds its rows, reading but never writing: every refusal (a
 * PlenumError) happens here. The group commit prepares a whole group this way before it takes
 * the write lock, so the lock is held only for the writes (see submission-queue.ts); it passes
 * the reads the group shares and the paragraphs known from earlier groups.
 */
export async function prepareSubmission(
  db: Db,
  incoming: IncomingSubmission,
  group: { lookups?: GroupLookups; known?: KnownBlocks } = {},
): Promise<PreparedSubmission> {
  const { viewer, periodId, input, attachments, now } = incoming;
  const lookups = group.lookups ?? new GroupLookups();
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  const parsed = newSubmissionSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const form = parsed.data;
  const { organisation, voice, unstored } = await submittingVoice(db, lookups, viewer, form);

  const found = await lookups.period(db, periodId, now);
  if (!found) throw new PlenumError('PERIOD_NOT_FOUND');
  // The state is always read at this submission's own instant, even when the period is shared.
  const period = { ...found, state: periodStateAt(found, now) };
  const access = await lookups.versionAccess(db, period.versionId);
  if (!access || !canReadVersion(viewer, access, access.processId)) {
    throw new PlenumError('PERIOD_NOT_FOUND');
  }

  const blockIds = form.anchors.map((a) => a.blockId);
  const blocks = group.known
    ? await group.known.find(db, period.versionId, blockIds)
    : await findVersionBlocks(db, period.versionId, blockIds);
  const anchors = checkAnchors(form.anchors, blocks, period.versionId);
  if (voice.kind !== 'organisation' && form.cosigners.length > 0)
    throw new PlenumError(
      'INVALID_REQUEST',
      "cosigners: only an organisation's submission is co-signed.",
    );
  const cosignerIds = await findCosigners(db, lookups, form.cosigners, organisation.id);
  const affiliation = voice.kind === 'individual' ? (form.affiliation ?? null) : null;

  const detected = detectLanguage(`${form.title ?? ''}\n${form.body}`) ?? null;
  const language = form.language ?? detected ?? 'en';
  const fields: ContentFields = {
    periodId: period.id,
    organisationId: organisation.id,
    affiliation,
    cosignerIds,
    title: form.title ?? null,
    body: form.body,
    language,
    anchors: anchors.map((a) => ({
      blockId: a.block_id,
      exact: a.exact,
      start: a.start,
      end: a.end,
    })),
    attachments,
  };
  // The id and the instant are the server's, fixed here: the fingerprint covers them.
  const id = newId();
  const content = fingerprintContent(fields, {
    version: currentFingerprintVersion,
    id,
    receivedAt: now.toISOString(),
  });
  const contentSha256 = sha256Hex(content);

  // The server's clock decides, at the moment the submission is processed; but a submission
  // resent after the close still gets the receipt it was given before. While the period is open
  // the idempotency key is checked by storeSubmissions, for a whole group at once.
  const refusal = periodRefusal(period);
  if (refusal) {
    const keys = [{ authorId: viewer.id, key: form.idempotencyKey }];
    const earlier = (await findByIdempotencyKeys(db, keys)).get(
      idempotencyKeyName(viewer.id, form.idempotencyKey),
    );
    if (earlier) return { replay: await replayOf(db, earlier, fields) };
    throw new PlenumError(refusal);
  }
  const notAccepted = submitterRefusal(period, voice);
  if (notAccepted) throw new PlenumError('SUBMITTER_NOT_ACCEPTED', notAccepted);

  const status: SubmissionStatus =
    cosignerIds.length > 0
      ? 'awaiting_cosigners'
      : period.moderation === 'review'
        ? 'in_review'
        : 'published';
  // Every refusal comes before this point: the group commit relies on a refused submission
  // having written nothing (see submission-queue.ts).
  return {
    authorId: viewer.id,
    idempotencyKey: form.idempotencyKey,
    fields,
    content,
    contentSha256,
    versionId: period.versionId,
    processId: period.processId,
    organisationId: organisation.id,
    ...(unstored ? { personalVoice: organisation } : {}),
    row: submissionRows({
      id,
      form,
      affiliation,
      anonymous: voice.kind === 'anonymous',
      status,
      language,
      detected,
      contentSha256,
      periodId: period.id,
      organisationId: organisation.id,
      authorId: viewer.id,
      anchors,
      cosignerIds,
      attachments,
      now,
    }),
  };
}

type AnchorRow = Omit<SubmissionAnchorTable, 'id' | 'submission_id' | 'published'>;

/**
 * Whom the submission speaks for, and the voice the period's rules judge: an organisation the
 * viewer represents; the viewer in their own name (their personal voice, `unstored` until their
 * first submission stores it); or the one Anonymous voice, the viewer known only as its author.
 */
async function submittingVoice(
  db: Db,
  lookups: GroupLookups,
  viewer: Viewer,
  form: CheckedForm,
): Promise<{ organisation: Organisation; voice: SubmitterVoice; unstored: boolean }> {
  if (form.submitAs === 'myself') {
    const stored = await lookups.organisation(db, viewer.id);
    return {
      organisation: stored ?? personalVoice(viewer),
      voice: { kind: 'individual' },
      unstored: !stored,
    };
  }
  if (form.submitAs === 'anonymous') {
    const anonymous = await lookups.organisation(db, anonymousVoiceId);
    if (!anonymous) throw new PlenumError('INTERNAL');
    return { organisation: anonymous, voice: { kind: 'anonymous' }, unstored: false };
  }
  if (!form.organisationId)
    throw new PlenumError(
      'INVALID_REQUEST',
      'organisationId: Choose the organisation you submit for.',
    );
  const organisation = await lookups.organisation(db, form.organisationId);
  if (!organisation || organisation.stakeholderGroup === 'individual')
    throw new PlenumError('ORGANISATION_NOT_FOUND');
  checkCanSubmitFor(viewer, organisation.id);
  return {
    organisation,
    voice: { kind: 'organisation', verified: organisation.verified },
    unstored: false,
  };
}

/** A submission's form once checked by its schema. */
type CheckedForm = ReturnType<typeof newSubmissionSchema.parse>;

/**
 * The anchors' rows: every block must be a paragraph of the period's version and a quote must be
 * in its block (found again by its prefix or anywhere when its position is wrong); the same
 * anchor twice is kept once. Throws ANCHOR_INVALID.
 */
function checkAnchors(
  sent: CheckedForm['anchors'],
  blocks: Map<string, VersionBlock>,
  versionId: string,
): AnchorRow[] {
  const anchors: AnchorRow[] = [];
  const seen = new Set<string>();
  for (const [seq, anchor] of sent.entries()) {
    const block = blocks.get(anchor.blockId.toLowerCase());
    if (!block || block.kind === 'table') {
      throw new PlenumError(
        'ANCHOR_INVALID',
        `Block ${anchor.blockId} is not a paragraph of this version.`,
      );
    }
    let selector: ReturnType<typeof quoteSelector> | undefined;
    if (anchor.exact !== undefined) {
      let start = anchor.start;
      if (
        start === undefined ||
        block.text.slice(start, start + anchor.exact.length) !== anchor.exact
      ) {
        const hint = anchor.prefix ? block.text.indexOf(anchor.prefix + anchor.exact) : -1;
        start = hint >= 0 ? hint + anchor.prefix!.length : block.text.indexOf(anchor.exact);
      }
      if (start < 0) {
        throw new PlenumError(
          'ANCHOR_INVALID',
          `The quoted words are not in ${block.address}: "${anchor.exact.slice(0, 80)}".`,
        );
      }
      selector = quoteSelector(block.text, start, start + anchor.exact.length);
    }
    const key = `${block.id}:${selector?.start ?? ''}:${selector?.end ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    anchors.push({
      seq,
      block_id: block.id,
      version_id: versionId,
      address: block.address,
      exact: selector?.exact ?? null,
      prefix: selector?.prefix ?? null,
      suffix: selector?.suffix ?? null,
      start: selector?.start ?? null,
      end: selector?.end ?? null,
    });
  }
  return anchors;
}

/** The co-signing organisations' ids, each once and never the submitter's own; all registered. */
async function findCosigners(
  db: Db,
  lookups: GroupLookups,
  refs: string[],
  submitterId: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const ref of refs) {
    const cosigner = await lookups.organisation(db, ref);
    if (!cosigner)
      throw new PlenumError('ORGANISATION_NOT_FOUND', `Co-signer "${ref}" is not registered.`);
    if (cosigner.id !== submitterId && !ids.includes(cosigner.id)) ids.push(cosigner.id);
  }
  return ids;
}

/** The rows of a new submission: itself, its anchors, co-signers and attachments, with new ids. */
function submissionRows(given: {
  id: string;
  form: CheckedForm;
  affiliation: string | null;
  anonymous: boolean;
  status: SubmissionStatus;
  language: string;
  detected: string | null;
  contentSha256: string;
  periodId: string;
  organisationId: string;
  authorId: string;
  anchors: AnchorRow[];
  cosignerIds: string[];
  attachments: CheckedAttachment[];
  now: Date;
}): SubmissionRows {
  const { id, form, status, now } = given;
  const at = now.toISOString();
  return {
    submission: {
      id,
      period_id: given.periodId,
      organisation_id: given.organisationId,
      author_id: given.authorId,
      title: form.title ?? null,
      body: form.body,
      language: given.language,
      language_detected: given.detected,
      status,
      status_reason: null,
      status_note: null,
      content_sha256: given.contentSha256,
      fingerprint_version: currentFingerprintVersion,
      idempotency_key: form.idempotencyKey,
      received_at: at,
      published_at: status === 'published' ? at : null,
      updated_at: at,
      affiliation: given.affiliation,
      anonymous: given.anonymous ? 1 : 0,
      campaign_id: null,
    },
    anchors: given.anchors.map((a) => ({
      ...a,
      id: newId(),
      submission_id: id,
      published: status === 'published' ? 1 : 0,
    })),
    cosigners: given.cosignerIds.map((organisation_id) => ({
      submission_id: id,
      organisation_id,
      state: 'invited',
      responded_at: null,
      responded_by: null,
    })),
    attachments: given.attachments.map((a) => ({
      id: newId(),
      submission_id: id,
      filename: a.filename,
      media_type: a.mediaType,
      size: a.size,
      sha256: a.sha256,
      content: a.content,
    })),
  };
}

/**
 * The receipt of an earlier submission with the same idempotency key: the same content is a
 * replay of it, other content is refused (IDEMPOTENCY_CONFLICT). The content is compared as the
 * earlier one's fingerprint covers it (with its own id and instant, for version 2).
 */
async function replayOf(
  db: Db,
  earlier: Pick<
    SubmissionTable,
    'id' | 'received_at' | 'status' | 'content_sha256' | 'fingerprint_version'
  >,
  fields: ContentFields,
): Promise<Receipt> {
  const fingerprintVersion = earlier.fingerprint_version === 1 ? 1 : 2;
  const content = fingerprintContent(fields, {
    version: fingerprintVersion,
    id: earlier.id,
    receivedAt: earlier.received_at,
  });
  if (earlier.content_sha256 !== sha256Hex(content)) throw new PlenumError('IDEMPOTENCY_CONFLICT');
  return {
    submissionId: earlier.id,
    receivedAt: earlier.received_at,
    contentSha256: earlier.content_sha256,
    content,
    fingerprintVersion,
    status: earlier.status as SubmissionStatus,
    replayed: true,
    transparency: (await findInclusionOf(db, { subjectId: earlier.id, kind: 'received' })) ?? null,
  };
}

/** What storeSubmissions made of one submission: its receipt, or why it was refused. */
export type StoreOutcome = { ok: true; receipt: Receipt } | { ok: false; error: PlenumError };

/** A prepared submission that is no replay, and the instant it arrived. */
type FreshSubmission = Exclude<PreparedSubmission, { replay: Receipt }>;
interface ToWrite {
  prepared: FreshSubmission;
  now: Date;
}

const keyOf = (p: FreshSubmission) => idempotencyKeyName(p.authorId, p.idempotencyKey);

/**
 * Writes prepared submissions, inside the caller's write transaction, in few statements (a group
 * commit writes a few hundred at once): the submission rows (idempotency keys settled first),
 * then their anchors, co-signers and attachments, the anchors carried to later versions, and an
 * event each, which search and watches follow (events/followers.ts). Every refusal comes before
 * anything of that submission is written.
 */
export async function storeSubmissions(
  db: Db,
  { items }: { items: { prepared: PreparedSubmission; now: Date }[] },
): Promise<StoreOutcome[]> {
  const { earlier, toWrite } = await writeFirstOfEachKey(db, { items });
  const written = [...toWrite.values()];
  let logged = new Map<string, Inclusion>();
  if (written.length > 0) {
    await insertSubmissionParts(
      db,
      written.map((w) => w.prepared.row),
    );
    await countPublishedAnchors(db, { written });
    await carryAnchorsForward(db, { written });
    await recordSubmissionEvents(db, { written });
    logged = await logReceived(db, { written });
  }
  const outcomes: StoreOutcome[] = [];
  for (const { prepared } of items)
    outcomes.push(await outcomeOf(db, { prepared, earlier, toWrite, logged }));
  return outcomes;
}

/**
 * Appends a `received` entry per submission written to the transparency log, in the same
 * transaction, so no acknowledged submission is missing from it; returns each one's inclusion
 * in the signed tree head of this append, by submission id.
 */
async function logReceived(
  db: Db,
  { written }: { written: ToWrite[] },
): Promise<Map<string, Inclusion>> {
  const rows = written.map((w) => w.prepared);
  const group = await appendToLog(
    db,
    rows.map((p) => {
      const { id, received_at: receivedAt, period_id: period, status } = p.row.submission;
      return {
        kind: 'received',
        subjectId: id,
        versionId: p.versionId,
        fields: { submission: id, receivedAt, period, contentSha256: p.contentSha256, status },
      };
    }),
    new Date(Math.max(...written.map((w) => w.now.getTime()))),
  );
  return new Map(rows.map((p, i) => [p.row.submission.id, group.inclusionOf(i)]));
}

/**
 * Idempotency keys are checked first, all in one read: the same key may have arrived in the same
 * group or in another process since the submissions were prepared. The first submission of each
 * key not yet stored is written; on PostgreSQL another group may commit the same key meanwhile:
 * the insert skips such a row (it waits for that commit) and it counts as stored earlier.
 */
async function writeFirstOfEachKey(
  db: Db,
  { items }: { items: { prepared: PreparedSubmission; now: Date }[] },
): Promise<{ earlier: Map<string, SubmissionTable>; toWrite: Map<string, ToWrite> }> {
  const fresh = items.flatMap(({ prepared }) => (prepared.replay ? [] : [prepared]));
  const earlier = await findByIdempotencyKeys(
    db,
    fresh.map((p) => ({ authorId: p.authorId, key: p.idempotencyKey })),
  );
  const toWrite = new Map<string, ToWrite>();
  for (const { prepared, now } of items) {
    if (prepared.replay || earlier.has(keyOf(prepared)) || toWrite.has(keyOf(prepared))) continue;
    toWrite.set(keyOf(prepared), { prepared, now });
  }
  if (toWrite.size === 0) return { earlier, toWrite };
  // A person's first submission in their own name stores their voice first (its row is named).
  const voices = [...toWrite.values()].flatMap((w) =>
    w.prepared.personalVoice ? [{ voice: w.prepared.personalVoice, now: w.now }] : [],
  );
  if (voices.length > 0)
    await storePersonalVoices(
      db,
      voices.map((v) => v.voice),
      voices[0]!.now,
    );
  const skipped = await insertSubmissionRows(
    db,
    [...toWrite.values()].map((w) => w.prepared.row.submission),
  );
  // Committed by another transaction since the read above: answered with that submission.
  const committed = await findByIdempotencyKeys(
    db,
    skipped.map((row) => ({ authorId: row.author_id, key: row.idempotency_key })),
  );
  for (const [key, row] of committed) {
    earlier.set(key, row);
    toWrite.delete(key);
  }
  return { earlier, toWrite };
}

/**
 * The receipt of one submission: its own when it was written; a replay of the first with its key
 * (stored earlier, or earlier in the same call) when the content is the same; else a conflict.
 */
async function outcomeOf(
  db: Db,
  {
    prepared,
    earlier,
    toWrite,
    logged,
  }: {
    prepared: PreparedSubmission;
    earlier: Map<string, SubmissionTable>;
    toWrite: Map<string, ToWrite>;
    logged: Map<string, Inclusion>;
  },
): Promise<StoreOutcome> {
  if (prepared.replay) return { ok: true, receipt: prepared.replay };
  const key = keyOf(prepared);
  const first = earlier.get(key) ?? toWrite.get(key)!.prepared.row.submission;
  if (first !== prepared.row.submission) {
    try {
      return { ok: true, receipt: await replayOf(db, first, prepared.fields) };
    } catch (error) {
      if (!isPlenumError(error)) throw error;
      return { ok: false, error };
    }
  }
  const { id, status, received_at: receivedAt } = first;
  return {
    ok: true,
    receipt: {
      submissionId: id,
      receivedAt,
      contentSha256: prepared.contentSha256,
      content: prepared.content,
      fingerprintVersion: currentFingerprintVersion,
      status: status as SubmissionStatus,
      replayed: false,
      transparency: logged.get(id) ?? null,
    },
  };
}

/**
 * The kept per-paragraph counts grow by each published submission written, once per paragraph it
 * is anchored to (carried anchors are counted as they are carried).
 */
async function countPublishedAnchors(db: Db, { written }: { written: ToWrite[] }): Promise<void> {
  await changeParagraphCounts(
    db,
    written.flatMap(({ prepared }) => {
      const paragraphs = new Map<string, { versionId: string; address: string }>();
      for (const a of prepared.row.anchors)
        if (a.published === 1)
          paragraphs.set(`${a.version_id} ${a.address}`, {
            versionId: a.version_id,
            address: a.address,
          });
      return [...paragraphs.values()].map((p) => ({ ...p, direct: 1, carried: 0 }));
    }),
  );
}

/** Sets a submission's status and keeps the counts of its period and paragraphs true. */
async function changeStatus(
  db: Db,
  submissionId: string,
  change: Parameters<typeof updateStatus>[2],
): Promise<void> {
  await changeParagraphCounts(db, await updateStatus(db, submissionId, change));
}

/**
 * A later version may already be aligned with this one: the new anchors are carried there too
 * (carryLateAnchors reads the aligned versions under the write lock, so an import of the next
 * version cannot slip in between).
 */
async function carryAnchorsForward(db: Db, { written }: { written: ToWrite[] }): Promise<void> {
  const anchorsByVersion = Map.groupBy(
    written.flatMap(({ prepared }) =>
      prepared.row.anchors.map((a) => ({ versionId: prepared.versionId, id: a.id })),
    ),
    (a) => a.versionId,
  );
  for (const [versionId, anchors] of anchorsByVersion)
    await carryLateAnchors(
      db,
      versionId,
      anchors.map((a) => a.id),
    );
}

/** An event per submission written: published at once, or received (for review, co-signers). */
async function recordSubmissionEvents(db: Db, { written }: { written: ToWrite[] }): Promise<void> {
  await recordEvents(
    db,
    written.map(({ prepared, now }) => {
      const { id, status, period_id: periodId } = prepared.row.submission;
      return {
        event: {
          actor: prepared.authorId,
          action: status === 'published' ? 'submission.published' : 'submission.received',
          subjectType: 'submission',
          subjectId: id,
          data: {
            periodId,
            processId: prepared.processId,
            organisationId: prepared.organisationId,
            status,
            // Who wrote it, so a follower that tells the author need not read the row back.
            authorId: prepared.authorId,
          },
        },
        at: now,
      };
    }),
  );
}

/** A submission the viewer may read, or SUBMISSION_NOT_FOUND. */
export async function getSubmission(
  db: Db,
  viewer: Viewer | null,
  id: string,
): Promise<Submission & { processId: string; authorId: string }> {
  const row = await findSubmissionRow(db, id);
  if (!row) throw new PlenumError('SUBMISSION_NOT_FOUND');
  const cosigners = await listCosigners(db, id);
  const readable =
    // A comment on a version in preparation tells of that version: hidden with it.
    canReadVersion(viewer, { public: row.version_public }, row.process_id) &&
    canReadSubmission(viewer, {
      status: row.status,
      authorId: row.author_id,
      organisationId: row.organisation_id,
      cosignerIds: cosigners.map((c) => c.organisation_id),
      processId: row.process_id,
    });
  if (!readable) throw new PlenumError('SUBMISSION_NOT_FOUND');
  const [submission] = await loadSubmissions(db, [id]);
  if (!submission) throw new PlenumError('SUBMISSION_NOT_FOUND');
  return { ...submission, processId: row.process_id, authorId: row.author_id };
}

/**
 * Who wrote a submission by a person (anonymously or in their name), for the process's
 * moderators and secretariat only: the name an anonymous submission never publishes.
 */
export async function getAuthorForStaff(
  db: Db,
  viewer: Viewer | null,
  submission: { processId: string; authorId: string; organisation: Organisation },
): Promise<{ name: string; email: string } | undefined> {
  if (submission.organisation.stakeholderGroup !== 'individual') return undefined;
  if (!canModerate(viewer, submission.processId)) return undefined;
  return getAccountContact(db, submission.authorId);
}

/**
 * A submission with the account that wrote it, whoever asks (for the features that tell people
 * about it, which check what they reveal); undefined when there is none.
 */
export async function findSubmissionForNotice(
  db: Db,
  id: string,
): Promise<(Submission & { authorId: string; processId: string }) | undefined> {
  const row = await findSubmissionRow(db, id);
  if (!row) return undefined;
  const [submission] = await loadSubmissions(db, [id]);
  return submission && { ...submission, authorId: row.author_id, processId: row.process_id };
}

/** The account that wrote a submission, if there is one (one indexed read). */
export async function findSubmissionAuthorId(db: Db, id: string): Promise<string | undefined> {
  return (await findSubmissionRow(db, id))?.author_id;
}

/** A co-signer confirms or declines; once none is left to answer, the submission moves on. */
export async function answerCosignature(
  db: Db,
  viewer: Viewer | null,
  submissionId: string,
  organisationId: string,
  confirm: boolean,
  now: Date,
): Promise<SubmissionStatus> {
  checkCanCosignFor(viewer, organisationId);
  const row = await findSubmissionRow(db, submissionId);
  if (!row) throw new PlenumError('SUBMISSION_NOT_FOUND');
  const cosigners = await listCosigners(db, submissionId);
  const mine = cosigners.find((c) => c.organisation_id === organisationId);
  if (!mine) throw new PlenumError('FORBIDDEN', 'This organisation is not named as a co-signer.');
  if (mine.state !== 'invited' || row.status !== 'awaiting_cosigners')
    throw new PlenumError('MODERATION_CONFLICT', 'This co-signature has already been answered.');
  const at = now.toISOString();
  await updateCosigner(db, submissionId, organisationId, {
    state: confirm ? 'confirmed' : 'declined',
    by: viewer.id,
    at,
  });
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: confirm ? 'submission.cosigned' : 'submission.cosign_declined',
      subjectType: 'submission',
      subjectId: submissionId,
      data: { organisationId },
    },
    now,
  );
  const waiting = cosigners.some(
    (c) => c.organisation_id !== organisationId && c.state === 'invited',
  );
  const next: SubmissionStatus = waiting
    ? 'awaiting_cosigners'
    : row.moderation === 'review'
      ? 'in_review'
      : 'published';
  if (!waiting) {
    await changeStatus(db, submissionId, { status: next, reason: null, note: null, at });
    // The event of its publication is what search and watches follow.
    if (next === 'published') await recordStatusChange(db, viewer.id, row, next, {}, now);
  }
  await logCosignature(db, { row, organisationId, confirm, status: next, now });
  return next;
}

/**
 * Appends a co-signer's answer to the transparency log, in the answer's transaction, with the
 * status it leaves the submission in: a verifier tells a co-signature shown on a published
 * submission from one never given, one declined from one dropped, and a submission published by
 * its last co-signer from one never published.
 */
async function logCosignature(
  db: Db,
  given: {
    row: Pick<SubmissionTable, 'id' | 'received_at' | 'period_id' | 'content_sha256'> & {
      version_id: string;
    };
    organisationId: string;
    confirm: boolean;
    status: SubmissionStatus;
    now: Date;
  },
): Promise<void> {
  const { row, now } = given;
  await appendToLog(
    db,
    [
      {
        kind: 'cosignature',
        subjectId: row.id,
        versionId: row.version_id,
        fields: {
          submission: row.id,
          receivedAt: row.received_at,
          period: row.period_id,
          contentSha256: row.content_sha256,
          organisation: given.organisationId,
          answer: given.confirm ? 'confirmed' : 'declined',
          status: given.status,
          at: now.toISOString(),
        },
      },
    ],
    now,
  );
}

/** A moderator publishes, rejects (with a reason) or returns a submission for revision. */
export async function moderateSubmission(
  db: Db,
  viewer: Viewer | null,
  submissionId: string,
  input: unknown,
  now: Date,
): Promise<SubmissionStatus> {
  const row = await findSubmissionRow(db, submissionId);
  if (!row) throw new PlenumError('SUBMISSION_NOT_FOUND');
  checkCanModerate(viewer, row.process_id);
  const parsed = moderationSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const { action, reason, note } = parsed.data;
  const allowed: Record<typeof action, string[]> = {
    publish: ['in_review', 'rejected'],
    reject: ['in_review', 'published'],
    return: ['in_review'],
  };
  if (!allowed[action].includes(row.status)) {
    throw new PlenumError('MODERATION_CONFLICT', `It is ${row.status.replace('_', ' ')}.`);
  }
  const status: SubmissionStatus =
    action === 'publish' ? 'published' : action === 'reject' ? 'rejected' : 'returned';
  await applyModeration(
    db,
    viewer.id,
    row,
    { status, reason: action === 'reject' ? (reason ?? null) : null, note: note ?? null },
    now,
  );
  return status;
}

/**
 * The steps of every moderation decision, once it is allowed: the new status with the counts of
 * the period and its paragraphs, the event (feeds, notifications, the audit trail follow it) and
 * the entry of the transparency log.
 */
async function applyModeration(
  db: Db,
  actor: string,
  row: NonNullable<Awaited<ReturnType<typeof findSubmissionRow>>>,
  decision: { status: SubmissionStatus; reason: string | null; note: string | null },
  now: Date,
): Promise<void> {
  const { status, reason, note } = decision;
  await changeStatus(db, row.id, { status, reason, note, at: now.toISOString() });
  await recordStatusChange(db, actor, row, status, { reason, note }, now);
  await logModeration(db, { row, status, reason, now });
}

/** What publishing a closed period's submissions did, and what it left as it was. */
export interface PeriodPublication {
  /** Submissions that were in review and are now published. */
  published: number;
  /** Submissions of the period left rejected or returned for revision, untouched. */
  rejected: number;
  returned: number;
}

/** How many of a period's submissions in review are read and published at a time. */
const publicationBatch = 500;

/**
 * Publishes, in one act, every submission of a closed period still in review: each is moderated
 * "publish" with the steps a single decision takes, and one event records the act. A period still
 * open or not yet open is refused (PERIOD_NOT_CLOSED): submissions may still arrive. The
 * process's moderators and secretariat may do it, as they moderate one by one.
 */
export async function publishPeriodSubmissions(
  db: Db,
  viewer: Viewer | null,
  periodId: string,
  now: Date,
): Promise<PeriodPublication> {
  const { period } = await getPeriodAtAddress(db, viewer, periodId, now);
  checkCanModerate(viewer, period.processId);
  if (period.state !== 'closed')
    throw new PlenumError(
      'PERIOD_NOT_CLOSED',
      `The period is ${period.state}: its submissions are published together once it has closed.`,
    );
  let published = 0;
  // Each batch read is of those still in review: the ones published leave it.
  for (;;) {
    const ids = await listIdsByStatus(db, period.id, 'in_review', publicationBatch);
    for (const id of ids) {
      const row = await findSubmissionRow(db, id);
      if (!row) throw new PlenumError('INTERNAL');
      await applyModeration(
        db,
        viewer.id,
        row,
        { status: 'published', reason: null, note: null },
        now,
      );
    }
    published += ids.length;
    if (ids.length < publicationBatch) break;
  }
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: 'period.submissions_published',
      subjectType: 'comment_period',
      subjectId: period.id,
      data: { processId: period.processId, published },
    },
    now,
  );
  const { byStatus } = await countByStatus(db, period.id);
  return {
    published,
    rejected: byStatus.get('rejected') ?? 0,
    returned: byStatus.get('returned') ?? 0,
  };
}

/** How many submissions of a period are in review (the count the moderation queue offers to publish). */
export async function countInReview(db: Db, periodId: string): Promise<number> {
  return (await countByStatus(db, periodId)).byStatus.get('in_review') ?? 0;
}

/**
 * Appends the moderation decision to the transparency log, in the decision's transaction: with
 * the received entry, a verifier tells a rejected submission from one silently dropped.
 */
async function logModeration(
  db: Db,
  given: {
    row: Pick<SubmissionTable, 'id' | 'received_at' | 'period_id' | 'content_sha256'> & {
      version_id: string;
    };
    status: SubmissionStatus;
    reason: string | null;
    now: Date;
  },
): Promise<void> {
  const { row, status, now } = given;
  await appendToLog(
    db,
    [
      {
        kind: 'moderated',
        subjectId: row.id,
        versionId: row.version_id,
        fields: {
          submission: row.id,
          receivedAt: row.received_at,
          period: row.period_id,
          contentSha256: row.content_sha256,
          status,
          at: now.toISOString(),
          ...(status === 'rejected' ? { reason: given.reason } : {}),
        },
      },
    ],
    now,
  );
}

/** The event of a submission's new status (the feeds and the audit trail read these). */
async function recordStatusChange(
  db: Db,
  actor: string,
  row: { id: string; period_id: string; process_id: string; organisation_id: string },
  status: SubmissionStatus,
  extra: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await recordEvent(
    db,
    {
      actor,
      action: `submission.${status}`,
      subjectType: 'submission',
      subjectId: row.id,
      data: {
        periodId: row.period_id,
        processId: row.process_id,
        organisationId: row.organisation_id,
        status,
        ...extra,
      },
    },
    now,
  );
}

/** How many published submissions of a period the filters keep (the count beside the list). */
export function countPublishedSubmissions(
  db: Db,
  periodId: string,
  filters: ListFilters,
): Promise<number> {
  return countPublishedOfPeriod(db, periodId, filters);
}

/** Parses list filters from a query string; an unknown organisation matches nothing. */
export async function resolveFilters(
  db: Db,
  query: Record<string, string | undefined>,
): Promise<ListFilters> {
  const cleaned = Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = submissionFiltersSchema.safeParse(cleaned);
  if (!parsed.success) throw zodError(parsed.error);
  const filters: ListFilters = parsed.data;
  if (filters.country && !findCountry(filters.country))
    throw new PlenumError(
      'INVALID_REQUEST',
      `country: ${filters.country} is not the ISO 3166-1 alpha-3 code of a UN member or observer State (such as CHE or BRA).`,
    );
  if (filters.organisation) {
    const organisation = await lookupOrganisation(db, filters.organisation);
    filters.organisationId = organisation?.id ?? 'none';
  }
  return filters;
}

/** A page of a list of published submissions, with the cursor of the next page. */
export interface PublishedPage {
  submissions: Submission[];
  next: string | null;
  campaigns: Map<string, CampaignGroup>;
}

/** Which page of a list getPublishedSubmissions reads. */
interface PublishedPageAsked {
  limit?: number;
  before?: string;
  oneOfEachCampaign?: boolean;
}

/** The page's ids (one more than the limit, to know if a next page exists) and its limit. */
async function listPage(
  db: Db,
  scope: SubmissionScope,
  filters: ListFilters,
  page: PublishedPageAsked,
): Promise<{ ids: string[]; limit: number }> {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), 200);
  const ids = await listSubmissionIds(db, scope, filters, {
    limit: limit + 1,
    ...(page.before ? { before: page.before } : {}),
    ...(page.oneOfEachCampaign ? { oneOfEachCampaign: true } : {}),
  });
  return { ids, limit };
}

/** The page of listPage with its submissions loaded. */
async function pageOf(
  db: Db,
  { ids, limit }: { ids: string[]; limit: number },
  loaded: Map<string, Submission>,
  oneOfEachCampaign: boolean | undefined,
): Promise<PublishedPage> {
  const pageIds = ids.slice(0, limit);
  const submissions = pageIds.flatMap((id) => loaded.get(id) ?? []);
  return {
    submissions,
    next: ids.length > limit ? (pageIds.at(-1) ?? null) : null,
    campaigns: oneOfEachCampaign
      ? await campaignGroups(db, submissions)
      : new Map<string, CampaignGroup>(),
  };
}

/** Submissions loaded at once, by id. */
async function loadById(db: Db, ids: string[]): Promise<Map<string, Submission>> {
  return new Map((await loadSubmissions(db, [...new Set(ids)])).map((s) => [s.id, s]));
}

/**
 * One page of published submissions, newest first, and the cursor of the next page. With
 * `oneOfEachCampaign` (a period's page without filters), a campaign comes once, where its newest
 * member falls, and `campaigns` describes each campaign of two published members or more.
 */
export async function getPublishedSubmissions(
  db: Db,
  scope: SubmissionScope,
  filters: ListFilters,
  page: PublishedPageAsked = {},
): Promise<PublishedPage> {
  const listed = await listPage(db, scope, filters, page);
  return pageOf(db, listed, await loadById(db, listed.ids), page.oneOfEachCampaign);
}

/**
 * A page of published submissions as a period's or a paragraph's list shows it: the verified
 * voices' page (as getPublishedSubmissions), and apart the first `apartLimit` of those who say
 * they speak for a State without being verified. Both lists are read at once and their
 * submissions loaded together, so the page waits for one round of loading, not two.
 */
export async function getPublishedWithClaimsApart(
  db: Db,
  scope: SubmissionScope,
  filters: ListFilters,
  page: PublishedPageAsked,
  apartLimit: number,
): Promise<{ listed: PublishedPage; apart: Submission[] }> {
  const [listed, apart] = await Promise.all([
    listPage(db, scope, { ...filters, claims: 'verified' }, page),
    listPage(db, scope, { ...filters, claims: 'unverified' }, { limit: apartLimit }),
  ]);
  const loaded = await loadById(db, [
    ...listed.ids.slice(0, listed.limit),
    ...apart.ids.slice(0, apart.limit),
  ]);
  return {
    listed: await pageOf(db, listed, loaded, page.oneOfEachCampaign),
    apart: (await pageOf(db, apart, loaded, false)).submissions,
  };
}

/**
 * What each State said through its verified government, per process: the published submissions
 * (on public versions) that a country's page lists as the State's, counted (of one State, if given).
 */
export async function countSubmissionsOfStates(
  db: Db,
  country?: string,
): Promise<StateSubmissionCount[]> {
  return countStateSubmissions(db, country);
}

/** Members read to show a campaign in a list: its first text, variants and signatories. */
const campaignSample = 50;

/** The campaigns (of two published members or more) of these submissions, by id. */
async function campaignGroups(
  db: Db,
  submissions: Submission[],
): Promise<Map<string, CampaignGroup>> {
  const groups = new Map<string, CampaignGroup>();
  const periodId = submissions[0]?.periodId;
  const campaignIds = [...new Set(submissions.flatMap((s) => s.campaignId ?? []))];
  if (!periodId || campaignIds.length === 0) return groups;
  for (const counted of await countCampaignMembers(db, periodId, campaignIds)) {
    const members = await loadSubmissions(
      db,
      await listSubmissionIds(
        db,
        { periodId, campaignId: counted.campaignId },
        {},
        { limit: campaignSample, after: '' },
      ),
    );
    const first = members[0];
    if (!first) continue;
    const texts = new Set([first.body]);
    const otherTexts = members.filter((m) => !texts.has(m.body) && texts.add(m.body)).slice(0, 5);
    groups.set(counted.campaignId, {
      id: counted.campaignId,
      periodId,
      count: counted.count,
      variants: counted.variants,
      first,
      otherTexts,
      signatories: members.map((m) => ({ submissionId: m.id, organisation: m.organisation })),
    });
  }
  return groups;
}

/**
 * A page of a campaign's published members, oldest first, after a cursor (the campaign's page);
 * the caller has checked that the viewer may read the period.
 */
export async function getCampaignMembers(
  db: Db,
  periodId: string,
  campaignId: string,
  page: { after?: string; limit?: number } = {},
): Promise<{ submissions: Submission[]; next: string | null; count: number; variants: number }> {
  const limit = Math.min(Math.max(page.limit ?? 100, 1), 500);
  const ids = await listSubmissionIds(
    db,
    { periodId, campaignId },
    {},
    { limit: limit + 1, after: page.after ?? '' },
  );
  const [counted] = await countCampaignMembers(db, periodId, [campaignId]);
  const pageIds = ids.slice(0, limit);
  return {
    submissions: await loadSubmissions(db, pageIds),
    next: ids.length > limit ? (pageIds.at(-1) ?? null) : null,
    count: counted?.count ?? pageIds.length,
    variants: counted?.variants ?? pageIds.length,
  };
}

/** Published comments per paragraph address of a version (made on it, and carried from earlier drafts). */
export async function getCommentCounts(
  db: Db,
  versionId: string,
  filters: ListFilters = {},
): Promise<Map<string, { direct: number; carried: number }>> {
  // Without filters, the counts kept per paragraph: as many rows as the version has paragraphs
  // with comments, whatever is stored.
  if (!Object.values(filters).some((v) => v !== undefined))
    return getParagraphCounts(db, versionId);
  return countPublishedByAddress(db, versionId, filters);
}

/** The moderation queue of a period: submissions in review, oldest first. */
export async function getModerationQueue(
  db: Db,
  viewer: Viewer | null,
  processId: string,
  periodId: string,
): Promise<Submission[]> {
  checkCanModerate(viewer, processId);
  return loadSubmissions(db, await listIdsByStatus(db, periodId, 'in_review', 200));
}

/** The viewer's organisations' submissions (any status), and those waiting for their co-signature. */
export async function getMySubmissions(db: Db, viewer: Viewer | null): Promise<Submission[]> {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  const organisationIds = viewer.grants
    .filter((g) => g.role === 'representative')
    .map((g) => g.scopeId);
  // And what they wrote themselves, in their name or anonymously.
  return loadSubmissions(db, await listIdsOfOrganisations(db, organisationIds, 200, viewer.id));
}

/** The organisations the viewer represents. */
export async function getMyOrganisations(db: Db, viewer: Viewer | null) {
  if (!viewer) return [];
  const ids = viewer.grants.filter((g) => g.role === 'representative').map((g) => g.scopeId);
  return [...(await findOrganisationsByIds(db, ids)).values()];
}

/** An attachment's bytes, if the viewer may read its submission. */
export async function getAttachment(db: Db, viewer: Viewer | null, id: string) {
  const attachment = await findAttachment(db, id);
  if (!attachment) throw new PlenumError('ATTACHMENT_NOT_FOUND');
  await getSubmission(db, viewer, attachment.submission_id).catch(() => {
    throw new PlenumError('ATTACHMENT_NOT_FOUND');
  });
  return attachment;
}

/**
 * Every submission of a period in the order received, a page at a time, for streamed exports:
 * the public gets published ones, the process staff every status.
 */
export async function* iterateSubmissions(
  db: Db,
  periodId: string,
  filters: ListFilters,
  allStatuses: boolean,
): AsyncGenerator<Submission> {
  let after = '';
  for (;;) {
    const ids = await listSubmissionIds(db, { periodId }, filters, {
      limit: 500,
      after,
      allStatuses,
    });
    if (ids.length === 0) return;
    yield* await loadSubmissions(db, ids);
    after = ids.at(-1)!;
  }
}

/**
 * The full submissions of a range of a period's in id order, for an export that walks the period
 * a page at a time (the data package); the caller has checked what the reader may see.
 */
export async function readSubmissionsInRange(
  db: Db,
  range: SubmissionRange,
): Promise<Submission[]> {
  return loadSubmissionsInRange(db, range);
}

/** The texts of submissions (any status) and their languages, for campaign grouping. */
export async function readSubmissionTexts(
  db: Db,
  ids: string[],
): Promise<{ id: string; periodId: string; body: string; language: string }[]> {
  return findSubmissionTexts(db, ids);
}

/** A page of a period's submission ids (any status) in the order received, for a full regroup. */
export async function listPeriodSubmissionsInOrder(
  db: Db,
  periodId: string,
  page: { after: string; limit: number },
): Promise<string[]> {
  return listPeriodSubmissionIds(db, periodId, page);
}

/**
 * Records what campaign grouping decided: submissions put in campaigns, campaigns merged into
 * another, or (before a full regroup) every submission of a period taken out of its campaign.
 */
export async function recordCampaigns(
  db: Db,
  change:
    | { kind: 'assign'; campaigns: { submissionId: string; campaignId: string }[] }
    | { kind: 'merge'; periodId: string; from: string[]; to: string }
    | { kind: 'clear'; periodId: string },
): Promise<void> {
  if (change.kind === 'assign') await setCampaigns(db, change.campaigns);
  else if (change.kind === 'merge')
    await renameCampaigns(db, change.periodId, change.from, change.to);
  else await clearCampaigns(db, change.periodId);
}

/** The campaigns of a period with two published members or more, largest first, with counts. */
export async function countPublishedCampaignMembers(
  db: Db,
  periodId: string,
): Promise<{ campaignId: string; count: number; variants: number; firstId: string }[]> {
  return countCampaignMembers(db, periodId);
}

/** A period's submissions by status, and its rejected ones by reason. */
export function getPeriodCounts(
  db: Db,
  periodId: string,
): Promise<{ byStatus: Map<string, number>; rejected: Map<RejectionReason, number> }> {
  return countByStatus(db, periodId);
}

/** The latest submissions published in a period or a process, newest first, for its feed. */
export async function getRecentlyPublished(
  db: Db,
  scope: { periodId: string } | { processId: string },
  limit: number,
): Promise<Submission[]> {
  return loadSubmissions(db, await listRecentlyPublishedIds(db, scope, limit));
}

/** A period's published submissions by week: per stakeholder group, and governments' per regional group. */
export interface PeriodTimeline {
  /** Mondays (YYYY-MM-DD) from the first week with a submission to the last, none left out. */
  weeks: string[];
  byGroup: Map<string, Map<string, number>>;
  byRegion: Map<string, Map<string, number>>;
  total: number;
}

/** The Monday of the week of a day (YYYY-MM-DD, UTC). */
function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** The published submissions of a period by week, stakeholder group and regional group. */
export async function getPeriodTimeline(db: Db, periodId: string): Promise<PeriodTimeline> {
  const rows = await countPublishedByDay(db, periodId);
  const byGroup = new Map<string, Map<string, number>>();
  const byRegion = new Map<string, Map<string, number>>();
  const add = (into: Map<string, Map<string, number>>, key: string, week: string, n: number) => {
    const counts = into.get(key) ?? new Map<string, number>();
    counts.set(week, (counts.get(week) ?? 0) + n);
    into.set(key, counts);
  };
  let first = '';
  let last = '';
  let total = 0;
  for (const r of rows) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.day)) continue;
    const week = mondayOf(r.day);
    if (!first || week < first) first = week;
    if (!last || week > last) last = week;
    total += r.n;
    add(byGroup, r.group, week, r.n);
    if (r.group === 'government')
      add(byRegion, (r.country && findCountry(r.country)?.group) || '', week, r.n);
  }
  const weeks: string[] = [];
  // A long period is at most a few years of weeks; the cap keeps a stray date from running away.
  for (let w = first; w && w <= last && weeks.length < 520;) {
    weeks.push(w);
    const next = new Date(`${w}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 7);
    w = next.toISOString().slice(0, 10);
  }
  return { weeks, byGroup, byRegion, total };
}
