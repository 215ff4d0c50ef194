/**
 * A whole consultation as one Frictionless Data Package (issue 17, point 6): the draft's versions
 * in every language with their blocks, the submissions (JSON with everything nested, and flat
 * CSV), their anchors with each anchor's history across versions, co-signers, attachments (their
 * descriptions and hashes, and the files themselves under `attachments/{id}/{filename}`),
 * receipts, the moderation counts and the events; streamed, with no cap. Each file walks the
 * period's submission ids a page at a time and reads only its own columns for the page, so memory
 * stays flat whatever the consultation's size. What a reader may see is what the exports show:
 * published submissions, or every one for the process's staff.
 */
import type { Viewer } from '../accounts/accounts.schema.ts';
import { canModerate } from '../consultations/consultations.policy.ts';
import { getPeriodAtAddress } from '../consultations/consultations.service.ts';
import type { Db } from '../db/database.ts';
import { listBlocksOf } from '../documents/documents.service.ts';
import { readableDocument } from '../documents/documents.policy.ts';
import { PlenumError } from '../errors.ts';
import {
  dataPackageZip,
  type PackageFile,
  type PackageResource,
} from '../exchange/data-package.ts';
import { cleanFilename } from '../submissions/attachments.ts';
import type { Submission } from '../submissions/submissions.schema.ts';
import {
  getPeriodCounts,
  readAnchorHistories,
  readSubmissionsByIds,
} from '../submissions/submissions.service.ts';
import {
  findAttachmentContent,
  findPackageAnchors,
  findPackageAttachments,
  findPackageCosigners,
  findPackageReceipts,
  findPackageSubmissions,
  iteratePackageSubmissionPages,
  iteratePeriodEvents,
} from './data-package.store.ts';

/** A consultation's data package: its file name and its bytes, produced as they are read. */
export interface ConsultationPackage {
  filename: string;
  bytes: AsyncGenerator<Uint8Array>;
}

/**
 * A file's rows: for each page of the period's submission ids, the rows `rowsOf` reads for it
 * (only that file's columns), yielded one by one.
 */
function eachPage(
  db: Db,
  periodId: string,
  allStatuses: boolean,
  pageSize: number | undefined,
  rowsOf: (ids: string[]) => Promise<Record<string, unknown>[]>,
): () => AsyncIterable<Record<string, unknown>> {
  return async function* () {
    for await (const ids of iteratePackageSubmissionPages(db, periodId, allStatuses, pageSize))
      yield* await rowsOf(ids);
  };
}

/** The path of an attachment's file in the package: its own folder, a name safe in any ZIP. */
export function attachmentPath(id: string, filename: string): string {
  const name = cleanFilename(filename);
  return `attachments/${id}/${name === '.' || name === '..' ? 'attachment' : name}`;
}

/**
 * The data package of a comment period, as the viewer may read it; `pageSize` (submissions read
 * per statement, a thousand by default) changes how it is read, never what it holds.
 */
export async function consultationPackage(
  db: Db,
  viewer: Viewer | null,
  periodRef: string,
  now: Date,
  { pageSize }: { pageSize?: number } = {},
): Promise<ConsultationPackage> {
  const { period, process, document: raw } = await getPeriodAtAddress(db, viewer, periodRef, now);
  const document = readableDocument(viewer, raw);
  if (!document) throw new PlenumError('PERIOD_NOT_FOUND');
  const all = canModerate(viewer, process.id);
  const periodId = period.id;
  const counts = await getPeriodCounts(db, periodId);
  const pages = (rowsOf: (ids: string[]) => Promise<Record<string, unknown>[]>) =>
    eachPage(db, periodId, all, pageSize, rowsOf);
  const resources: PackageResource[] = [
    {
      name: 'consultation',
      format: 'json',
      title: 'The comment period, its process and its document',
      fields: [
        { name: 'period', type: 'object' },
        { name: 'process', type: 'object' },
        { name: 'document', type: 'object' },
        { name: 'statuses', type: 'string', description: '"all" or "published"' },
      ],
      rows: async function* () {
        yield {
          period,
          process: { id: process.id, slug: process.slug, name: process.name },
          document: { id: document.id, symbol: document.symbol, title: document.title },
          statuses: all ? 'all' : 'published',
        };
      },
    },
    {
      name: 'versions',
      format: 'csv',
      title: 'Versions of the draft in each language',
      primaryKey: ['language_version_id'],
      fields: [
        { name: 'language_version_id', type: 'string' },
        { name: 'version_id', type: 'string' },
        { name: 'seq', type: 'integer' },
        { name: 'label', type: 'string' },
        { name: 'date', type: 'date', optional: true },
        { name: 'language', type: 'string', description: 'BCP 47 tag' },
        { name: 'title', type: 'string', optional: true },
        { name: 'source_sha256', type: 'string' },
        { name: 'imported_at', type: 'datetime' },
      ],
      rows: async function* () {
        for (const v of document.versions)
          for (const l of v.languages)
            yield {
              language_version_id: l.id,
              version_id: v.id,
              seq: v.seq,
              label: v.label,
              date: v.date,
              language: l.language,
              title: l.title,
              source_sha256: l.sourceSha256,
              imported_at: l.importedAt,
            };
      },
    },
    {
      name: 'blocks',
      format: 'csv',
      title: 'The text of every version in every language, block by block',
      primaryKey: ['block_id'],
      foreignKeys: [
        {
          fields: ['language_version_id'],
          reference: { resource: 'versions', fields: ['language_version_id'] },
        },
      ],
      fields: [
        { name: 'block_id', type: 'string' },
        { name: 'language_version_id', type: 'string' },
        { name: 'seq', type: 'integer' },
        { name: 'parent_id', type: 'string', optional: true },
        { name: 'kind', type: 'string' },
        { name: 'number', type: 'string', optional: true },
        { name: 'address', type: 'string' },
        { name: 'text', type: 'string', optional: true },
      ],
      rows: async function* () {
        for (const v of document.versions)
          for (const l of v.languages)
            for (const b of await listBlocksOf(db, l.id))
              yield {
                block_id: b.id,
                language_version_id: l.id,
                seq: b.seq,
                parent_id: b.parentId,
                kind: b.kind,
                number: b.number,
                address: b.address,
                text: b.text,
              };
      },
    },
    {
      name: 'submissions',
      format: 'csv',
      title: 'Submissions, one row each',
      primaryKey: ['id'],
      fields: [
        { name: 'id', type: 'string' },
        { name: 'received_at', type: 'datetime' },
        { name: 'published_at', type: 'datetime', optional: true },
        { name: 'status', type: 'string' },
        { name: 'status_reason', type: 'string', optional: true },
        { name: 'organisation_id', type: 'string' },
        { name: 'organisation', type: 'string' },
        { name: 'stakeholder_group', type: 'string' },
        { name: 'country', type: 'string', optional: true },
        { name: 'verified', type: 'boolean' },
        { name: 'affiliation', type: 'string', optional: true },
        { name: 'language', type: 'string' },
        { name: 'title', type: 'string', optional: true },
        { name: 'body', type: 'string' },
        { name: 'campaign_id', type: 'string', optional: true },
      ],
      rows: pages(async (ids) =>
        (await findPackageSubmissions(db, ids)).map((s) => ({
          id: s.id,
          received_at: s.received_at,
          published_at: s.published_at,
          status: s.status,
          status_reason: s.status_reason,
          organisation_id: s.organisation_id,
          organisation: s.organisation,
          stakeholder_group: s.stakeholder_group,
          country: s.country,
          verified: s.verified_at !== null,
          affiliation: s.affiliation,
          language: s.language,
          title: s.title,
          body: s.body,
          campaign_id: s.campaign_id,
        })),
      ),
    },
    {
      name: 'anchors',
      format: 'csv',
      title: 'Where each submission points in the draft, and where that went in each later version',
      description:
        'One row per anchor and version: step 0 is the version the comment was made on, then one row per later public version with the outcome (carried, moved, split, merged, lost_quote, orphan).',
      primaryKey: ['submission_id', 'anchor', 'step'],
      foreignKeys: [
        { fields: ['submission_id'], reference: { resource: 'submissions', fields: ['id'] } },
      ],
      fields: [
        { name: 'submission_id', type: 'string' },
        { name: 'anchor', type: 'integer', description: 'Order of the anchor in the submission' },
        { name: 'step', type: 'integer' },
        { name: 'version_id', type: 'string' },
        { name: 'block_id', type: 'string', optional: true },
        { name: 'address', type: 'string', optional: true },
        { name: 'exact', type: 'string', optional: true },
        { name: 'prefix', type: 'string', optional: true },
        { name: 'suffix', type: 'string', optional: true },
        { name: 'start', type: 'integer', optional: true },
        { name: 'end', type: 'integer', optional: true },
        { name: 'outcome', type: 'string' },
      ],
      rows: pages(async (ids) => {
        const anchors = await findPackageAnchors(db, ids);
        const histories = await readAnchorHistories(db, anchors);
        const rows: Record<string, unknown>[] = [];
        let submission = '';
        let order = 0;
        for (const a of anchors) {
          order = a.submission_id === submission ? order + 1 : 0;
          submission = a.submission_id;
          const quoted = a.exact !== null && a.start !== null && a.end !== null;
          rows.push({
            submission_id: a.submission_id,
            anchor: order,
            step: 0,
            version_id: a.version_id,
            block_id: a.block_id,
            address: a.address,
            exact: quoted ? a.exact : null,
            prefix: quoted ? (a.prefix ?? '') : null,
            suffix: quoted ? (a.suffix ?? '') : null,
            start: quoted ? a.start : null,
            end: quoted ? a.end : null,
            outcome: 'made',
          });
          for (const [j, h] of (histories.get(a.id) ?? []).entries())
            rows.push({
              submission_id: a.submission_id,
              anchor: order,
              step: j + 1,
              version_id: h.versionId,
              block_id: h.blockId,
              address: h.address,
              exact: h.selector?.textQuote.exact,
              prefix: h.selector?.textQuote.prefix,
              suffix: h.selector?.textQuote.suffix,
              start: h.selector?.textPosition.start,
              end: h.selector?.textPosition.end,
              outcome: h.outcome,
            });
        }
        return rows;
      }),
    },
    {
      name: 'cosigners',
      format: 'csv',
      title: 'Organisations invited to co-sign, and their answer',
      foreignKeys: [
        { fields: ['submission_id'], reference: { resource: 'submissions', fields: ['id'] } },
      ],
      fields: [
        { name: 'submission_id', type: 'string' },
        { name: 'organisation_id', type: 'string' },
        { name: 'organisation', type: 'string' },
        { name: 'state', type: 'string', description: 'invited, confirmed or declined' },
      ],
      rows: pages(async (ids) => findPackageCosigners(db, ids)),
    },
    {
      name: 'attachments',
      format: 'csv',
      title:
        'Attachments of the submissions (each file in the package at attachments/{id}/{filename}, and downloadable at /attachments/{id})',
      primaryKey: ['id'],
      foreignKeys: [
        { fields: ['submission_id'], reference: { resource: 'submissions', fields: ['id'] } },
      ],
      fields: [
        { name: 'id', type: 'string' },
        { name: 'submission_id', type: 'string' },
        { name: 'filename', type: 'string' },
        { name: 'media_type', type: 'string' },
        { name: 'size', type: 'integer' },
        { name: 'sha256', type: 'string' },
      ],
      rows: pages(async (ids) => findPackageAttachments(db, ids)),
    },
    {
      name: 'receipts',
      format: 'csv',
      title: 'What each receipt attests: the SHA-256 of the submission’s canonical content',
      primaryKey: ['submission_id'],
      fields: [
        { name: 'submission_id', type: 'string' },
        { name: 'received_at', type: 'datetime' },
        { name: 'content_sha256', type: 'string' },
        { name: 'fingerprint_version', type: 'integer' },
      ],
      rows: pages(async (ids) =>
        (await findPackageReceipts(db, ids)).map((r) => ({
          submission_id: r.id,
          received_at: r.received_at,
          content_sha256: r.content_sha256,
          fingerprint_version: r.fingerprint_version,
        })),
      ),
    },
    {
      name: 'moderation_counts',
      format: 'csv',
      title: 'Submissions by status and rejection reason',
      fields: [
        { name: 'status', type: 'string' },
        { name: 'reason', type: 'string', optional: true },
        { name: 'count', type: 'integer' },
      ],
      rows: async function* () {
        for (const [status, n] of counts.byStatus)
          if (all || status === 'published') yield { status, reason: null, count: n };
        for (const [reason, n] of counts.rejected) yield { status: 'rejected', reason, count: n };
      },
    },
    {
      name: 'events',
      format: 'csv',
      title: 'What happened to the period and its submissions, oldest first',
      primaryKey: ['id'],
      fields: [
        { name: 'id', type: 'string' },
        { name: 'at', type: 'datetime' },
        { name: 'action', type: 'string' },
        { name: 'subject_type', type: 'string' },
        { name: 'subject_id', type: 'string' },
      ],
      rows: async function* () {
        for await (const e of iteratePeriodEvents(db, periodId, all))
          yield {
            id: e.id,
            at: e.at,
            action: e.action,
            subject_type: e.subjectType,
            subject_id: e.subjectId,
          };
      },
    },
    {
      name: 'submissions_full',
      format: 'json',
      title: 'Submissions as the API gives them, anchors and their history nested',
      fields: Object.keys({
        id: 0,
        periodId: 0,
        organisation: 0,
        cosigners: 0,
        affiliation: 0,
        title: 0,
        body: 0,
        language: 0,
        status: 0,
        statusReason: 0,
        statusNote: 0,
        anchors: 0,
        attachments: 0,
        contentSha256: 0,
        fingerprintVersion: 0,
        receivedAt: 0,
        publishedAt: 0,
        campaignId: 0,
      } satisfies Record<keyof Submission, 0>).map((name) => ({
        name,
        type: ['organisation'].includes(name)
          ? 'object'
          : ['cosigners', 'anchors', 'attachments'].includes(name)
            ? 'array'
            : ['fingerprintVersion'].includes(name)
              ? 'integer'
              : 'string',
        optional: [
          'affiliation',
          'title',
          'statusReason',
          'statusNote',
          'publishedAt',
          'campaignId',
        ].includes(name),
      })),
      rows: pages(async (ids) => readSubmissionsByIds(db, ids)),
    },
  ];
  // The attachments' files last, each a resource of its own, found a page of submissions at a time.
  async function* withAttachmentFiles(): AsyncGenerator<PackageResource | PackageFile> {
    yield* resources;
    for await (const ids of iteratePackageSubmissionPages(db, periodId, all, pageSize))
      for (const a of await findPackageAttachments(db, ids))
        yield {
          name: `attachment-${a.id.toLowerCase()}`,
          path: attachmentPath(a.id, a.filename),
          mediatype: a.media_type,
          title: a.filename,
          description: `Attachment of submission ${a.submission_id}`,
          bytes: async function* () {
            const content = await findAttachmentContent(db, a.id);
            if (content) yield content;
          },
        };
  }
  return {
    filename: `consultation-${periodId}.zip`,
    bytes: dataPackageZip(
      {
        name: `plenum-consultation-${periodId}`,
        title: `${period.title} (${document.symbol ?? document.title})`,
        description: `The comment period ${period.title} of ${process.name}, as plenum holds it: ${all ? 'every submission' : 'published submissions'}.`,
        created: now.toISOString(),
      },
      withAttachmentFiles(),
    ),
  };
}
