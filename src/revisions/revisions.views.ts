/** HTML of the comparison of two versions: paragraph beside paragraph, word-level changes, carried comments. */
import { html } from 'hono/html';
import type { Block } from '../documents/documents.schema.ts';
import { diffWords } from './word-diff.ts';
import type { PageContext } from '../web/page-context.ts';
import { fill, localAddress } from '../web/i18n.ts';
import { directionOf, page, type Markup } from '../web/layout.ts';
import type { Comparison, ComparisonRow } from './revisions.service.ts';
import { documentHref } from '../web/links.ts';
import { contentString } from '../web/view-parts.ts';

function label(ui: PageContext['ui'], block: Block): string {
  return localAddress(ui, block.address);
}

function diffMarkup(
  ctx: PageContext,
  before: string,
  after: string,
  language: string,
  side: 'from' | 'to',
): Markup {
  const m = ctx.ui.m.compare;
  const parts = diffWords(before, after, language);
  return html`${parts.map((p) => {
    if (p.op === 'equal') return html`${p.text}`;
    if (p.op === 'delete')
      return side === 'from' ? html`<del aria-label="${m.removed}">${p.text}</del>` : '';
    return side === 'to' ? html`<ins aria-label="${m.inserted}">${p.text}</ins>` : '';
  })}`;
}

function row(
  ctx: PageContext,
  r: ComparisonRow,
  language: string,
  dir: string,
  documentId: string,
  toSeq: number,
  heads: readonly [string, string, string, string],
): Markup {
  const { ui } = ctx;
  const m = ui.m.compare;
  const { link } = r;
  const fromText = r.from.map((b) => b.text).join('\n');
  const toText = r.to.map((b) => b.text).join('\n');
  const tags = [m[link.change]];
  if (link.renumbered) tags.push(m.renumbered);
  if (link.moved) tags.push(m.moved);
  const side = (blocks: Block[], which: 'from' | 'to') =>
    blocks.length === 0
      ? html`<td class="empty" data-label="${heads[which === 'from' ? 0 : 1]}">—</td>`
      : html`<td lang="${language}" dir="${dir}" data-label="${heads[which === 'from' ? 0 : 1]}">${blocks.map(
          (b, i) =>
            html`${i > 0 ? html`<br />` : ''}<strong><bdi>${label(ctx.ui, b)}</bdi></strong> ${
              link.change === 'unchanged' || link.change === 'new' || link.change === 'deleted'
                ? b.text
                : which === 'from'
                  ? diffMarkup(ctx, fromText, toText, language, 'from')
                  : diffMarkup(ctx, fromText, toText, language, 'to')
            }`,
        )}</td>`;
  const anchor = r.to[0] ? `to-${r.to[0].id}` : `from-${r.from[0]?.id ?? ''}`;
  return html`<tr id="${anchor}" class="change-${link.change}">
    ${side(r.from, 'from')}${side(r.to, 'to')}
    <td data-label="${heads[2]}">${tags.join(', ')}</td>
    <td data-label="${heads[3]}">${
      r.commentsBefore > 0 || r.commentsCarried > 0
        ? html`${ui.plural(ui.m.documents.comments, r.commentsBefore)}${
            r.to[0] && r.commentsCarried > 0
              ? html` → <a href="${documentHref(documentId, toSeq, language)}?comments=${encodeURIComponent(r.to[0].address)}#${r.to[0].address
                  .replace(/[^A-Za-z0-9]+/g, '-')
                  .replace(/^-|-$/g, '')
                  .toLowerCase()}">${ui.plural(ui.m.documents.previousComments, r.commentsCarried)}</a>`
              : ''
          }`
        : ''
    }</td>
  </tr>`;
}

/** The comparison page. */
export function comparisonPage(ctx: PageContext, c: Comparison): Markup {
  const { ui } = ctx;
  const m = ui.m.compare;
  const dir = directionOf(c.language);
  const counts = new Map<string, number>();
  for (const r of c.rows) counts.set(r.link.change, (counts.get(r.link.change) ?? 0) + 1);
  const renumbered = c.rows.filter((r) => r.link.renumbered).length;
  const moved = c.rows.filter((r) => r.link.moved).length;
  // Version labels and the process's name in the reader's language where the secretariat gave them.
  const from = contentString(ctx, { type: 'version', id: c.from.id, field: 'label' }, c.from.label);
  const to = contentString(ctx, { type: 'version', id: c.to.id, field: 'label' }, c.to.label);
  const title = fill(m.title, { from, to });
  // The columns' headings, repeated on each cell for a phone, where the rows are stacked.
  const heads = [
    fill(m.from, { label: from }),
    fill(m.to, { label: to }),
    m.change,
    ui.m.documents.commentsTitle,
  ] as const;
  const main = html`<p class="meta">${c.document.symbol ?? ''} · ${c.document.title}</p>
    <h1>${title}</h1>
    <p>${fill(m.intro, { from, to })}</p>
    <h2>${m.summary}</h2>
    <ul class="plain summary">
      ${(['unchanged', 'changed', 'split', 'merged', 'new', 'deleted'] as const).map((k) => html`<li>${m[k]}: ${ui.n(counts.get(k) ?? 0)}</li>`)}
      <li>${m.renumbered}: ${ui.n(renumbered)}</li>
      <li>${m.moved}: ${ui.n(moved)}</li>
    </ul>
    <h2>${fill(m.orphans, { to })}</h2>
    ${
      c.orphans.length === 0
        ? html`<p>${fill(m.orphansNone, { from, to })}</p>`
        : html`<p>${m.orphanExplain}</p>
          <ul class="orphans">${c.orphans.map(
            (o) =>
              html`<li><a href="/submissions/${o.submissionId}">${o.fromAddress}</a>${o.exact ? html`: ${ui.m.translations.quoteOpen}<bdi>${o.exact}</bdi>${ui.m.translations.quoteClose}` : ''}${o.address ? html` (→ ${o.address})` : ''}</li>`,
          )}</ul>`
    }
    <section class="table-scroll" tabindex="0" aria-label="${title}"><table class="compare">
      <caption>${title}</caption>
      <thead><tr>
        <th scope="col">${heads[0]}</th>
        <th scope="col">${heads[1]}</th>
        <th scope="col">${heads[2]}</th>
        <th scope="col">${heads[3]}</th>
      </tr></thead>
      <tbody>${c.rows.filter((r) => r.from.some((b) => b.kind !== 'footnote') || r.to.some((b) => b.kind !== 'footnote')).map((r) => row(ctx, r, c.language, dir, c.document.id, c.to.seq, heads))}</tbody>
    </table></section>`;
  return page(ctx, {
    title,
    main,
    crumbs: [
      { label: ui.m.site.processes, href: '/' },
      {
        label:
          c.process.shortName ??
          contentString(ctx, { type: 'process', id: c.process.id, field: 'name' }, c.process.name),
        href: `/processes/${c.process.slug}`,
      },
      {
        label: c.document.symbol ?? c.document.title,
        href: documentHref(c.document.id, c.to.seq, c.language),
      },
      { label: title },
    ],
  });
}
