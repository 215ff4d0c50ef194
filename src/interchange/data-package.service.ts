/**
 * A whole consultation as one Frictionless Data Package (issue 17, point 6): the draft's versions
 * in every language with their blocks, the submissions (JSON with everything nested, and flat
 * CSV), their anchors with each anchor's history across versions, co-signers, attachments (their
 * descriptions and hashes, and the files themselves under `attachments/{id}/{filename}`),
 * receipts, the moderation counts and the events; streamed, with no cap. One walk reads the
 * period's submissions whole a page at a time and gives each of the six files about them its
 * rows: the archive streams submissions.csv as the walk goes and spools the other five until it
 * reaches them (see `TableWalk`), so each submission is read once and memory stays flat whatever
 * the consultation's size. On a SQLite file the export reads through a connection of its own
 * (`openBulkReader`). What a reader may see is what the exports show: published submissions, or
 * every one for the process's staff.
 */
import type { Viewer } from '../accounts/accounts.schema.ts';
import { canModerate } from '../consultations/consultations.policy.ts';
import { getPeriodAtAddress } from '../consultations/consultations.service.ts';
import { openBulkReader, type Db } from '../db/database.ts';
import { listBlocksOf } from '../documents/documents.service.ts';
import { readableDocument } from '../documents/documents.policy.ts';
import { PlenumError } from '../errors.ts';
import {
  dataPackageZip,
  TableWalk,
  type PackageFile,
  type PackageResource,
  type PackageTable,
  type Row,
} from '../exchange/data-package.ts';
import { cleanFilename } from '../submissions/attachments.ts';
import type { Submission } from '../submissions/submissions.schema.ts';
import { getPeriodCounts, readSubmissionsInRange } from '../submissions/submissions.service.ts';
import {
  findAttachmentContent,
  findPackageAttachments,
  hasPackageAttachments,
  iteratePackagePages,
  iteratePeriodEvents,
} from './data-package.store.ts';

/** A consultation's data package: its file name and its bytes, produced as they are read. */
export interface ConsultationPackage {
  filename: string;
  bytes: AsyncGenerator<Uint8Array>;
}

/** The path of an attachment's file in the package: its own folder, a name safe in any ZIP. */
export function attachmentPath(id: string, filename: string): string {
  const name = cleanFilename(filename);
  return `attachments/${id}/${name === '.' || name === '..' ? 'attachment' : name}`;
}

/**
 * The six files about the period's submissions, filled together by one walk over them (see
 * `submissionRows`).
 */
const submissionTables: PackageTable[] = [
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
  },
];

/** The rows a page of full submissions gives each of `submissionTables`. */
function submissionRows(page: Submission[]): Record<string, Row[]> {
  return {
    submissions: page.map((s) => ({
      id: s.id,
      received_at: s.receivedAt,
      published_at: s.publishedAt,
      status: s.status,
      status_reason: s.statusReason,
      organisation_id: s.organisation.id,
      organisation: s.organisation.name,
      stakeholder_group: s.organisation.stakeholderGroup,
      country: s.organisation.country,
      verified: s.organisation.verified,
      affiliation: s.affiliation,
      language: s.language,
      title: s.title,
      body: s.body,
      campaign_id: s.campaignId,
    })),
    anchors: page.flatMap((s) =>
      s.anchors.flatMap((a, anchor) => [
        {
          submission_id: s.id,
          anchor,
          step: 0,
          version_id: a.versionId,
          block_id: a.blockId,
          address: a.address,
          exact: a.selector?.textQuote.exact,
          prefix: a.selector?.textQuote.prefix,
          suffix: a.selector?.textQuote.suffix,
          start: a.selector?.textPosition.start,
          end: a.selector?.textPosition.end,
          outcome: 'made',
        },
        ...a.history.map((h, j) => ({
          submission_id: s.id,
          anchor,
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
        })),
      ]),
    ),
    cosigners: page.flatMap((s) =>
      s.cosigners.map((c) => ({
        submission_id: s.id,
        organisation_id: c.organisation.id,
        organisation: c.organisation.name,
        state: c.state,
      })),
    ),
    attachments: page.flatMap((s) =>
      s.attachments.map((a) => ({
        id: a.id,
        submission_id: s.id,
        filename: a.filename,
        media_type: a.mediaType,
        size: a.size,
        sha256: a.sha256,
      })),
    ),
    receipts: page.map((s) => ({
      submission_id: s.id,
      received_at: s.receivedAt,
      content_sha256: s.contentSha256,
      fingerprint_version: s.fingerprintVersion,
    })),
    submissions_full: page,
  };
}

/**
 * The data package of a comment period, as the viewer may read it; `pageSize` (submissions read
 * per statement, 250 by default) changes how it is read, never what it holds.
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

  // The package's files in order, read through `reader`.
  const files = async function* (reader: Db): AsyncGenerator<PackageResource | PackageFile> {
    const walk = new TableWalk(submissionTables, async function* () {
      for await (const range of iteratePackagePages(reader, periodId, all, pageSize))
        yield submissionRows(await readSubmissionsInRange(reader, range));
    });
    yield* [
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
              for (const b of await listBlocksOf(reader, l.id))
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
      walk.resource('submissions'),
      walk.resource('anchors'),
      walk.resource('cosigners'),
      walk.resource('attachments'),
      walk.resource('receipts'),
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
          for await (const e of iteratePeriodEvents(reader, periodId, all))
            yield {
              id: e.id,
              at: e.at,
              action: e.action,
              subject_type: e.subjectType,
              subject_id: e.subjectId,
            };
        },
      },
      walk.resource('submissions_full'),
    ];
    // The attachments' files last, each a resource of its own, found a page of submissions at a time.
    if (!(await hasPackageAttachments(reader, periodId, all))) return;
    for await (const range of iteratePackagePages(reader, periodId, all, pageSize))
      for (const a of await findPackageAttachments(reader, range))
        yield {
          name: `attachment-${a.id.toLowerCase()}`,
          path: attachmentPath(a.id, a.filename),
          mediatype: a.media_type,
          title: a.filename,
          description: `Attachment of submission ${a.submission_id}`,
          bytes: async function* () {
            const content = await findAttachmentContent(reader, a.id);
            if (content) yield content;
          },
        };
  };

  return {
    filename: `consultation-${periodId}.zip`,
    // The reader is opened at the first read and closed when the archive ends or is abandoned.
    bytes: (async function* () {
      const reader = openBulkReader(db);
      try {
        yield* dataPackageZip(
          {
            name: `plenum-consultation-${periodId}`,
            title: `${period.title} (${document.symbol ?? document.title})`,
            description: `The comment period ${period.title} of ${process.name}, as plenum holds it: ${all ? 'every submission' : 'published submissions'}.`,
            created: now.toISOString(),
          },
          files(reader.db),
        );
      } finally {
        await reader.close();
      }
    })(),
  };
}
