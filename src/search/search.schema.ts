/** Search: the query a reader sends (page, API, CLI) and the passages it finds. */
import { z } from 'zod';
import { stakeholderGroups } from '../organisations/organisations.schema.ts';

/** The six UN languages, the values of the language filter. */
export const searchLanguages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** What a passage is. */
export const searchKinds = ['paragraph', 'footnote', 'submission', 'measure'] as const;

/** Longest query accepted, in characters. */
export const maxQueryLength = 200;

/** Passages per page. */
export const searchPageSize = 20;

/** The deepest page served: further than this, a narrower query serves the reader better. */
export const maxSearchPage = 50;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

const day = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || /^\d{4}-\d{2}-\d{2}$/.test(v), {
    message: 'Give a date as YYYY-MM-DD.',
  })
  .refine((v) => v === undefined || !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), {
    message: 'This date does not exist.',
  });

/** The filters of a search, as sent (query string, JSON or CLI flags); the words are apart. */
export const searchFiltersSchema = z.object({
  process: optionalText(200).describe('Process id, slug or alias'),
  document: optionalText(200).describe('Document id or UN symbol'),
  language: z
    .enum(searchLanguages, { message: 'Choose ar, zh, en, fr, ru or es.' })
    .optional()
    .or(z.literal('').transform(() => undefined))
    .describe('One of the six UN languages'),
  group: z
    .enum(stakeholderGroups, { message: 'Choose a stakeholder group.' })
    .optional()
    .or(z.literal('').transform(() => undefined))
    .describe('Stakeholder group of the submitting organisation'),
  country: optionalText(3)
    .transform((v) => v?.toUpperCase())
    .refine((v) => v === undefined || /^[A-Z]{3}$/.test(v), {
      message: 'Give a country as ISO 3166-1 alpha-3, e.g. CHN.',
    })
    .describe('Country of the submitting organisation, or State of a measure, ISO 3166-1 alpha-3'),
  kind: z
    .enum(searchKinds, { message: 'Choose paragraph, footnote, submission or measure.' })
    .optional()
    .or(z.literal('').transform(() => undefined))
    .describe('Only paragraphs, footnotes, submissions or national measures (the registry)'),
  from: day.describe('Earliest date, YYYY-MM-DD'),
  to: day.describe('Latest date, YYYY-MM-DD'),
  sort: z
    .enum(['relevance', 'newest'], { message: 'Sort by relevance or newest.' })
    .optional()
    .or(z.literal('').transform(() => undefined))
    .transform((v) => v ?? 'relevance')
    .describe('relevance (the default: BM25, phrase and proximity, a little recency) or newest'),
  page: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^\d{1,3}$/.test(v), { message: 'A page is a number.' })
    .transform((v) => (v === undefined ? 1 : Number(v)))
    .refine((v) => v >= 1 && v <= maxSearchPage, {
      message: `Pages go from 1 to ${maxSearchPage}.`,
    })
    .describe(`Page of ${searchPageSize} passages, 1 to ${maxSearchPage}`),
});

/** Search filters after checking. */
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

/** One passage found, with where it is and what matched. */
export const searchHitSchema = z
  .object({
    kind: z.enum(searchKinds),
    id: z
      .string()
      .describe(
        'Block id (paragraph, footnote), submission id, or measure id (then "~" and a language for a translated title)',
      ),
    citation: z.string().describe('"A/AC.290/2021/CRP.2, para 38", or the organisation'),
    symbol: z.string().nullable(),
    title: z.string().describe("The document title, the submission title, or the measure's title"),
    address: z.string().nullable().describe('"para 38", "fn 12"; null for a submission'),
    href: z.string().describe('Where to read it on this site'),
    language: z.string(),
    date: z.string().describe('YYYY-MM-DD'),
    processId: z.string().describe("The passage's process; empty for a measure"),
    documentId: z.string().nullable(),
    country: z
      .string()
      .nullable()
      .describe('The State of a measure, or the country of the organisation of a submission'),
    organisation: z
      .object({
        id: z.string(),
        name: z.string(),
        stakeholderGroup: z.string(),
        country: z.string().nullable(),
      })
      .nullable(),
    snippet: z.string().describe('The passage, or the part of a long one around the first match'),
    marks: z
      .array(z.tuple([z.number().int(), z.number().int()]))
      .describe('Matched ranges of the snippet, [start, end) in UTF-16 code units'),
    score: z.number().int().describe('Relevance: higher is better (comparable within one query)'),
    otherLanguages: z
      .array(z.object({ language: z.string(), href: z.string() }))
      .describe('The same paragraph in the other languages of its version'),
  })
  .meta({ id: 'SearchHit' });

/** One value of a facet and how many matching passages have it. */
export const searchFacetSchema = z
  .object({
    value: z.string().describe('The value to filter by'),
    label: z.string().describe('A process name, a document symbol, or the value itself'),
    count: z.number().int().describe('Matching passages with this value'),
  })
  .meta({ id: 'SearchFacet' });

/** One value of a facet. */
export type SearchFacet = z.infer<typeof searchFacetSchema>;

/** One passage found. */
export type SearchHit = z.infer<typeof searchHitSchema>;

/** A page of results. */
export const searchResultSchema = z.object({
  query: z.string(),
  page: z.number().int(),
  pageSize: z.number().int(),
  sort: z.enum(['relevance', 'newest']),
  hits: z.array(searchHitSchema),
  total: z
    .number()
    .int()
    .describe(
      'Results found (a paragraph in several languages is one); when totalExact is false, more than this match',
    ),
  passages: z
    .number()
    .int()
    .describe('Passages found (each language counts); a lower bound when totalExact is false'),
  totalExact: z.boolean(),
  hasNext: z.boolean(),
  truncated: z
    .boolean()
    .describe('The scan stopped before the end of the index: a narrower query finds more'),
  facets: z
    .object({
      process: z.array(searchFacetSchema),
      document: z.array(searchFacetSchema),
      language: z.array(searchFacetSchema),
      group: z.array(searchFacetSchema),
      country: z.array(searchFacetSchema),
      year: z.array(searchFacetSchema),
    })
    .describe(
      'Counts of the passages found by each filter value (ten values at most each), among the facetsOf newest passages found',
    ),
  facetsOf: z
    .number()
    .int()
    .describe(
      'Passages the facets count: every one found, or (when fewer than passages) the newest found',
    ),
});

/** A page of results. */
export type SearchResult = z.infer<typeof searchResultSchema>;
