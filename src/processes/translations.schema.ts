/** Schemas of content translations: which fields of which subjects the secretariat translates. */
import { z } from 'zod';
import type { TranslatableSubject } from '../web/page-context.ts';

/** The languages a translation is entered in: the six UN languages. */
export const contentLanguages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** The fields each kind of subject has translated. */
export const translatableFields: Record<TranslatableSubject, readonly string[]> = {
  process: ['name', 'mandate'],
  period: ['title'],
  version: ['label'],
};

/** One translation as entered: an empty text removes it. */
export const translationEntrySchema = z.object({
  subjectType: z.enum(['process', 'period', 'version']),
  subjectId: z.string().min(1).max(64),
  field: z.string().min(1).max(20),
  language: z.enum(contentLanguages),
  text: z.string().trim().max(4000),
});

/** One translation of a subject's field. */
export type TranslationEntry = z.infer<typeof translationEntrySchema>;

/** A subject whose fields the translation form shows, with its original texts by field. */
export interface TranslatableItem {
  type: TranslatableSubject;
  id: string;
  originals: Record<string, string>;
}
