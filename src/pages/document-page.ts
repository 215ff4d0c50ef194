/**
 * The document page: the text as the documents feature draws it, with the comments of each
 * paragraph and their filters (submissions) and the notice of an open period (consultations).
 */
import type { Context, Hono } from 'hono';
import { clockOf, type AppEnv } from '../context.ts';
import { getPeriodsOfDocument } from '../consultations/consultations.service.ts';
import { openPeriodNotice } from '../consultations/consultations.views.ts';
import { readDocumentAtAddress, type DocumentReading } from '../documents/documents.service.ts';
import { documentPage } from '../documents/documents.views.ts';
import { getOrganisations } from '../organisations/organisations.service.ts';
import { canActAsSecretariat } from '../processes/processes.policy.ts';
import { filterQuery } from '../submissions/submissions.schema.ts';
import {
  getCommentCounts,
  getPublishedSubmissions,
  resolveFilters,
} from '../submissions/submissions.service.ts';
import {
  documentCommentFilters,
  paragraphComments,
  type CommentLayer,
} from '../submissions/submissions.views.ts';
import { documentHref } from '../web/links.ts';

/** The comments a document page shows: counts per paragraph, one paragraph opened, open periods. */
async function commentLayer(c: Context<AppEnv>, reading: DocumentReading): Promise<CommentLayer> {
  const { db } = c.var.deps;
  const now = clockOf(c.var.deps);
  const { filters, query } = filterQuery((key) => c.req.query(key));
  const resolved = await resolveFilters(db, filters);
  const periods = (await getPeriodsOfDocument(db, c.var.viewer, reading.document, now)).filter(
    (p) => p.versionId === reading.version.id,
  );
  const openAddress = c.req.query('comments');
  const before = c.req.query('before');
  const opened = openAddress && openAddress.length < 100;
  const paragraph = { versionId: reading.version.id, address: openAddress ?? '' };
  const [counts, organisations, open, apart] = await Promise.all([
    getCommentCounts(db, reading.version.id, resolved),
    getOrganisations(db),
    opened
      ? getPublishedSubmissions(
          db,
          paragraph,
          { ...resolved, claims: 'verified' },
          { limit: 20, ...(before && /^[0-9a-f-]{36}$/i.test(before) ? { before } : {}) },
        )
      : undefined,
    // Who says they speak for a State without being verified is listed apart.
    opened
      ? getPublishedSubmissions(db, paragraph, { ...resolved, claims: 'unverified' }, { limit: 20 })
      : undefined,
  ]);
  const openPeriod = periods.find((p) => p.state === 'open' || p.state === 'extended');
  return {
    here: documentHref(reading.document.id, reading.version.seq, reading.languageVersion.language),
    counts,
    periods,
    filterQuery: query,
    filters,
    organisations,
    versionId: reading.version.id,
    versionLabels: new Map(reading.document.versions.map((v) => [v.id, v.label])),
    contentLanguage: reading.languageVersion.language,
    ...(openPeriod ? { openPeriod } : {}),
    ...(open && openAddress
      ? { open: { address: openAddress, ...open, apart: apart?.submissions ?? [] } }
      : {}),
  };
}

/** Mounts the document page at /documents/:id[/v/:seq[/:lang]]. */
export function mountDocumentPage(app: Hono<AppEnv>): void {
  const show = async (c: Context<AppEnv>): Promise<Response> => {
    const ctx = c.var.page;
    const reading = await readDocumentAtAddress(
      c.var.deps.db,
      { id: c.req.param('id') ?? '', seq: c.req.param('seq'), lang: c.req.param('lang') },
      c.var.viewer,
    );
    const comments = await commentLayer(c, reading);
    return c.html(
      documentPage(ctx, reading, {
        notices: comments.openPeriod ? [openPeriodNotice(ctx, comments.openPeriod)] : [],
        beforeText: documentCommentFilters(ctx, comments),
        underParagraph: (block, anchor) => paragraphComments(ctx, comments, block, anchor),
        quotable: comments.openPeriod !== undefined,
        canPublish: canActAsSecretariat(c.var.viewer, reading.process.id),
      }),
    );
  };
  app.get('/documents/:id', show);
  app.get('/documents/:id/v/:seq', show);
  app.get('/documents/:id/v/:seq/:lang', show);
}
