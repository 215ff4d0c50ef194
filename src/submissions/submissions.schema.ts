/** Submissions: written comments on a draft, general or anchored to paragraphs and spans. */
import { z } from 'zod';
import { inclusionSchema } from '../transparency/transparency.schema.ts';
import { organisationSchema, stakeholderGroups } from '../organisations/organisations.schema.ts';
import { regionalGroups } from '../organisations/countries.ts';
import { unLanguages } from '../text/detect-language.ts';

/**
 * What a submission's fingerprint (contentSha256) covers: 1, its content only (submissions stored
 * before the transparency log); 2, its content, its id and its received-at instant.
 */
export const fingerprintVersionSchema = z
  .union([z.literal(1), z.literal(2)])
  .describe(
    '1: the fingerprint covers the content only (older submissions); 2: also the id and the received-at instant',
  );

/** The life of a submission. */
export const submissionStatuses = [
  'awaiting_cosigners',
  'in_review',
  'published',
  'rejected',
  'returned',
] as const;

/** One submission status. */
export type SubmissionStatus = (typeof submissionStatuses)[number];

/** Why a moderator rejects a submission; the public page counts rejections by these. */
export const rejectionReasons = ['spam', 'abuse', 'off_topic'] as const;

/** A rejection reason. */
export type RejectionReason = (typeof rejectionReasons)[number];

/** What a moderator does to a submission. */
export const moderationActions = ['publish', 'reject', 'return'] as const;

/** What became of an anchor in a later version of the draft. */
export const anchorOutcomes = [
  'carried',
  'moved',
  'split',
  'merged',
  'lost_quote',
  'orphan',
] as const;

/** What became of an anchor in a later version. */
export type AnchorOutcome = (typeof anchorOutcomes)[number];

const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});

const textPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int(),
  end: z.number().int(),
});

/** One step of an anchor's history: where it stands in one later (public) version of the draft. */
export const anchorStepSchema = z
  .object({
    versionId: z.string(),
    versionSeq: z.number().int().describe('1 for the first version, 2 for Rev.1, …'),
    versionLabel: z.string(),
    blockId: z.string().nullable().describe('Null for an orphan'),
    address: z.string().nullable().describe('The paragraph in that version; null for an orphan'),
    selector: z
      .object({ textQuote: textQuoteSelectorSchema, textPosition: textPositionSelectorSchema })
      .nullable()
      .describe(
        'The quoted words found again in that version; null for a paragraph or a lost quote',
      ),
    outcome: z
      .enum(anchorOutcomes)
      .describe(
        'carried (to the paragraph its paragraph became), moved (to a paragraph whose place changed, or the quote found in another paragraph), split, merged, lost_quote (the paragraph is there, the quoted words are not), orphan (the paragraph was deleted)',
      ),
  })
  .meta({ id: 'AnchorStep' });

/** One step of an anchor's history. */
export type AnchorStep = z.infer<typeof anchorStepSchema>;

/** Where a submission points in the draft: a paragraph, or a span inside it (W3C Web Annotation selectors). */
export const anchorSchema = z
  .object({
    blockId: z.string(),
    address: z.string().describe('para 38, para 38(b), fn 12'),
    versionId: z.string(),
    selector: z
      .object({ textQuote: textQuoteSelectorSchema, textPosition: textPositionSelectorSchema })
      .nullable()
      .describe('Null when the whole paragraph is meant'),
    history: z
      .array(anchorStepSchema)
      .describe(
        'Where the anchor went in each later public version, oldest first; empty while the draft has not been revised',
      ),
  })
  .meta({ id: 'Anchor' });

/** An anchor. */
export type Anchor = z.infer<typeof anchorSchema>;

/** A submission as the API and pages show it. */
export const submissionSchema = z
  .object({
    id: z.string(),
    periodId: z.string(),
    organisation: organisationSchema,
    cosigners: z.array(
      z.object({
        organisation: organisationSchema,
        state: z.enum(['invited', 'confirmed', 'declined']),
      }),
    ),
    affiliation: z
      .string()
      .nullable()
      .describe("An individual's affiliation, as they gave it: not verified"),
    title: z.string().nullable(),
    body: z.string(),
    language: z.string(),
    status: z.enum(submissionStatuses),
    statusReason: z.string().nullable(),
    statusNote: z.string().nullable(),
    anchors: z.array(anchorSchema),
    attachments: z.array(
      z.object({
        id: z.string(),
        filename: z.string(),
        mediaType: z.string(),
        size: z.number().int(),
        sha256: z.string(),
      }),
    ),
    contentSha256: z.string(),
    fingerprintVersion: fingerprintVersionSchema,
    receivedAt: z.string(),
    publishedAt: z.string().nullable(),
    campaignId: z
      .string()
      .nullable()
      .describe(
        'The campaign of near-duplicate submissions of its period it belongs to (the id of its earliest member; its own id when it stands alone); null until grouped',
      ),
  })
  .meta({ id: 'Submission' });

/** A submission. */
export type Submission = z.infer<typeof submissionSchema>;

/**
 * A range of a period's submissions in id order, a page of an export's walk: those of these
 * statuses with an id after `after` and up to `last`.
 */
export interface SubmissionRange {
  periodId: string;
  statuses: string[];
  after: string;
  last: string;
}

/** Whom a submission speaks for: an organisation the sender represents, the sender, or nobody named. */
export const submitterKinds = ['organisation', 'myself', 'anonymous'] as const;

/** What a submitter sends (form or API); attachments travel separately. */
export const newSubmissionSchema = z.object({
  submitAs: z
    .enum(submitterKinds)
    .default('organisation')
    .describe(
      "For an organisation (organisationId), as oneself, or anonymously (the name known to the secretariat only), as the period's rules allow",
    ),
  organisationId: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .describe('Organisation id or slug, when submitting for an organisation'),
  affiliation: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v ? v : undefined))
    .describe('When submitting as oneself: an affiliation, published as given (not verified)'),
  title: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((v) => (v ? v : undefined)),
  // Line ends are made one before the length is counted (overwrite keeps it a string for OpenAPI).
  body: z
    .string()
    .overwrite((v) => v.replace(/\r\n?/g, '\n'))
    .trim()
    .min(1, 'Write your comment.')
    .max(100_000, 'A comment has at most 100,000 characters; attach a file for more.'),
  language: z
    .enum(unLanguages)
    .optional()
    .describe('The language of the comment; detected from the text when absent'),
  anchors: z
    .array(
      z.object({
        blockId: z.uuid({ message: 'paragraph ids are UUIDs' }).describe('Paragraph (block) id'),
        exact: z
          .string()
          .max(5000)
          .optional()
          .transform((v) => (v ? v : undefined))
          .describe('TextQuoteSelector.exact: the quoted words'),
        prefix: z.string().max(200).optional().describe('TextQuoteSelector.prefix'),
        start: z.number().int().nonnegative().optional().describe('TextPositionSelector.start'),
        end: z.number().int().nonnegative().optional().describe('TextPositionSelector.end'),
      }),
    )
    .max(200)
    .default([])
    .describe('The paragraphs, or words in them, the comment is about'),
  cosigners: z
    .array(z.string().min(1))
    .max(50)
    .default([])
    .describe('Co-signing organisations, by id or slug'),
  idempotencyKey: z
    .string()
    .trim()
    .min(8, 'The idempotency key has at least 8 characters.')
    .max(200)
    .describe(
      'A key unique to this submission; a retry with the same key returns the first receipt',
    ),
});

/** A submission as sent. */
export type NewSubmission = z.input<typeof newSubmissionSchema>;

/**
 * The JSON body of an API submission: the form's schema, with the idempotency key optional
 * because the Idempotency-Key header may carry it instead.
 */
export const apiSubmissionSchema = newSubmissionSchema
  .extend({
    idempotencyKey: newSubmissionSchema.shape.idempotencyKey
      .optional()
      .describe('Or the Idempotency-Key header, which wins when both are sent'),
  })
  .meta({ id: 'NewSubmission' });

/** The headers an API submission may send. */
export const apiSubmissionHeadersSchema = z.object({
  'Idempotency-Key': newSubmissionSchema.shape.idempotencyKey
    .optional()
    .describe(
      'A key unique to this submission; a retry with the same key returns the first receipt',
    ),
});

/** A co-signing organisation's answer, through the API (the page sends the same two fields). */
export const cosignAnswerSchema = z.object({
  organisationId: z.uuid().describe('The co-signing organisation the token holder answers for'),
  answer: z.enum(['confirm', 'decline']).describe('Co-sign the submission, or decline to'),
});

/** A moderator's decision. */
export const moderationSchema = z
  .object({
    action: z.enum(moderationActions),
    reason: z.enum(rejectionReasons).optional(),
    note: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .refine((d) => d.action !== 'reject' || d.reason !== undefined, {
    message: 'Choose the reason for rejecting it.',
    path: ['reason'],
  })
  .refine((d) => d.action !== 'return' || d.note !== undefined, {
    message: 'Tell the submitter what to revise.',
    path: ['note'],
  });

/** Filters of a list of published submissions. */
export const submissionFiltersSchema = z.object({
  group: z.enum(stakeholderGroups).optional().describe('Stakeholder group'),
  region: z.enum(regionalGroups).optional().describe('UN regional group of the organisation'),
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'Use a three-letter ISO 3166-1 alpha-3 code, such as CHE or BRA.')
    .transform((v) => v.toUpperCase())
    .optional()
    .describe('ISO 3166-1 alpha-3'),
  language: z.enum(unLanguages).optional(),
  organisation: z.string().max(200).optional().describe('Organisation id or slug'),
});

/** Submission filters. */
export type SubmissionFilters = z.infer<typeof submissionFiltersSchema>;

/**
 * The filters a list is read with: the reader's, the organisation found from its slug, and
 * whose claims to speak for States are kept: "verified" leaves out governments and IGOs not
 * verified (listed apart, never counted as a State's word), "unverified" keeps only them.
 */
export type ListFilters = SubmissionFilters & {
  organisationId?: string;
  claims?: 'verified' | 'unverified';
};

/** What a submitter gets back once the submission is committed. */
export const receiptSchema = z
  .object({
    submissionId: z.string(),
    receivedAt: z.string().describe('Server time, UTC'),
    contentSha256: z.string().describe('SHA-256 of the canonical content below'),
    content: z.string().describe('The canonical JSON whose SHA-256 is contentSha256'),
    fingerprintVersion: fingerprintVersionSchema,
    status: z.enum(submissionStatuses),
    replayed: z
      .boolean()
      .describe('True when the idempotency key had already been used for this content'),
    transparency: inclusionSchema
      .nullable()
      .describe(
        'The entry logging its receipt in the transparency log, with the signed tree head of the append and the inclusion proof; null for submissions received before the log existed',
      ),
  })
  .meta({ id: 'Receipt' });

/** A receipt. */
export type Receipt = z.infer<typeof receiptSchema>;

/** The submission filters a page was asked for, as given (for the form) and as a query string (for links). */
export function filterQuery(read: (key: string) => string | undefined): {
  filters: Record<string, string | undefined>;
  query: string;
} {
  const filters: Record<string, string | undefined> = {};
  const params = new URLSearchParams();
  for (const key of Object.keys(submissionFiltersSchema.shape)) {
    const value = read(key);
    if (value) {
      filters[key] = value;
      params.set(key, value);
    }
  }
  return { filters, query: params.toString() };
}

/**
 * A campaign as the period's list shows it once: its published members counted, its first
 * member's text, some members whose text differs, and its signatories (each with its submission).
 */
export interface CampaignGroup {
  id: string;
  periodId: string;
  count: number;
  /** Distinct texts among the published members. */
  variants: number;
  first: Submission;
  /** Members whose text differs from the first's (a few). */
  otherTexts: Submission[];
  /** The organisations of the earliest members, each with its submission. */
  signatories: { submissionId: string; organisation: Submission['organisation'] }[];
}

/** What publishing a closed period's submissions in review did, as the API answers it. */
export const periodPublicationSchema = z
  .object({
    published: z.number().int().describe('Submissions that were in review and are now published'),
    rejected: z.number().int().describe('Submissions of the period left rejected'),
    returned: z.number().int().describe('Submissions of the period left returned for revision'),
  })
  .meta({ id: 'PeriodPublication' });
