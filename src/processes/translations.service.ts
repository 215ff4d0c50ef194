/**
 * Content in the reader's language: the secretariat translates what a process shows (its name
 * and mandate, its periods' titles, its versions' labels) into the UN languages; pages load the
 * translations of what they show in the reader's language.
 */
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { PlenumError } from '../errors.ts';
import { zodError } from '../validation.ts';
import { recordEvent } from '../events/events.store.ts';
import type { ContentTranslations, PageContext, TranslatableSubject } from '../web/page-context.ts';
import { checkCanTranslate } from './processes.policy.ts';
import {
  translatableFields,
  translationEntrySchema,
  type TranslatableItem,
  type TranslationEntry,
} from './translations.schema.ts';
import {
  listTranslations,
  listTranslationsOfProcesses,
  writeTranslations,
} from './translations.store.ts';

/** The translations of these subjects in one language, as pages look them up. */
export async function getContentTranslations(
  db: Db,
  subjects: { type: TranslatableSubject; id: string }[],
  language: string,
): Promise<ContentTranslations> {
  const found = new Map<string, string>();
  if (language !== 'en')
    for (const t of await listTranslations(db, subjects, language))
      found.set(`${t.subjectType}:${t.subjectId}:${t.field}`, t.text);
  return { find: (type, id, field) => found.get(`${type}:${id}:${field}`) };
}

/**
 * The page's context with the translations of these subjects in the reader's language, for
 * views that show their names through contentText (nothing is read for a reader of English).
 */
export async function withContentTranslations(
  db: Db,
  ctx: PageContext,
  subjects: { type: TranslatableSubject; id: string }[],
): Promise<PageContext> {
  if (ctx.ui.lang === 'en' || subjects.length === 0) return ctx;
  return { ...ctx, translations: await getContentTranslations(db, subjects, ctx.ui.lang) };
}

/**
 * A lookup of the texts of these processes (their own, their periods' and versions') in one
 * language, for what is written outside a page (a briefing paper, a country report): the
 * secretariat's translation when there is one, else the original.
 */
export async function contentTextsOfProcesses(
  db: Db,
  processIds: string[],
  language: string,
): Promise<(type: TranslatableSubject, id: string, field: string, original: string) => string> {
  const found = new Map<string, string>();
  if (language !== 'en')
    for (const t of await listTranslationsOfProcesses(db, processIds, language))
      found.set(`${t.subjectType}:${t.subjectId}:${t.field}`, t.text);
  return (type, id, field, original) => found.get(`${type}:${id}:${field}`) ?? original;
}

/** Every translation of these subjects, in every language, for the secretariat's form. */
export async function getAllTranslations(
  db: Db,
  viewer: Viewer | null,
  processId: string,
  items: TranslatableItem[],
): Promise<TranslationEntry[]> {
  checkCanTranslate(viewer, processId);
  return listTranslations(db, items);
}

/**
 * Saves the secretariat's translations of a process's texts: each entry must name a field of one
 * of `items` (the process, its periods and versions, as the route found them); an empty text
 * removes a translation. Records one event when anything changed; returns the number changed.
 */
export async function saveTranslations(
  db: Db,
  viewer: Viewer | null,
  processId: string,
  items: TranslatableItem[],
  input: unknown[],
  now: Date,
): Promise<number> {
  checkCanTranslate(viewer, processId);
  const known = new Set(
    items.flatMap((i) => translatableFields[i.type].map((f) => `${i.type}:${i.id}:${f}`)),
  );
  const entries: TranslationEntry[] = [];
  for (const raw of input) {
    const parsed = translationEntrySchema.safeParse(raw);
    // The entry's place (type.id.field.language), read from what was sent when it is malformed.
    const r = (raw ?? {}) as Record<string, unknown>;
    const parts = [r.subjectType, r.subjectId, r.field, r.language];
    const where = parts.every((p) => typeof p === 'string' && p !== '')
      ? parts.join('.')
      : 'translation';
    if (!parsed.success) {
      const fields = zodError(parsed.error).fields!.map((f) => ({ ...f, field: where }));
      throw new PlenumError(
        'INVALID_REQUEST',
        fields.map((f) => `${f.field}: ${f.message}`).join('; '),
        { fields },
      );
    }
    const e = parsed.data;
    if (!known.has(`${e.subjectType}:${e.subjectId}:${e.field}`))
      throw new PlenumError(
        'INVALID_REQUEST',
        `${where}: not a translatable text of this process.`,
      );
    entries.push(e);
  }
  const changed = await writeTranslations(db, processId, entries, viewer.id, now.toISOString());
  if (changed > 0)
    await recordEvent(
      db,
      {
        actor: viewer.id,
        action: 'process.translations_changed',
        subjectType: 'process',
        subjectId: processId,
        data: { changed },
      },
      now,
    );
  return changed;
}
