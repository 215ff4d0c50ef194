/**
 * Routes of importing: the upload form, an import draft's page, its corrections, publishing and
 * discarding, and the same actions in the JSON API (the file sent as base64 in a JSON body).
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
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
import { importReportSchema } from './imports.schema.ts';
import type { ImportDraft } from './import-drafts.service.ts';

const uploadPath = '/processes/:process/import-drafts';
const apiUploadPath = '/api/processes/:process/import-drafts';

/** The largest file the importer reads. */
const largestImport = Math.max(MAX_TEXT_BYTES, MAX_DOCX_BYTES, MAX_PDF_BYTES);

/** The largest upload: the largest file the importer reads, and a little for the other fields. */
export const importUploadBodyLimit = largestImport + 1024 * 1024;

/** The API upload's body limit: the largest file in base64 (four characters for three bytes). */
export const apiImportUploadBodyLimit = Math.ceil(largestImport / 3) * 4 + 1024 * 1024;

/** The upload form's body limit: a document file is larger than anything else but attachments. */
export const importDraftBodyLimits: RouteBodyLimit[] = [
  {
    method: 'POST',
    path: uploadPath,
    maxSize: importUploadBodyLimit,
    message: `A document to import may have ${largestImport / 1048576} MB at most.`,
  },
  {
    method: 'POST',
    path: apiUploadPath,
    maxSize: apiImportUploadBodyLimit,
    message: `A document to import may have ${largestImport / 1048576} MB at most (base64 in the JSON body: a third more).`,
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

/** Mounts the import pages and forms and registers their API routes. */
export function importDraftRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
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

  registerImportDraftApi(api);
}

const optionalTarget = (max: number, description: string) =>
  z.string().max(max).optional().describe(description);

/**
 * An upload through the API: the file's name and its bytes in base64, and where it goes, with the
 * upload form's fields. A new document: no symbol known to the process (or none). A new version of
 * a document: its symbol and a new version label. A new language of a version: its symbol, its
 * version label and the language.
 */
const apiUploadSchema = z
  .object({
    file: z.object({
      name: z
        .string()
        .min(1)
        .max(500)
        .describe(
          'The file name; its extension tells the format (.txt, .md, .docx, .pdf, .xml for Akoma Ntoso)',
        ),
      content: z
        .string()
        .min(1, 'The file is empty: there is nothing to import.')
        .max(apiImportUploadBodyLimit)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Send the file’s bytes in base64 (RFC 4648, section 4).')
        .describe(
          `The file's bytes in base64; at most ${largestImport / 1048576} MB decoded (text ${MAX_TEXT_BYTES / 1048576} MB, DOCX ${MAX_DOCX_BYTES / 1048576} MB, PDF ${MAX_PDF_BYTES / 1048576} MB)`,
        ),
    }),
    symbol: optionalTarget(200, 'The document’s symbol, e.g. A/AC.292/2025/CRP.1'),
    title: optionalTarget(500, 'The title of a new document'),
    language: optionalTarget(35, 'BCP 47 tag; detected when absent'),
    version: optionalTarget(100, 'Version label, e.g. "Rev.1"'),
    kind: optionalTarget(40, 'The kind of a new document'),
  })
  .meta({ id: 'ImportUpload' });

/** A block of an import draft, as the API shows it to be corrected. */
const draftBlockJson = z.object({
  key: z.string().describe('Names the block in a correction'),
  kind: z.string(),
  number: z.string().nullable(),
  address: z.string(),
  text: z.string(),
});

/** An open import draft as the API gives it: the parse to check and correct before publishing. */
const importDraftJson = z
  .object({
    id: z.string(),
    process: z.string().describe('Process slug'),
    format: z.string(),
    sourceName: z.string().nullable(),
    bytes: z.number().int(),
    sha256: z.string(),
    language: z.string(),
    createdAt: z.string(),
    target: z.object({
      symbol: z.string().nullable(),
      title: z.string().nullable(),
      version: z.string().nullable(),
      kind: z.string().nullable(),
    }),
    blocks: z.array(draftBlockJson),
    warnings: z.array(
      z.object({ code: z.string(), message: z.string(), line: z.number().nullable() }),
    ),
    corrections: z.number().int().describe('Corrections applied so far'),
    reapplied: z
      .number()
      .int()
      .describe('Corrections of an earlier import of the same file re-applied at the upload'),
    notReapplied: z.array(z.object({ type: z.string(), block: z.string(), reason: z.string() })),
  })
  .meta({ id: 'ImportDraft' });

function draftToJson(d: ImportDraft): z.input<typeof importDraftJson> {
  return {
    id: d.id,
    process: d.process.slug,
    format: d.format,
    sourceName: d.sourceName,
    bytes: d.bytes,
    sha256: d.sha256,
    language: d.language,
    createdAt: d.createdAt,
    target: {
      symbol: d.target.symbol ?? null,
      title: d.target.title ?? null,
      version: d.target.version ?? null,
      kind: d.target.kind ?? null,
    },
    blocks: d.result.blocks.map((b) => ({
      key: b.key,
      kind: b.kind,
      number: b.number,
      address: b.address,
      text: b.text,
    })),
    warnings: d.result.warnings,
    corrections: d.corrections.length,
    reapplied: d.reappliedCount,
    notReapplied: d.notReapplied,
  };
}

const draftRef = z.object({ id: z.uuid({ message: 'Import draft ids are UUIDs' }) });

/** The correction of a draft's block, as the draft page's forms send it. */
const apiCorrectionSchema = z
  .object({
    type: z.enum(['kind', 'number', 'join', 'split', 'link_footnote']),
    block: z.string().min(1).max(100).describe('The block’s key'),
    kind: z.string().max(40).optional().describe('kind: the block’s new kind'),
    number: z.string().max(40).optional().describe('number: the block’s number (empty: none)'),
    at: z
      .string()
      .max(1000)
      .optional()
      .describe(
        'split: the words the new block starts with, or an offset; link_footnote: the words the marker follows',
      ),
    target: z
      .string()
      .max(100)
      .optional()
      .describe('link_footnote: the address of the block that holds the marker ("para 12")'),
  })
  .meta({ id: 'ImportCorrection' });

/** The JSON API of import drafts: the same service calls as the upload form and the draft page. */
function registerImportDraftApi(api: ApiRegistry): void {
  api.post({
    path: apiUploadPath,
    summary:
      'Upload a file as a new document, a new version or a new language of a version: answers the draft to check, correct and publish',
    tag: 'documents',
    scope: 'secretariat',
    status: 201,
    params: z.object({ process: z.string().min(1).max(200).describe('Process id, slug or alias') }),
    body: apiUploadSchema,
    response: importDraftJson,
    errors: [
      'PROCESS_NOT_FOUND',
      'FORBIDDEN',
      'IMPORT_EMPTY',
      'IMPORT_TOO_LARGE',
      'IMPORT_BINARY',
      'IMPORT_INVALID_UTF8',
      'IMPORT_BAD_DOCX',
      'IMPORT_BAD_PDF',
      'IMPORT_BAD_AKN',
      'IMPORT_UNSUPPORTED_FORMAT',
      'IMPORT_NO_CONTENT',
      'IMPORT_TOO_MANY_BLOCKS',
      'IMPORT_DOCX_TOO_LARGE_UNPACKED',
      'IMPORT_PDF_ENCRYPTED',
      'IMPORT_PDF_NO_TEXT',
      'IMPORT_PDF_TOO_MANY_PAGES',
    ],
    handler: async (c, { params, body }) => {
      const { db } = c.var.deps;
      const process = await prepareImport(db, c.var.viewer, params.process);
      const bytes = new Uint8Array(Buffer.from(body.file.content, 'base64'));
      if (bytes.length === 0) throw new PlenumError('IMPORT_EMPTY');
      const { file, ...target } = body;
      const id = await createImportDraft(db, c.var.viewer, {
        process: process.id,
        bytes,
        fileName: file.name,
        target,
      });
      return draftToJson(await getImportDraft(db, c.var.viewer, id));
    },
  });

  api.get({
    path: '/api/import-drafts/:id',
    summary:
      'An open import draft: its blocks as parsed and corrected, its warnings (the secretariat)',
    tag: 'documents',
    params: draftRef,
    response: importDraftJson,
    errors: ['IMPORT_DRAFT_NOT_FOUND'],
    handler: async (c, { params }) =>
      draftToJson(await getImportDraft(c.var.deps.db, c.var.viewer, params.id.toLowerCase())),
  });

  api.post({
    path: '/api/import-drafts/:id/corrections',
    summary:
      'Correct a block of an import draft: its kind or number, join it to the next, split it, link a footnote',
    tag: 'documents',
    scope: 'secretariat',
    params: draftRef,
    body: apiCorrectionSchema,
    response: importDraftJson,
    errors: ['IMPORT_DRAFT_NOT_FOUND', 'CORRECTION_INVALID'],
    handler: async (c, { params, body }) => {
      const { db } = c.var.deps;
      const id = params.id.toLowerCase();
      await correctImportDraft(db, c.var.viewer, id, body);
      return draftToJson(await getImportDraft(db, c.var.viewer, id));
    },
  });

  api.post({
    path: '/api/import-drafts/:id/publish',
    summary: 'Store an import draft as its language version: answers the import report',
    tag: 'documents',
    scope: 'secretariat',
    status: 201,
    params: draftRef,
    body: z.object({}),
    response: importReportSchema,
    errors: ['IMPORT_DRAFT_NOT_FOUND', 'IMPORT_CONFLICT'],
    handler: async (c, { params }) =>
      publishImportDraft(c.var.deps.db, c.var.viewer, params.id.toLowerCase()),
  });

  api.post({
    path: '/api/import-drafts/:id/discard',
    summary: 'Discard an import draft: nothing of it is published',
    tag: 'documents',
    scope: 'secretariat',
    params: draftRef,
    body: z.object({}),
    response: z.object({ discarded: z.string() }),
    errors: ['IMPORT_DRAFT_NOT_FOUND'],
    handler: async (c, { params }) => {
      const id = params.id.toLowerCase();
      await discardImportDraft(c.var.deps.db, c.var.viewer, id);
      return { discarded: id };
    },
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
