/**
 * Routes of importing in the browser: the upload form, an import draft's page, its corrections,
 * publishing and discarding. HTML forms only; drafts are not in the JSON API.
 */
import type { Context, Hono } from 'hono';
import { type AppEnv, type RouteBodyLimit } from '../context.ts';
import { isId } from '../db/ids.ts';
import { isPlenumError, onField, PlenumError } from '../errors.ts';
import { readFormBody, type FormBody } from '../form-body.ts';
import { errorText } from '../web/error-text.ts';
import { documentHref } from '../web/links.ts';
import { MAX_DOCX_BYTES, MAX_PDF_BYTES, MAX_TEXT_BYTES } from './parser/index.ts';
import {
  correctImportDraft,
  createImportDraft,
  discardImportDraft,
  getImportDraft,
  prepareImport,
  publishImportDraft,
} from './import-drafts.service.ts';
import { importDraftPage, importFormPage, type ImportFormValues } from './import-drafts.views.ts';

const uploadPath = '/processes/:process/import-drafts';

/** The largest upload: the largest file the importer reads, and a little for the other fields. */
export const importUploadBodyLimit =
  Math.max(MAX_TEXT_BYTES, MAX_DOCX_BYTES, MAX_PDF_BYTES) + 1024 * 1024;

/** The upload form's body limit: a document file is larger than anything else but attachments. */
export const importDraftBodyLimits: RouteBodyLimit[] = [
  {
    method: 'POST',
    path: uploadPath,
    maxSize: importUploadBodyLimit,
    message: `A document to import may have ${Math.max(MAX_TEXT_BYTES, MAX_DOCX_BYTES, MAX_PDF_BYTES) / 1048576} MB at most.`,
  },
];

/** A form field as text (the first value when several were sent). */
function field(body: FormBody, name: string): string | undefined {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

/** The draft id in the address; a malformed one is a missing draft. */
function draftId(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!isId(id)) throw new PlenumError('IMPORT_DRAFT_NOT_FOUND');
  return id.toLowerCase();
}

/** True for an error that a form shows back to the person who sent it. */
function shownOnForm(error: unknown): error is PlenumError {
  return (
    isPlenumError(error) &&
    error.status < 500 &&
    !['SIGN_IN_REQUIRED', 'FORBIDDEN', 'IMPORT_DRAFT_NOT_FOUND', 'PROCESS_NOT_FOUND'].includes(
      error.code,
    )
  );
}

/** Mounts the import pages and forms. */
export function importDraftRoutes(app: Hono<AppEnv>): void {
  app.get('/processes/:process/import', async (c) => {
    const process = await prepareImport(c.var.deps.db, c.var.viewer, c.req.param('process'));
    return c.html(importFormPage(c.var.page, process, {}));
  });

  app.post(uploadPath, async (c) => {
    const { db } = c.var.deps;
    // A malformed body is refused first, as on every form route; it tells nothing of the process.
    const body = await readFormBody(c);
    const process = await prepareImport(db, c.var.viewer, c.req.param('process'));
    const values: ImportFormValues = {
      symbol: field(body, 'symbol'),
      title: field(body, 'title'),
      language: field(body, 'language'),
      version: field(body, 'version'),
      kind: field(body, 'kind'),
    };
    const file = Array.isArray(body.file) ? body.file[0] : body.file;
    // Refused, the form comes back filled in (form-refusal.ts); nothing was stored. A problem of
    // the file itself is told beside the file.
    const id = await (async () => {
      if (!(file instanceof File) || file.size === 0) throw new PlenumError('IMPORT_EMPTY');
      return createImportDraft(db, c.var.viewer, {
        process: process.id,
        bytes: new Uint8Array(await file.arrayBuffer()),
        fileName: file.name,
        target: values,
      });
    })().catch((error: unknown) => {
      throw isPlenumError(error) && error.code.startsWith('IMPORT_')
        ? onField(error, 'file', { always: true })
        : error;
    });
    return c.redirect(`/import-drafts/${id}`, 303);
  });

  app.get('/import-drafts/:id', async (c) => {
    const draft = await getImportDraft(c.var.deps.db, c.var.viewer, draftId(c));
    return c.html(importDraftPage(c.var.page, draft));
  });

  app.post('/import-drafts/:id/corrections', async (c) => {
    const { db } = c.var.deps;
    const body = await readFormBody(c);
    const id = draftId(c);
    // Who may not see the draft is refused before anything of the form is used.
    await getImportDraft(db, c.var.viewer, id);
    const block = field(body, 'block') ?? '';
    // Refused, the draft's page comes back with this block's form filled in (form-refusal.ts).
    const type = field(body, 'type') ?? '';
    await correctImportDraft(db, c.var.viewer, id, {
      type,
      block,
      kind: field(body, 'kind'),
      number: field(body, 'number'),
      at: field(body, 'at'),
      target: field(body, 'target'),
    }).catch((error: unknown) => {
      throw isPlenumError(error) ? correctionRefusal(c, error, type) : error;
    });
    return c.redirect(`/import-drafts/${id}#block-${encodeURIComponent(block)}`, 303);
  });

  app.post('/import-drafts/:id/publish', async (c) => {
    const { db } = c.var.deps;
    await readFormBody(c);
    const id = draftId(c);
    await getImportDraft(db, c.var.viewer, id);
    try {
      const report = await publishImportDraft(db, c.var.viewer, id);
      return c.redirect(
        documentHref(report.ids.document, report.version.seq, report.language),
        303,
      );
    } catch (error) {
      if (!shownOnForm(error)) throw error;
      return c.html(
        importDraftPage(c.var.page, await getImportDraft(db, c.var.viewer, id), {
          error: errorText(c.var.ui, error),
        }),
        error.status as 400,
      );
    }
  });

  app.post('/import-drafts/:id/discard', async (c) => {
    await readFormBody(c);
    const id = draftId(c);
    await getImportDraft(c.var.deps.db, c.var.viewer, id);
    const process = await discardImportDraft(c.var.deps.db, c.var.viewer, id);
    return c.redirect(`/processes/${process.slug}`, 303);
  });
}

/** The field of the correction form a refusal's reason concerns. */
const refusalFields: Record<string, string> = {
  kind: 'kind',
  number: 'number',
  words_not_found: 'at',
  offset_out_of_range: 'at',
  block_not_found: 'target',
};

/**
 * A refused correction told beside its field: why, in the reader's language when the reason is
 * one plenum names.
 */
function correctionRefusal(c: Context<AppEnv>, error: PlenumError, type: string): PlenumError {
  const refusals = c.var.ui.m.imports.refusals;
  if (error.code !== 'CORRECTION_INVALID' || !error.detail || !(error.detail in refusals))
    return error;
  const field =
    error.detail === 'block_not_found' && type !== 'link_footnote'
      ? ''
      : (refusalFields[error.detail] ?? '');
  return new PlenumError(error.code, error.detail, {
    fields: [
      {
        field,
        message: refusals[error.detail as keyof typeof refusals],
        lang: c.var.ui.lang,
      },
    ],
  });
}
