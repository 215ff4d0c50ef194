/** Bulk exports of a period's submissions: CSV (RFC 4180, via csv-stringify) and JSON, streamed without caps. */
import { csvRecords } from '../exchange/csv-records.ts';
import type { Submission } from './submissions.schema.ts';
import { defuseFormula } from '../exchange/spreadsheet-cells.ts';

/** The CSV columns, in order. */
export const csvColumns = [
  'id',
  'received_at',
  'published_at',
  'status',
  'status_reason',
  'organisation',
  'organisation_id',
  'stakeholder_group',
  'country',
  'regional_group',
  'verified',
  'cosigners',
  'language',
  'paragraphs',
  'quotes',
  'title',
  'body',
  'attachments',
  'content_sha256',
  // Appended last, so the columns before keep their places: an individual's affiliation, as given.
  'affiliation',
  'campaign_id',
  // Where each anchor went in the later versions: "para 5 → Rev.1: para 6 (moved)", anchors split by " | ".
  'anchor_history',
] as const;

/** An anchor's history in one cell: its paragraph, then each later version's paragraph and outcome. */
export function anchorHistoryCell(anchors: Submission['anchors']): string {
  return anchors
    .filter((a) => a.history.length > 0)
    .map(
      (a) =>
        `${a.address} → ${a.history
          .map((h) => `${h.versionLabel}: ${h.address ?? '—'} (${h.outcome.replace('_', ' ')})`)
          .join(' → ')}`,
    )
    .join(' | ');
}

function csvRow(s: Submission): string[] {
  const confirmed = s.cosigners.filter((c) => c.state === 'confirmed');
  return [
    s.id,
    s.receivedAt,
    s.publishedAt ?? '',
    s.status,
    s.statusReason ?? '',
    s.organisation.name,
    s.organisation.id,
    s.organisation.stakeholderGroup,
    s.organisation.country ?? '',
    s.organisation.regionalGroup ?? '',
    s.organisation.verified ? 'yes' : 'no',
    confirmed.map((c) => c.organisation.name).join('; '),
    s.language,
    [...new Set(s.anchors.map((a) => a.address))].join('; '),
    s.anchors
      .flatMap((a) => (a.selector ? [`${a.address}: ${a.selector.textQuote.exact}`] : []))
      .join(' | '),
    s.title ?? '',
    s.body,
    s.attachments.map((a) => `${a.filename} (${a.sha256})`).join('; '),
    s.contentSha256,
    s.affiliation ?? '',
    s.campaignId ?? '',
    anchorHistoryCell(s.anchors),
  ];
}

/** The submissions as a CSV byte stream with a header row; UTF-8 with a BOM so spreadsheets read it right. */
export function csvStream(submissions: AsyncIterable<Submission>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = submissions[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvRecords([[...csvColumns]])}`));
        return;
      }
      const rows: string[][] = [];
      for (let i = 0; i < 200; i++) {
        const next = await iterator.next();
        if (next.done) break;
        rows.push(csvRow(next.value).map(defuseFormula));
      }
      if (rows.length > 0) controller.enqueue(encoder.encode(csvRecords(rows)));
      if (rows.length < 200) controller.close();
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** The submissions as one JSON document `{"period": …, "submissions": [...]}`, streamed. */
export function jsonStream(
  header: Record<string, unknown>,
  submissions: AsyncIterable<Submission>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = submissions[Symbol.asyncIterator]();
  let state: 'start' | 'items' | 'done' = 'start';
  let first = true;
  return new ReadableStream({
    async pull(controller) {
      if (state === 'start') {
        state = 'items';
        const head = JSON.stringify(header);
        controller.enqueue(
          encoder.encode(`${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"submissions":[\n`),
        );
        return;
      }
      const parts: string[] = [];
      for (let i = 0; i < 200; i++) {
        const next = await iterator.next();
        if (next.done) {
          state = 'done';
          break;
        }
        parts.push(`${first ? '' : ',\n'}${JSON.stringify(next.value)}`);
        first = false;
      }
      if (parts.length > 0) controller.enqueue(encoder.encode(parts.join('')));
      if (state === 'done') {
        controller.enqueue(encoder.encode('\n]}\n'));
        controller.close();
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
