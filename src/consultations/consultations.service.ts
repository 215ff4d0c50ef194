/** Comment periods: opening, extending and reading them, by the server's clock. */
import { keyPageOf, type KeyPage } from '../api/cursor.ts';
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { findDocumentById, findVersionById } from '../documents/documents.service.ts';
import type { PlenumDocument, Version } from '../documents/documents.schema.ts';
import { PlenumError } from '../errors.ts';
import { listEventsFor, recordEvent } from '../events/events.store.ts';
import type { Process } from '../processes/processes.schema.ts';
import { findProcessById } from '../processes/processes.service.ts';
import { zodError } from '../validation.ts';
import { canReadVersion, readableDocument } from '../documents/documents.policy.ts';
import { checkCanManagePeriods } from './consultations.policy.ts';
import {
  earlyCloseSchema,
  extensionSchema,
  newPeriodSchema,
  type CommentPeriod,
} from './consultations.schema.ts';
import {
  findPeriod,
  findPeriods,
  insertPeriod,
  listOpenPeriods,
  listPeriodsOfDocument,
  listPeriodsOfProcess,
  updateClose,
  closeEarly,
} from './consultations.store.ts';
import { zonedInstant } from './time-zones.ts';

/** A period with the process, document and version it is about. */
export interface PeriodContext {
  period: CommentPeriod;
  process: Process;
  document: PlenumDocument;
  version: Version;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The period a page address names, as getPeriodContext; PERIOD_NOT_FOUND also for an id that is not a UUID. */
export function getPeriodAtAddress(
  db: Db,
  viewer: Viewer | null,
  id: string,
  now: Date,
): Promise<PeriodContext> {
  if (!uuid.test(id)) return Promise.reject(new PlenumError('PERIOD_NOT_FOUND'));
  return getPeriodContext(db, viewer, id.toLowerCase(), now);
}

/** The period with its process, document and version; hidden (not found) when its version is not public to the viewer. */
export async function getPeriodContext(
  db: Db,
  viewer: Viewer | null,
  id: string,
  now: Date,
): Promise<PeriodContext> {
  const period = await findPeriod(db, id, now);
  if (!period) throw new PlenumError('PERIOD_NOT_FOUND');
  const [process, document, version] = await Promise.all([
    findProcessById(db, period.processId),
    findDocumentById(db, period.documentId),
    findVersionById(db, period.versionId),
  ]);
  // Only the versions the viewer may read: the period's page names the document's others.
  const readable = document && readableDocument(viewer, document);
  if (!process || !readable || !version || !canReadVersion(viewer, version, process.id))
    throw new PlenumError('PERIOD_NOT_FOUND');
  return { period, process, document: readable, version };
}

/**
 * The period with this id as stored, its state read at `now`, whoever reads (the caller checks
 * what the viewer may see); for features that hold a period id.
 */
export async function findPeriodById(
  db: Db,
  id: string,
  now: Date,
): Promise<CommentPeriod | undefined> {
  return findPeriod(db, id, now);
}

/** The periods with these ids, in one query (those that exist). */
export async function findPeriodsByIds(db: Db, ids: string[], now: Date): Promise<CommentPeriod[]> {
  return findPeriods(db, ids, now);
}

/** Opens a comment period on a version of one of the process's documents. */
export async function openCommentPeriod(
  db: Db,
  viewer: Viewer | null,
  processId: string,
  input: unknown,
  now: Date,
): Promise<CommentPeriod> {
  checkCanManagePeriods(viewer, processId);
  const parsed = newPeriodSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const form = parsed.data;
  const version = await findVersionById(db, form.versionId);
  const document = version ? await findDocumentById(db, version.documentId) : undefined;
  if (!version || !document || document.processId !== processId) {
    throw new PlenumError(
      'INVALID_REQUEST',
      'versionId: choose a version of a document of this process.',
    );
  }
  const opens = zonedInstant(form.opensAt, form.timeZone, 'opensAt');
  const closes = zonedInstant(form.closesAt, form.timeZone, 'closesAt');
  if (closes <= opens)
    throw new PlenumError('INVALID_REQUEST', 'closesAt: the period must close after it opens.');
  if (closes <= now)
    throw new PlenumError('INVALID_REQUEST', 'closesAt: the closing time has already passed.');
  const id = newId();
  await insertPeriod(db, {
    id,
    process_id: processId,
    version_id: version.id,
    title: form.title,
    description: form.description,
    opens_at: opens.toISOString(),
    closes_at: closes.toISOString(),
    time_zone: form.timeZone,
    moderation: form.moderation,
    submitters: form.submitters,
    individual_names: form.individualNames,
    extensions: 0,
    created_by: viewer.id,
    created_at: now.toISOString(),
  });
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: 'period.opened',
      subjectType: 'comment_period',
      subjectId: id,
      data: {
        processId,
        versionId: version.id,
        opensAt: opens.toISOString(),
        closesAt: closes.toISOString(),
        submitters: form.submitters,
        individualNames: form.individualNames,
      },
    },
    now,
  );
  const period = await findPeriod(db, id, now);
  if (!period) throw new PlenumError('INTERNAL');
  return period;
}

/**
 * One change of a managed period's close, the steps extending and closing early share: the
 * period found, the secretariat's policy, the change decided on the period as it stands, the
 * close stored and the event recorded (in the caller's transaction), the period read again.
 */
async function changePeriodClose(
  db: Db,
  viewer: Viewer | null,
  id: string,
  now: Date,
  decide: (period: CommentPeriod) => {
    closesAt: Date;
    action: 'period.extended' | 'period.closed';
    reason: string;
  },
): Promise<CommentPeriod> {
  const period = await findPeriod(db, id, now);
  if (!period) throw new PlenumError('PERIOD_NOT_FOUND');
  checkCanManagePeriods(viewer, period.processId);
  const change = decide(period);
  const to = change.closesAt.toISOString();
  if (change.action === 'period.extended') await updateClose(db, id, to);
  else await closeEarly(db, id, to);
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: change.action,
      subjectType: 'comment_period',
      subjectId: id,
      data: { from: period.closesAt, to, reason: change.reason },
    },
    now,
  );
  const updated = await findPeriod(db, id, now);
  if (!updated) throw new PlenumError('INTERNAL');
  return updated;
}

/** Extends a period to a later close, recording the reason as an event. */
export function extendCommentPeriod(
  db: Db,
  viewer: Viewer | null,
  id: string,
  input: unknown,
  now: Date,
): Promise<CommentPeriod> {
  return changePeriodClose(db, viewer, id, now, (period) => {
    const parsed = extensionSchema.safeParse(input);
    if (!parsed.success) throw zodError(parsed.error);
    const closes = zonedInstant(parsed.data.closesAt, period.timeZone, 'closesAt');
    if (closes.toISOString() <= period.closesAt) {
      throw new PlenumError(
        'INVALID_REQUEST',
        'closesAt: an extension must close later than the period does now.',
      );
    }
    if (closes <= now)
      throw new PlenumError(
        'INVALID_REQUEST',
        'closesAt: the new closing time has already passed.',
      );
    return { closesAt: closes, action: 'period.extended', reason: parsed.data.reason };
  });
}

/**
 * Closes an open period now, before its time (the secretariat), recording the reason as an event:
 * from now on it takes no submission, as a period past its close.
 */
export function closeCommentPeriod(
  db: Db,
  viewer: Viewer | null,
  id: string,
  input: unknown,
  now: Date,
): Promise<CommentPeriod> {
  return changePeriodClose(db, viewer, id, now, (period) => {
    const parsed = earlyCloseSchema.safeParse(input);
    if (!parsed.success) throw zodError(parsed.error);
    if (period.state !== 'open' && period.state !== 'extended')
      throw new PlenumError(
        'INVALID_REQUEST',
        `The period is ${period.state}: only an open one closes.`,
      );
    return { closesAt: now, action: 'period.closed', reason: parsed.data.reason };
  });
}

/** The periods of a process the viewer may see, newest first. */
export async function getPeriodsOfProcess(
  db: Db,
  viewer: Viewer | null,
  processId: string,
  now: Date,
): Promise<CommentPeriod[]> {
  const periods = await listPeriodsOfProcess(db, processId, now);
  return filterReadable(db, viewer, processId, periods);
}

/**
 * A page of the periods of a process the viewer may see, newest first (by opening, then id):
 * those after the key `after` of the previous page, from `limit` read.
 */
export async function getPeriodsOfProcessPage(
  db: Db,
  viewer: Viewer | null,
  processId: string,
  now: Date,
  page: { after: readonly [string, string] | undefined; limit: number },
): Promise<KeyPage<CommentPeriod>> {
  const read = await listPeriodsOfProcess(db, processId, now, {
    after: page.after,
    limit: page.limit + 1,
  });
  return keyPageOf(
    read,
    page.limit,
    (p) => [p.opensAt, p.id],
    (rows) => filterReadable(db, viewer, processId, rows),
  );
}

/** The periods open now in every process that the viewer may see, closing soonest first. */
export async function getOpenPeriods(
  db: Db,
  viewer: Viewer | null,
  now: Date,
  limit = 10,
): Promise<CommentPeriod[]> {
  const out: CommentPeriod[] = [];
  for (const period of await listOpenPeriods(db, now, limit)) {
    const version = await findVersionById(db, period.versionId);
    if (version && canReadVersion(viewer, version, period.processId)) out.push(period);
  }
  return out;
}

/** The periods on a document's versions, newest first. */
export async function getPeriodsOfDocument(
  db: Db,
  viewer: Viewer | null,
  document: PlenumDocument,
  now: Date,
): Promise<CommentPeriod[]> {
  const periods = await listPeriodsOfDocument(db, document.id, now);
  return filterReadable(db, viewer, document.processId, periods);
}

async function filterReadable(
  db: Db,
  viewer: Viewer | null,
  processId: string,
  periods: CommentPeriod[],
): Promise<CommentPeriod[]> {
  const out: CommentPeriod[] = [];
  for (const period of periods) {
    const version = await findVersionById(db, period.versionId);
    if (version && canReadVersion(viewer, version, processId)) out.push(period);
  }
  return out;
}

/** The extensions of a period, oldest first: when each was made, and its new close and reason. */
export async function getPeriodExtensions(
  db: Db,
  periodId: string,
): Promise<{ at: string; data: unknown }[]> {
  const history = await listEventsFor(db, 'comment_period', periodId);
  return history.filter((e) => e.action === 'period.extended');
}
