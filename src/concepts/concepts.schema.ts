/** Concepts as the rest of plenum sees them, and the forms that edit them. */
import { z } from 'zod';
import { unLanguages, type UnLanguage } from '../text/detect-language.ts';

/** A concept of the taxonomy with its names and terms. */
export interface Concept {
  id: string;
  slug: string;
  parentId: string | null;
  names: Record<UnLanguage, string>;
  terms: { id: string; language: UnLanguage; term: string }[];
}

/** A passage tagged with a concept, as its page lists it. */
export interface TaggedPassage {
  sourceId: string;
  kind: string;
  at: string;
  title: string;
  address: string | null;
  symbol: string | null;
  href: string;
  language: string;
  organisationName: string | null;
  text: string;
}

/** A passage to tag: what search indexes, with the process and date it belongs to. */
export interface PassageToTag {
  sourceId: string;
  kind: string;
  processId: string;
  at: string;
  /** The passage's language as indexed; detected from the text when not given. */
  language?: string;
  text: string;
}

const term = z
  .string()
  .trim()
  .min(2, 'A term needs at least two characters.')
  .max(120, 'A term has at most 120 characters.')
  .refine((t) => /[\p{L}\p{N}]/u.test(t), 'A term needs letters or digits.');

/** A new term for a concept: the language it is used in and the words. */
export const newTermSchema = z.object({
  language: z.enum(unLanguages),
  term,
});

/** A new concept: a slug, an optional broader concept, and the English name at least. */
export const newConceptSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and hyphens.')
    .max(60),
  parent: z
    .string()
    .trim()
    .optional()
    .transform((p) => (p ? p : undefined)),
  names: z.object({
    en: term,
    fr: z.string().trim().max(120).optional(),
    es: z.string().trim().max(120).optional(),
    ru: z.string().trim().max(120).optional(),
    zh: z.string().trim().max(120).optional(),
    ar: z.string().trim().max(120).optional(),
  }),
});
