/**
 * A submission's fingerprint: the SHA-256 of its canonical content. Version 2 (since the
 * transparency log) covers its id and received-at instant as well, so a receipt proves when it
 * arrived and which submission it is; version 1 (older rows) covers the content only. Pure, so
 * that `plenum verify` recomputes it from an export exactly as the server did.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../transparency/canonical-json.ts';
import type { Submission } from './submissions.schema.ts';

/** What a fingerprint covers, besides the id and the instant. */
export interface ContentFields {
  periodId: string;
  organisationId: string;
  /** A person's stated affiliation (not verified); null for an organisation's submission. */
  affiliation: string | null;
  cosignerIds: string[];
  title: string | null;
  body: string;
  language: string;
  anchors: { blockId: string; exact: string | null; start: number | null; end: number | null }[];
  attachments: { filename: string; mediaType: string; sha256: string }[];
}

/** The fingerprint versions: 1 content only, 2 with the id and the received-at instant. */
export type FingerprintVersion = 1 | 2;

/** The version new submissions get. */
export const currentFingerprintVersion: FingerprintVersion = 2;

/** The canonical content a fingerprint hashes. */
export function fingerprintContent(
  fields: ContentFields,
  { version, id, receivedAt }: { version: FingerprintVersion; id: string; receivedAt: string },
): string {
  const content: Record<string, unknown> = {
    period: fields.periodId,
    organisation: fields.organisationId,
    // Only when given: the content of a submission without one is what it always was.
    ...(fields.affiliation !== null ? { affiliation: fields.affiliation } : {}),
    cosigners: fields.cosignerIds.toSorted(),
    title: fields.title,
    body: fields.body,
    language: fields.language,
    anchors: fields.anchors.map((a) => ({
      block: a.blockId,
      exact: a.exact,
      start: a.start,
      end: a.end,
    })),
    attachments: fields.attachments.map((a) => ({
      filename: a.filename,
      mediaType: a.mediaType,
      sha256: a.sha256,
    })),
  };
  if (version === 2) Object.assign(content, { id, receivedAt });
  return canonicalJson(content);
}

/** SHA-256 of a text, hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The fields of a stored or exported submission. */
export function contentFieldsOf(s: Submission): ContentFields {
  return {
    periodId: s.periodId,
    organisationId: s.organisation.id,
    affiliation: s.affiliation,
    cosignerIds: s.cosigners.map((c) => c.organisation.id),
    title: s.title,
    body: s.body,
    language: s.language,
    anchors: s.anchors.map((a) => ({
      blockId: a.blockId,
      exact: a.selector?.textQuote.exact ?? null,
      start: a.selector?.textPosition.start ?? null,
      end: a.selector?.textPosition.end ?? null,
    })),
    attachments: s.attachments,
  };
}

/** The canonical content of a stored or exported submission, at its own fingerprint version. */
export function contentOfSubmission(s: Submission): string {
  return fingerprintContent(contentFieldsOf(s), {
    version: s.fingerprintVersion,
    id: s.id,
    receivedAt: s.receivedAt,
  });
}
