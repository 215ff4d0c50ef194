/** SQL for content translations. */
import type { Db } from '../db/database.ts';
import type { TranslationEntry } from './translations.schema.ts';

/** The translations of these subjects, in one language (all languages when none is given). */
export async function listTranslations(
  db: Db,
  subjects: { type: string; id: string }[],
  language?: string,
): Promise<TranslationEntry[]> {
  if (subjects.length === 0) return [];
  let query = db
    .selectFrom('content_translations')
    .select(['subject_type', 'subject_id', 'field', 'language', 'text'])
    .where('subject_id', 'in', [...new Set(subjects.map((s) => s.id))]);
  if (language) query = query.where('language', '=', language);
  const types = new Set(subjects.map((s) => `${s.type}:${s.id}`));
  return (await query.execute())
    .filter((r) => types.has(`${r.subject_type}:${r.subject_id}`))
    .map((r) => ({
      subjectType: r.subject_type as TranslationEntry['subjectType'],
      subjectId: r.subject_id,
      field: r.field,
      language: r.language as TranslationEntry['language'],
      text: r.text,
    }));
}

/** Every translation in one language of what belongs to these processes. */
export async function listTranslationsOfProcesses(
  db: Db,
  processIds: string[],
  language: string,
): Promise<TranslationEntry[]> {
  if (processIds.length === 0) return [];
  const rows = await db
    .selectFrom('content_translations')
    .select(['subject_type', 'subject_id', 'field', 'language', 'text'])
    .where('process_id', 'in', [...new Set(processIds)])
    .where('language', '=', language)
    .execute();
  return rows.map((r) => ({
    subjectType: r.subject_type as TranslationEntry['subjectType'],
    subjectId: r.subject_id,
    field: r.field,
    language: r.language as TranslationEntry['language'],
    text: r.text,
  }));
}

/** Writes translations (an empty text deletes the row); returns how many rows changed. */
export async function writeTranslations(
  db: Db,
  processId: string,
  entries: TranslationEntry[],
  by: string,
  at: string,
): Promise<number> {
  let changed = 0;
  for (const e of entries) {
    const existing = await db
      .selectFrom('content_translations')
      .select('text')
      .where('subject_type', '=', e.subjectType)
      .where('subject_id', '=', e.subjectId)
      .where('field', '=', e.field)
      .where('language', '=', e.language)
      .executeTakeFirst();
    if (e.text === '') {
      if (!existing) continue;
      await db
        .deleteFrom('content_translations')
        .where('subject_type', '=', e.subjectType)
        .where('subject_id', '=', e.subjectId)
        .where('field', '=', e.field)
        .where('language', '=', e.language)
        .execute();
    } else if (!existing) {
      await db
        .insertInto('content_translations')
        .values({
          subject_type: e.subjectType,
          subject_id: e.subjectId,
          field: e.field,
          language: e.language,
          text: e.text,
          process_id: processId,
          updated_by: by,
          updated_at: at,
        })
        .execute();
    } else if (existing.text !== e.text) {
      await db
        .updateTable('content_translations')
        .set({ text: e.text, updated_by: by, updated_at: at })
        .where('subject_type', '=', e.subjectType)
        .where('subject_id', '=', e.subjectId)
        .where('field', '=', e.field)
        .where('language', '=', e.language)
        .execute();
    } else continue;
    changed += 1;
  }
  return changed;
}
