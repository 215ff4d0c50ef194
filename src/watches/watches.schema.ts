/** Watches as the rest of plenum sees them, and the form that makes one. */
import { z } from 'zod';
import { stakeholderGroups, type StakeholderGroup } from '../organisations/organisations.schema.ts';

/** A saved search or set of concepts, with its filters and outlets. */
export interface Watch {
  id: string;
  accountId: string;
  name: string;
  query: string | null;
  conceptIds: string[];
  processIds: string[];
  groups: StakeholderGroup[];
  webhookUrl: string | null;
  webhookSecret: string | null;
  emailDigest: boolean;
  createdAt: string;
}

/** A passage as it is indexed: what watches are matched against. */
export interface IndexedPassage {
  sourceId: string;
  kind: string;
  processId: string;
  /** The submitting organisation's group; null for a paragraph of a document. */
  stakeholderGroup: string | null;
  at: string;
  /** The passage's language as indexed: its words are stemmed as that language's. */
  language: string;
  text: string;
  /** False for a paragraph of a version in preparation: no watch hears of it yet. */
  public: boolean;
}

/** A passage that matched a watch, as its page and feed show it. */
export interface WatchHit {
  sourceId: string;
  kind: string;
  date: string;
  matchedAt: string;
  title: string;
  symbol: string | null;
  address: string | null;
  href: string;
  language: string;
  organisationName: string | null;
  text: string;
}

/** A webhook delivery with its attempts, for the delivery log. */
export interface WebhookDelivery {
  id: string;
  sourceId: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: { attempt: number; at: string; status: number | null; error: string | null }[];
  nextAttemptAt: string;
  createdAt: string;
  deliveredAt: string | null;
}

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x) => x !== '')));

/** The watch form: a name, words and/or concepts, optional filters and webhook. */
export const newWatchSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the watch a name.').max(120),
    query: z
      .string()
      .trim()
      .max(200, 'Words to watch for: at most 200 characters.')
      .optional()
      .transform((v) => (v ? v : undefined)),
    concepts: list,
    processes: list,
    groups: list.pipe(z.array(z.enum(stakeholderGroups))),
    emailDigest: z
      .union([z.literal('on'), z.literal(''), z.boolean()])
      .optional()
      .transform((v) => v === 'on' || v === true),
    webhookUrl: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine(
        (v) => v === undefined || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)),
        'A webhook address is an http:// or https:// URL.',
      ),
  })
  .refine((w) => w.query !== undefined || w.concepts.length > 0, {
    message: 'Give words to watch for, or choose at least one concept.',
    path: ['query'],
  });
