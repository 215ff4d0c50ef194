/** The registry's vocabulary and the shapes of what it takes in and gives back. */
import { z } from 'zod';
import { languageTagSchema } from '../documents/documents.schema.ts';
import { registryLanguages, type RegistryLanguage, type TermText } from './registry.data.ts';

/** The instruments a measure may be made with. */
export const instruments = ['law', 'decree', 'regulation', 'guideline', 'bill', 'plan'] as const;
/** A measure's instrument. */
export type Instrument = (typeof instruments)[number];

/** The statuses of a measure, in the order a measure usually goes through them. */
export const measureStatuses = [
  'planned',
  'draft',
  'adopted',
  'in_force',
  'amended',
  'repealed',
] as const;
/** A measure's status. */
export type MeasureStatus = (typeof measureStatuses)[number];

/** How far a measure states it reaches beyond the State's territory. */
export const reaches = ['none', 'partial', 'stated'] as const;
/** A measure's extraterritorial reach. */
export type Reach = (typeof reaches)[number];

/** Who states a version: the State itself (a verified representative of its government) or a reporter. */
export type Voice = 'state' | 'reported';

const isoDate = z.iso.date('a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1, 'required').max(max);

/** A measure as recorded or revised (the country cannot change in a revision). */
export const measureInputSchema = z
  .object({
    country: z.string().regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code such as BRA'),
    title: text(500),
    titleLanguage: languageTagSchema,
    titleTranslations: z.partialRecord(z.enum(registryLanguages), text(500)).default({}),
    instrument: z.enum(instruments),
    status: z.enum(measureStatuses),
    statusDates: z.partialRecord(z.enum(measureStatuses), isoDate).default({}),
    elements: z.array(z.string().max(60)).min(1, 'choose at least one element').max(20),
    kinds: z.array(z.string().max(60)).max(20).default([]),
    reach: z.enum(reaches).default('none'),
    source: z
      .object({
        documentId: z.string().max(80),
        paragraphs: z.array(text(40)).min(1, 'cite at least one paragraph').max(50),
      })
      .optional(),
    organisationId: z.string().max(80).optional(),
    asState: z
      .boolean()
      .default(false)
      .describe(
        "True to state the measure as the State's own word (verified representatives only)",
      ),
    note: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'MeasureInput' });

/** What measureInputSchema accepts. */
export type MeasureInput = z.output<typeof measureInputSchema>;

/** An element or a kind of measure as an administrator edits or adds it. */
export const termInputSchema = z
  .object({
    type: z.enum(['element', 'kind']),
    position: z.number().int().min(0).max(1000).optional(),
    conceptSlug: z.string().max(80).nullable().default(null),
    fragmenting: z.boolean().default(false),
    texts: z.object(
      Object.fromEntries(
        registryLanguages.map((l) => [l, z.object({ name: text(200), definition: text(1000) })]),
      ) as Record<
        RegistryLanguage,
        z.ZodObject<{ name: ReturnType<typeof text>; definition: ReturnType<typeof text> }>
      >,
    ),
  })
  .meta({ id: 'RegistryTermInput' });

/** An element or a kind of measure, shipped or edited. */
export interface RegistryTerm {
  slug: string;
  type: 'element' | 'kind';
  position: number;
  conceptSlug: string | null;
  fragmenting: boolean;
  texts: Record<RegistryLanguage, TermText>;
  /** True when an administrator has edited (or added) it. */
  edited: boolean;
}

/** The paragraphs a measure rests on, in a document imported in plenum. */
export interface MeasureSource {
  documentId: string;
  blocks: { blockId: string; address: string }[];
}

/** One version of a national measure: what the registry said of it from `recordedAt` on. */
export interface Measure {
  id: string;
  country: string;
  version: number;
  latestVersion: number;
  recordedAt: string;
  recordedBy: string;
  title: string;
  titleLanguage: string;
  titleTranslations: Partial<Record<RegistryLanguage, string>>;
  instrument: Instrument;
  status: MeasureStatus;
  statusDates: Partial<Record<MeasureStatus, string>>;
  elements: string[];
  kinds: string[];
  reach: Reach;
  source: MeasureSource | null;
  voice: Voice;
  organisationId: string | null;
  note: string | null;
}

/** Filters of the registry's list and matrix. */
export const measureFilterSchema = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .transform((s) => s.toUpperCase())
    .optional(),
  region: z.string().max(40).optional(),
  element: z.string().max(60).optional(),
  kind: z.string().max(60).optional(),
  status: z.enum(measureStatuses).optional(),
  voice: z.enum(['state', 'reported']).optional(),
  at: z.string().max(40).optional(),
});

/** The filters as parsed. */
export type MeasureFilter = z.output<typeof measureFilterSchema>;
