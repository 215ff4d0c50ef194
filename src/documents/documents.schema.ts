/** Schemas of documents, versions, language versions and blocks at the edges (API, CLI). */
import { z } from 'zod';
import { blockKinds, blockMatters } from './blocks.ts';

/** The kinds of document a process publishes. */
export const documentKinds = [
  'draft_report',
  'revised_draft',
  'non_paper',
  'letter',
  'contribution',
  'working_paper',
  'report',
  'briefing',
] as const;

/** One kind of document. */
export type DocumentKind = (typeof documentKinds)[number];

/** "draft report", "Draft-Report" and "draft_report" all name the same kind. */
export function parseDocumentKind(value: string): DocumentKind | undefined {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return documentKinds.find((k) => k === key);
}

/** The kind as people write it: "draft report". */
export function documentKindLabel(kind: string): string {
  return kind.replace(/_/g, ' ');
}

/** A BCP 47 language tag such as "en", "zh-Hans" or "ar". */
export const languageTagSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as en, fr, zh-Hans')
  .transform((tag) => {
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? tag;
    } catch {
      return tag;
    }
  });

/** One language of a version, without its blocks. */
export const languageVersionSchema = z
  .object({
    id: z.string(),
    versionId: z.string(),
    language: z.string().describe('BCP 47 tag'),
    title: z.string().nullable(),
    sourceFormat: z.string(),
    sourceName: z.string().nullable(),
    sourceSha256: z.string().describe('SHA-256 of the imported file, hex'),
    sourceBytes: z.number().int(),
    importedAt: z.string(),
  })
  .meta({ id: 'LanguageVersion' });

/** A language version. */
export type LanguageVersion = z.infer<typeof languageVersionSchema>;

/** A version of a document with the languages it exists in. */
export const versionSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    seq: z.number().int().describe('1 for the first version, then 2, 3, …'),
    label: z.string().describe('"pre-draft", "Rev.1", …'),
    date: z.string().nullable().describe('Date of the version, YYYY-MM-DD'),
    public: z
      .boolean()
      .describe('False while the secretariat prepares it: only the process staff can read it'),
    languages: z.array(languageVersionSchema),
  })
  .meta({ id: 'Version' });

/** A version. */
export type Version = z.infer<typeof versionSchema>;

/** A document with its versions. */
export const documentSchema = z
  .object({
    id: z.string(),
    processId: z.string(),
    symbol: z.string().nullable().describe('UN symbol as given, e.g. A/AC.290/2021/CRP.2'),
    title: z.string(),
    kind: z.enum(documentKinds),
    versions: z.array(versionSchema),
  })
  .meta({ id: 'Document' });

/** A document. */
export type PlenumDocument = z.infer<typeof documentSchema>;

/** A footnote marker inside a block. */
export const footnoteRefSchema = z
  .object({
    marker: z.string(),
    offset: z
      .number()
      .int()
      .describe('Position of the marker in the block text (UTF-16 code units)'),
    footnoteId: z.string().nullable().describe('Block id of the footnote, null when unlinked'),
  })
  .meta({ id: 'FootnoteRef' });

/** One block of a language version's content. */
export const blockSchema = z
  .object({
    id: z
      .string()
      .describe('Stable id: it never changes when other blocks are added or renumbered'),
    seq: z.number().int().describe('Reading order within the language version'),
    parentId: z.string().nullable(),
    kind: z.enum(blockKinds),
    number: z.string().nullable(),
    label: z.string().nullable().describe('The number as printed: "38.", "(b)", "II."'),
    level: z.number().int().nullable(),
    address: z.string().describe('Human address: "para 38", "para 38(b)", "fn 12", "§3 ¶2"'),
    text: z.string(),
    rows: z.array(z.array(z.string())).nullable(),
    matter: z
      .enum(blockMatters)
      .nullable()
      .describe('"front" on the cover, "back" on the back cover, null in the body'),
    footnoteRefs: z.array(footnoteRefSchema),
  })
  .meta({ id: 'Block' });

/** A block. */
export type Block = z.infer<typeof blockSchema>;

/** A version as lists of recent arrivals show it: with its document and process. */
export interface RecentVersion {
  versionId: string;
  seq: number;
  label: string;
  date: string | null;
  createdAt: string;
  documentId: string;
  symbol: string | null;
  title: string;
  processId: string;
}
