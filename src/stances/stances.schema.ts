/** Stances as the rest of plenum sees them, and the form that records one. */
import { z } from 'zod';
import type { StakeholderGroup } from '../organisations/organisations.schema.ts';

/** The positions an actor can take on a concept. */
export const stanceKinds = ['supports', 'opposes', 'conditional', 'neutral'] as const;

/** One of the stance kinds. */
export type StanceKind = (typeof stanceKinds)[number];

/** A recorded stance with what a reader needs: the actor, the concept, the quote and its source. */
export interface Stance {
  id: string;
  conceptId: string;
  conceptSlug: string;
  /** The concept's name in each UN language, as the concepts feature keeps it. */
  conceptNames: Record<string, string>;
  stance: StanceKind;
  actor: {
    organisationId: string | null;
    organisationSlug: string | null;
    name: string | null;
    country: string | null;
    stakeholderGroup: StakeholderGroup;
    regionalGroup: string | null;
    /**
     * False for an organisation the secretariat has not verified: a government or IGO that is
     * not verified is never counted as the State's word. True for a State named by its code.
     */
    verified: boolean;
  };
  source: {
    kind: 'paragraph' | 'submission';
    id: string;
    href: string;
    symbol: string | null;
    address: string | null;
    title: string;
  };
  processId: string;
  processName: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  saidOn: string;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** The stance form: the source passage, the concept, the position, the quoted words, the actor. */
export const newStanceSchema = z.object({
  source: z
    .string()
    .trim()
    .min(1, 'Choose the passage the stance is taken from.')
    .max(80)
    .describe('A block id (paragraph, footnote) or a published submission id'),
  concept: z.string().trim().min(1, 'Choose a concept.').max(100).describe('Concept slug'),
  stance: z.enum(stanceKinds, { message: 'Choose supports, opposes, conditional or neutral.' }),
  exact: z
    .string()
    .trim()
    .min(3, 'Quote at least a few words of the passage.')
    .max(2000, 'Quote at most 2,000 characters.')
    .describe('The words quoted, exactly as in the passage'),
  start: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Where the quote starts, when it occurs twice'),
  organisation: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v ? v : undefined))
    .describe('Organisation slug or id (the actor)'),
  country: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.toUpperCase() : undefined))
    .refine(
      (v) => v === undefined || /^[A-Z]{3}$/.test(v),
      'A state is named by ISO 3166-1 alpha-3 (e.g. BRA).',
    )
    .describe('ISO 3166-1 alpha-3 of a state (the actor)'),
  saidOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine(
      (v) => v === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))),
      'Give the date as YYYY-MM-DD.',
    )
    .describe('YYYY-MM-DD'),
  note: z
    .string()
    .trim()
    .max(1000, 'A note has at most 1,000 characters.')
    .optional()
    .transform((v) => (v ? v : undefined)),
});

/** What the stance form sends, checked. */
export type NewStance = z.infer<typeof newStanceSchema>;
