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
  getPublishedWithClaimsApart,
  resolveFilters,
} from '../submissions/submissions.service.ts';
import {
  documentCommentFilters,
  paragraphComments,
  type CommentLayer,
} from '../submissions/submissions.views.ts';
import { html } from 'hono/html';
import { anchorsFor } from '../documents/anchors.ts';
import { getContentTranslations } from '../processes/translations.service.ts';
import { heatStrip } from '../web/charts.ts';
import { fill, localAddress } from '../web/i18n.ts';
import { sectionHeadings } from '../documents/blocks.ts';
import type { Markup } from '../web/layout.ts';
import { documentHref } from '../web/links.ts';
import type { PageContext } from '../web/page-context.ts';

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
  const [counts, organisations, lists] = await Promise.all([
    getCommentCounts(db, reading.version.id, resolved),
    getOrganisations(db),
    // Who says they speak for a State without being verified is listed apart.
    opened
      ? getPublishedWithClaimsApart(
          db,
          paragraph,
          resolved,
          { limit: 20, ...(before && /^[0-9a-f-]{36}$/i.test(before) ? { before } : {}) },
          20,
        )
      : undefined,
  ]);
  const open = lists?.listed;
  const apart = lists?.apart;
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
    headings: sectionHeadings(reading.blocks),
    ...(openPeriod ? { openPeriod } : {}),
    ...(open && openAddress ? { open: { address: openAddress, ...open, apart: apart ?? [] } } : {}),
  };
}

/**
 * Comments per paragraph as a heat strip above the text: one cell per numbered paragraph, darker
 * with more comments (made on this version or carried from an earlier one); nothing without any.
 */
function commentHeatStrip(ctx: PageContext, reading: DocumentReading, layer: CommentLayer): Markup {
  const { ui } = ctx;
  const anchors = anchorsFor(reading.blocks.map((b) => b.address));
  const headings = sectionHeadings(reading.blocks);
  const cells = reading.blocks.flatMap((b, i) => {
    if (b.kind !== 'paragraph' || b.number === null || b.matter !== null) return [];
    const count = layer.counts.get(b.address);
    return [
      {
        label: localAddress(ui, b.address, headings),
        href: `#${anchors[i]!}`,
        count: count ? count.direct + count.carried : 0,
      },
    ];
  });
  const max = Math.max(0, ...cells.map((c) => c.count));
  if (cells.length < 2 || max === 0) return '';
  const m = ui.m.home;
  return heatStrip(ui, cells, {
    caption: m.heatTitle,
    description: fill(m.heatDescription, { max: ui.n(max) }),
    itemColumn: m.paragraph,
    countColumn: m.comments,
    table: m.chartTable,
  });
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
    const [comments, translations] = await Promise.all([
      commentLayer(c, reading),
      getContentTranslations(
        c.var.deps.db,
        reading.document.versions.map((v) => ({ type: 'version' as const, id: v.id })),
        ctx.ui.lang,
      ),
    ]);
    const tctx = { ...ctx, translations };
    return c.html(
      documentPage(tctx, reading, {
        notices: comments.openPeriod ? [openPeriodNotice(tctx, comments.openPeriod)] : [],
        beforeText: html`${commentHeatStrip(tctx, reading, comments)}${documentCommentFilters(tctx, comments)}`,
        underParagraph: (block, anchor) => paragraphComments(tctx, comments, block, anchor),
        quotable: comments.openPeriod !== undefined,
        canPublish: canActAsSecretariat(c.var.viewer, reading.process.id),
      }),
    );
  };
  app.get('/documents/:id', show);
  app.get('/documents/:id/v/:seq', show);
  app.get('/documents/:id/v/:seq/:lang', show);
}
