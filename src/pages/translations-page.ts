/**
 * The secretariat's translations of a process's texts: its name and mandate, its comment periods'
 * titles and its versions' labels, in the UN languages. The page gathers what the process holds
 * (consultations and documents read it through their services); the processes feature keeps the
 * translations and decides who may change them.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import { checkForm } from '../accounts/accounts.middleware.ts';
import { getPeriodsOfProcess } from '../consultations/consultations.service.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { getProcessWithDocuments } from '../documents/documents.service.ts';
import { fieldProblemsOf, isPlenumError, PlenumError } from '../errors.ts';
import type { Process } from '../processes/processes.schema.ts';
import { checkCanTranslate } from '../processes/processes.policy.ts';
import {
  contentLanguages,
  translatableFields,
  translationEntrySchema,
  type TranslatableItem,
} from '../processes/translations.schema.ts';
import { getAllTranslations, saveTranslations } from '../processes/translations.service.ts';
import { translationField, translationsPage } from './translations-page.views.ts';

/** The languages a translation is entered in: all but the original's (English). */
export const targetLanguages = contentLanguages.filter((l) => l !== 'en');

/** The process the address names and every text of it that may be translated, with its originals. */
async function translatable(
  c: Context<AppEnv>,
): Promise<{ process: Process; items: TranslatableItem[] }> {
  const { db } = c.var.deps;
  const { process, documents } = await getProcessWithDocuments(
    db,
    c.req.param('process') ?? '',
    c.var.viewer,
  );
  // Refused before anything else of the process is read.
  checkCanTranslate(c.var.viewer, process.id);
  const periods = await getPeriodsOfProcess(db, c.var.viewer, process.id, clockOf(c.var.deps));
  const items: TranslatableItem[] = [
    {
      type: 'process',
      id: process.id,
      originals: { name: process.name, mandate: process.mandate },
    },
    ...periods.map((p) => ({ type: 'period' as const, id: p.id, originals: { title: p.title } })),
    ...documents.flatMap((d) =>
      d.versions.map((v) => ({
        type: 'version' as const,
        id: v.id,
        originals: { label: `${v.label}`, document: d.symbol ?? d.title },
      })),
    ),
  ];
  return { process, items };
}

/** The stored translations as the form's values, by field name. */
function storedValues(
  entries: {
    subjectType: string;
    subjectId: string;
    field: string;
    language: string;
    text: string;
  }[],
): Record<string, string> {
  return Object.fromEntries(
    entries.map((e) => [translationField(e.subjectType, e.subjectId, e.field, e.language), e.text]),
  );
}

/** Mounts the translations form of a process and the route that saves it, and its API route. */
export function mountTranslationsPage(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/processes/:process/translations', async (c) => {
    const { process, items } = await translatable(c);
    const stored = await getAllTranslations(c.var.deps.db, c.var.viewer, process.id, items);
    return c.html(
      translationsPage(c.var.page, {
        process,
        items,
        languages: targetLanguages,
        values: storedValues(stored),
        saved: c.req.query('saved') === '1',
      }),
    );
  });

  app.post('/processes/:process/translations', async (c) => {
    const body = await checkForm(c);
    const { process, items } = await translatable(c);
    const values: Record<string, string> = {};
    const entries: unknown[] = [];
    for (const item of items)
      for (const field of translatableFields[item.type])
        for (const language of targetLanguages) {
          const name = translationField(item.type, item.id, field, language);
          const value = body[name];
          // A field the form did not send is left as it is; one sent empty is removed.
          if (typeof value !== 'string') continue;
          values[name] = value;
          entries.push({
            subjectType: item.type,
            subjectId: item.id,
            field,
            language,
            text: value,
          });
        }
    const { db } = c.var.deps;
    // Refused, the form comes back filled in (form-refusal.ts), each problem beside the field of
    // its text and language: the service names `type.id.field.language`, the form `t.` before it.
    await db
      .transaction()
      .execute((trx) =>
        saveTranslations(trx, c.var.viewer, process.id, items, entries, clockOf(c.var.deps)),
      )
      .catch((error: unknown) => {
        if (!isPlenumError(error)) throw error;
        const fields = fieldProblemsOf(error);
        throw fields.some((f) => f.field)
          ? new PlenumError(error.code, error.detail, {
              fields: fields.map((f) => (f.field ? { ...f, field: `t.${f.field}` } : f)),
            })
          : error;
      });
    return c.redirect(`/processes/${process.slug}/translations?saved=1`, 303);
  });

  api.post({
    path: '/api/processes/:process/translations',
    summary:
      'Save translations of a process’s name and mandate, its periods’ titles and its versions’ labels (the secretariat); an empty text removes one',
    tag: 'processes',
    scope: 'secretariat',
    params: z.object({ process: z.string().min(1).max(200).describe('Process id, slug or alias') }),
    body: z
      .object({ translations: z.array(translationEntrySchema).max(5000) })
      .meta({ id: 'Translations' }),
    response: z.object({
      changed: z.number().int().describe('Translations added, changed or removed'),
    }),
    errors: ['PROCESS_NOT_FOUND', 'FORBIDDEN'],
    handler: async (c, { body }) => {
      const { process, items } = await translatable(c);
      const changed = await c.var.deps.db
        .transaction()
        .execute((trx) =>
          saveTranslations(
            trx,
            c.var.viewer,
            process.id,
            items,
            body.translations,
            clockOf(c.var.deps),
          ),
        );
      return { changed };
    },
  });
}
