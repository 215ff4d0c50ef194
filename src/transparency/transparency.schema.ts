/** The transparency log's public shapes: signed tree heads, proofs, entries, the key. */
import { z } from 'zod';

const hash = z.string().regex(/^[0-9a-f]{64}$/);

/** A signed tree head: the log's size and root at an instant, signed with the installation's key. */
export const treeHeadSchema = z
  .object({
    treeSize: z.number().int().describe('Number of entries the tree holds'),
    rootHash: hash.describe('RFC 9162 Merkle tree hash of the first treeSize entries, hex'),
    timestamp: z.string().describe('When the head was signed, UTC'),
    keyId: hash.describe('SHA-256 of the signing key (SubjectPublicKeyInfo DER), hex'),
    signature: z
      .string()
      .describe('Ed25519 signature, base64, of the canonical JSON of the other fields'),
  })
  .meta({ id: 'SignedTreeHead' });

/** A signed tree head. */
export type TreeHead = z.infer<typeof treeHeadSchema>;

/** The proof that a signed tree head holds the entry at a position. */
export const inclusionProofSchema = z
  .object({
    leafIndex: z.number().int().describe('Position of the entry in the log, from 0'),
    leafHash: hash.describe('SHA-256(0x00 || entry), hex'),
    treeHead: treeHeadSchema,
    auditPath: z
      .array(hash)
      .describe('RFC 9162 inclusion proof of the leaf in the tree of treeHead.treeSize, hex'),
  })
  .meta({ id: 'InclusionProof' });

/** An inclusion proof. */
export type InclusionProof = z.infer<typeof inclusionProofSchema>;

/** An entry, where it sits in the log and the proof that a signed tree head holds it. */
export const inclusionSchema = inclusionProofSchema
  .extend({ entry: z.string().describe('The canonical JSON of the entry') })
  .meta({ id: 'LogInclusion' });

/** An entry's inclusion in a signed tree head. */
export type Inclusion = z.infer<typeof inclusionSchema>;

/** The proof that the earlier signed tree head's tree is a prefix of the later one's. */
export const consistencySchema = z
  .object({
    first: treeHeadSchema,
    second: treeHeadSchema,
    proof: z.array(hash).describe('RFC 9162 consistency proof, hex'),
  })
  .meta({ id: 'ConsistencyProof' });

/** A consistency proof between two signed tree heads. */
export type Consistency = z.infer<typeof consistencySchema>;

/**
 * The entries the log appends, given by the features that log (submissions): a submission
 * received, a moderation decision, a co-signer's answer (confirmed or declined).
 */
export const logEntryKinds = ['received', 'moderated', 'cosignature'] as const;

/** A kind of entry. */
export type LogEntryKind = (typeof logEntryKinds)[number];

/** One entry of the log as published: the entry itself only to those who may read what it is about. */
export const logEntrySchema = z
  .object({
    leafIndex: z.number().int(),
    leafHash: hash,
    entry: z
      .string()
      .nullable()
      .describe('Canonical JSON; null while it concerns a document version not yet public'),
  })
  .meta({ id: 'LogEntry' });

/** A published entry. */
export type LogEntry = z.infer<typeof logEntrySchema>;

/** The query of a page of entries. */
export const entriesQuerySchema = z.object({
  start: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe('First position, from 0 (0 unless given; `cursor` takes the place of it)'),
  end: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Position after the last; at most 1,000 past start (default start + limit)'),
  cursor: z
    .string()
    .max(500)
    .optional()
    .describe('nextCursor of the previous page: the page starts after the entry it names'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(1000)
    .describe('Entries per page (1 to 1,000; 1,000 unless given)'),
});

/** The query of an inclusion proof. */
export const proofQuerySchema = z.object({
  leaf: z
    .string()
    .regex(/^(\d{1,15}|[0-9a-fA-F]{64})$/)
    .describe('Position of the entry, or its leaf hash (hex)'),
  size: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Size of a published tree head; default the latest'),
});

/** The query of a consistency proof. */
export const consistencyQuerySchema = z.object({
  first: z.coerce.number().int().min(1).describe('Size of the earlier signed tree head'),
  second: z.coerce.number().int().min(1).describe('Size of the later signed tree head'),
});

/** A signing key of the installation. */
export const logKeySchema = z
  .object({
    keyId: hash,
    algorithm: z.literal('Ed25519'),
    publicKey: z.string().describe('SubjectPublicKeyInfo DER, base64'),
    pem: z.string().describe('The same key as PEM'),
    createdAt: z.string(),
    retiredAt: z.string().nullable().describe('When a newer key replaced it'),
  })
  .meta({ id: 'LogKey' });

/** A signing key. */
export type LogKey = z.infer<typeof logKeySchema>;

/** The text a tree head's signature covers: canonical JSON of its fields but the signature. */
export function signedText(head: Omit<TreeHead, 'signature'>): string {
  // Written out in the canonical order (keys sorted) so a verifier needs no JSON library.
  return `{"keyId":${JSON.stringify(head.keyId)},"rootHash":${JSON.stringify(head.rootHash)},"timestamp":${JSON.stringify(head.timestamp)},"treeSize":${head.treeSize},"version":"plenum-tree-head-1"}`;
}
