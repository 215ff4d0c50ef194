/**
 * Small charts drawn on the server as SVG: readable without script, each with the same figures
 * in a table for screen readers (the drawing itself is aria-hidden). Two shapes: stacked columns
 * over time (submissions by week and group) and a heat strip (comments per paragraph).
 */
import { html, raw } from 'hono/html';
import type { Markup } from './layout.ts';
import type { Ui } from './i18n.ts';

const escapeXml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * Colours for up to eight series, told apart also by their order in the stack and the legend
 * (Okabe–Ito, darkened where needed for contrast against white).
 */
const palette = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#8a6d00',
  '#56b4e9',
  '#333333',
  '#e69f00',
];

/** Figures of a stacked column chart: one column per bucket, one series per group. */
export interface StackedSeries {
  /** The buckets in time order, each with its label (a formatted date). */
  buckets: { key: string; label: string }[];
  /** The groups in stacking order, each with its label and count per bucket key. */
  series: { key: string; label: string; counts: Map<string, number> }[];
}

/**
 * A stacked column chart with its legend and, behind it, the table of its figures
 * (<details> open to everyone, read by screen readers in place of the drawing).
 */
export function stackedColumns(
  ui: Ui,
  data: StackedSeries,
  texts: {
    caption: string;
    description: string;
    bucketColumn: string;
    total: string;
    table: string;
  },
): Markup {
  const width = 640;
  const height = 200;
  const left = 40;
  const bottom = 24;
  const top = 8;
  const plotWidth = width - left - 8;
  const plotHeight = height - top - bottom;
  const totals = data.buckets.map((b) =>
    data.series.reduce((sum, s) => sum + (s.counts.get(b.key) ?? 0), 0),
  );
  const max = Math.max(1, ...totals);
  const step = plotWidth / Math.max(1, data.buckets.length);
  const barWidth = Math.max(2, Math.min(40, step * 0.7));
  const rtl = ui.dir === 'rtl';
  // Time runs the way the reader reads.
  const xOf = (i: number): number => {
    const x = left + i * step + (step - barWidth) / 2;
    return rtl ? width - x - barWidth + left - 8 : x;
  };
  const parts: string[] = [];
  parts.push(
    `<line x1="${left}" x2="${width - 8}" y1="${top + plotHeight}" y2="${top + plotHeight}" stroke="#57606a"/>`,
    `<text x="${left - 4}" y="${top + 10}" font-size="11" text-anchor="end">${ui.n(max)}</text>`,
    `<text x="${left - 4}" y="${top + plotHeight}" font-size="11" text-anchor="end">0</text>`,
  );
  data.buckets.forEach((bucket, i) => {
    let y = top + plotHeight;
    data.series.forEach((s, k) => {
      const n = s.counts.get(bucket.key) ?? 0;
      if (n === 0) return;
      const h = (n / max) * plotHeight;
      y -= h;
      parts.push(
        `<rect x="${xOf(i).toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${palette[k % palette.length]}"/>`,
      );
    });
  });
  // The first and last buckets' labels, kept inside the drawing.
  const labelled = data.buckets.length > 1 ? [0, data.buckets.length - 1] : [0];
  for (const i of labelled) {
    const bucket = data.buckets[i];
    if (!bucket) continue;
    const x = xOf(i) + barWidth / 2;
    const outer = (i === 0) !== rtl ? 'start' : 'end';
    parts.push(
      `<text x="${x.toFixed(1)}" y="${height - 6}" font-size="11" text-anchor="${outer}">${escapeXml(bucket.label)}</text>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" direction="ltr" aria-hidden="true" focusable="false" font-family="system-ui, sans-serif" class="chart">${parts.join('')}</svg>`;
  return html`<figure class="chart">
    <figcaption>${texts.caption}</figcaption>
    ${raw(svg)}
    <ul class="legend">
      ${data.series.map(
        (s, k) =>
          html`<li>${raw(`<svg width="12" height="12" aria-hidden="true" focusable="false"><rect width="12" height="12" fill="${palette[k % palette.length]}"/></svg>`)} ${s.label}</li>`,
      )}
    </ul>
    <p class="meta">${texts.description}</p>
    <details>
      <summary>${texts.table}</summary>
      <section class="table-scroll" tabindex="0" aria-label="${texts.caption}">
        <table>
          <caption class="visually-hidden">${texts.caption}</caption>
          <thead>
            <tr>
              <th scope="col">${texts.bucketColumn}</th>
              ${data.series.map((s) => html`<th scope="col">${s.label}</th>`)}
              <th scope="col">${texts.total}</th>
            </tr>
          </thead>
          <tbody>
            ${data.buckets.map(
              (b, i) =>
                html`<tr>
                  <th scope="row">${b.label}</th>
                  ${data.series.map((s) => html`<td>${ui.n(s.counts.get(b.key) ?? 0)}</td>`)}
                  <td>${ui.n(totals[i]!)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
    </details>
  </figure>`;
}

/**
 * A heat strip: one cell per item (paragraph) in the order of the text, darker the higher its
 * count, drawn as SVG (no inline style: the pages' security policy allows none); the table of the
 * items with comments, each a link to it, behind it for screen readers and for everyone.
 */
export function heatStrip(
  ui: Ui,
  cells: { label: string; href: string; count: number }[],
  texts: {
    caption: string;
    description: string;
    itemColumn: string;
    countColumn: string;
    table: string;
  },
): Markup {
  const max = Math.max(1, ...cells.map((c) => c.count));
  const shade = (n: number): string => {
    if (n === 0) return '#eef1f4';
    // From a light to a dark blue, by the square root so that a few comments still show.
    const t = Math.sqrt(n / max);
    const mix = (a: number, b: number): number => Math.round(a + (b - a) * t);
    return `rgb(${mix(198, 8)},${mix(219, 48)},${mix(239, 107)})`;
  };
  const width = 640;
  const height = 28;
  const step = width / Math.max(1, cells.length);
  const rtl = ui.dir === 'rtl';
  const rects = cells.map((c, i) => {
    const x = rtl ? width - (i + 1) * step : i * step;
    return `<rect x="${x.toFixed(2)}" y="0" width="${Math.max(step - (step > 4 ? 1 : 0), 0.5).toFixed(2)}" height="${height}" fill="${shade(c.count)}"><title>${escapeXml(`${c.label}: ${ui.n(c.count)}`)}</title></rect>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" height="${height}" preserveAspectRatio="none" direction="ltr" aria-hidden="true" focusable="false" class="heat">${rects.join('')}</svg>`;
  const withComments = cells.filter((c) => c.count > 0);
  return html`<figure class="chart heat-strip">
    <figcaption>${texts.caption}</figcaption>
    ${raw(svg)}
    <p class="meta">${texts.description}</p>
    <details>
      <summary>${texts.table}</summary>
      <table>
        <caption class="visually-hidden">${texts.caption}</caption>
        <thead>
          <tr>
            <th scope="col">${texts.itemColumn}</th>
            <th scope="col">${texts.countColumn}</th>
          </tr>
        </thead>
        <tbody>
          ${withComments.map(
            (c) =>
              html`<tr>
                <th scope="row"><a href="${c.href}">${c.label}</a></th>
                <td>${ui.n(c.count)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </figure>`;
}
