/**
 * The stance map as SVG: one row per actor (grouped by stakeholder group, then UN regional
 * group), time across, one mark per recorded stance. Each stance has its own shape as well as its
 * colour, so the chart reads in black and white and for colour-blind readers; every mark has a
 * <title>; the table beside it carries the same facts for screen readers. In a right-to-left
 * interface time runs from right to left and the names stand on the right; the drawing itself is
 * laid out left to right (direction="ltr"), so its anchors mean the same in both.
 */
import { raw } from 'hono/html';
import { stakeholderGroups } from '../organisations/organisations.schema.ts';
import type { Markup } from '../web/layout.ts';
import type { Stance, StanceKind } from './stances.schema.ts';

/** Colour of each stance (WCAG AA against white). */
export const stanceColours: Record<StanceKind, string> = {
  supports: '#1a7f37',
  opposes: '#b42318',
  conditional: '#8a5a00',
  neutral: '#57606a',
};

/** One actor's row: its label and stances. */
export interface ChartRow {
  key: string;
  label: string;
  group: string;
  stances: Stance[];
}

const escapeXml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The mark of a stance at (x, y): filled disc, cross, diamond or ring. */
export function stanceMark(kind: StanceKind, x: number, y: number, r = 6): string {
  const colour = stanceColours[kind];
  switch (kind) {
    case 'supports':
      return `<circle cx="${x}" cy="${y}" r="${r}" fill="${colour}"/>`;
    case 'opposes':
      return `<path d="M${x - r} ${y - r}L${x + r} ${y + r}M${x - r} ${y + r}L${x + r} ${y - r}" stroke="${colour}" stroke-width="3"/>`;
    case 'conditional':
      return `<path d="M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z" fill="${colour}"/>`;
    case 'neutral':
      return `<circle cx="${x}" cy="${y}" r="${r - 1}" fill="#fff" stroke="${colour}" stroke-width="2.5"/>`;
  }
}

/**
 * A label broken at spaces into lines of at most `width` characters, at most `max` lines (the
 * last one ending in "…" only when even that is not enough); a word longer than a line is cut.
 */
export function wrapLabel(label: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= width || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const kept = lines.slice(0, max).map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  if (lines.length > max) kept[max - 1] = `${kept[max - 1]!.slice(0, width - 1)}…`;
  return kept;
}

function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/**
 * The SVG of the rows. `texts` gives the words (title, legend, mark titles) in the reader's
 * language; `formatDate` formats the axis dates.
 */
export function stanceChart(
  rows: ChartRow[],
  options: {
    rtl: boolean;
    title: string;
    description: string;
    legend: Record<StanceKind, string>;
    markTitle: (row: ChartRow, stance: Stance) => string;
    formatDate: (date: string) => string;
    groupLabel: (group: string) => string;
  },
): Markup {
  const stances = rows.flatMap((r) => r.stances);
  if (stances.length === 0) return '';
  const width = 760;
  const labelWidth = 230;
  const rowHeight = 24;
  const top = 34;
  const plotStart = labelWidth + 16;
  const plotEnd = width - 20;
  const days = stances.map((s) => dayOf(s.saidOn));
  let first = Math.min(...days);
  let last = Math.max(...days);
  if (last - first < 60) {
    first -= 30;
    last += 30;
  }
  const xAt = (day: number): number => {
    const x = plotStart + ((day - first) / (last - first)) * (plotEnd - plotStart);
    return options.rtl ? width - x : x;
  };
  const labelX = options.rtl ? width - labelWidth : labelWidth;
  const anchor = 'end';
  // Group headings take a row of their own.
  const lines: string[] = [];
  let y = top;
  let group = '';
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      y += 6;
      lines.push(
        `<text x="${options.rtl ? width - 4 : 4}" y="${y + 12}" font-weight="bold" font-size="13" text-anchor="${options.rtl ? 'end' : 'start'}">${escapeXml(options.groupLabel(group))}</text>`,
      );
      y += rowHeight;
    }
    // A long name takes two or three lines rather than being cut; the row grows with it.
    const nameLines = wrapLabel(row.label, 30, 3);
    const height = Math.max(rowHeight, nameLines.length * 15 + 9);
    const middle = y + height / 2;
    const firstLine = middle + 4 - ((nameLines.length - 1) * 15) / 2;
    lines.push(
      `<line x1="${xAt(first)}" x2="${xAt(last)}" y1="${middle}" y2="${middle}" stroke="#d0d7de"/>`,
      `<text x="${labelX}" y="${firstLine}" font-size="13" text-anchor="${options.rtl ? 'start' : anchor}"><title>${escapeXml(row.label)}</title>${nameLines
        .map(
          (line, i) =>
            `<tspan x="${labelX}" ${i === 0 ? '' : 'dy="15"'}>${escapeXml(line)}</tspan>`,
        )
        .join('')}</text>`,
    );
    // Marks of the same day stand side by side, centred on the day, instead of on top of each other.
    const sameDay = new Map<number, number>();
    for (const stance of row.stances) {
      const day = dayOf(stance.saidOn);
      sameDay.set(day, (sameDay.get(day) ?? 0) + 1);
    }
    const placed = new Map<number, number>();
    for (const stance of row.stances) {
      const day = dayOf(stance.saidOn);
      const count = sameDay.get(day)!;
      const index = placed.get(day) ?? 0;
      placed.set(day, index + 1);
      const dx = (index - (count - 1) / 2) * 14 * (options.rtl ? -1 : 1);
      lines.push(
        `<g><title>${escapeXml(options.markTitle(row, stance))}</title>${stanceMark(stance.stance, xAt(day) + dx, middle)}</g>`,
      );
    }
    y += height;
  }
  // The time axis: the first and last dates and two between; the outer labels stay inside.
  const ticks = [0, 1 / 3, 2 / 3, 1].map((f) => Math.round(first + f * (last - first)));
  const axis = ticks.map((day, i) => {
    const x = xAt(day);
    const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    const outer = i === 0 ? 'first' : i === ticks.length - 1 ? 'last' : 'middle';
    const towardStart = (outer === 'first') !== options.rtl;
    const textAnchor = outer === 'middle' ? 'middle' : towardStart ? 'start' : 'end';
    return `<line x1="${x}" x2="${x}" y1="${top - 6}" y2="${y}" stroke="#eaeef2"/><text x="${x}" y="${top - 12}" font-size="12" text-anchor="${textAnchor}">${escapeXml(options.formatDate(date))}</text>`;
  });
  // The legend under the plot, each entry as wide as its words.
  const legendY = y + 22;
  const kinds = Object.keys(options.legend) as StanceKind[];
  let offset = 0;
  const legend = kinds.map((kind) => {
    const label = options.legend[kind];
    const x0 = options.rtl ? width - plotStart - offset : plotStart + offset;
    const tx = options.rtl ? x0 - 12 : x0 + 12;
    // About 7 units per character at 13 px, and a gap before the next entry.
    offset += 12 + label.length * 7.2 + 28;
    return `${stanceMark(kind, x0, legendY)}<text x="${tx}" y="${legendY + 4}" font-size="13" text-anchor="${options.rtl ? 'end' : 'start'}">${escapeXml(label)}</text>`;
  });
  const height = legendY + 18;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" direction="ltr" role="img" aria-labelledby="stance-map-title stance-map-desc" font-family="system-ui, sans-serif" class="stance-map"><title id="stance-map-title">${escapeXml(options.title)}</title><desc id="stance-map-desc">${escapeXml(options.description)}</desc>${axis.join('')}${lines.join('')}${legend.join('')}</svg>`;
  // Every text in it went through escapeXml above.
  return raw(svg);
}

/** Rows for the chart: one per actor, ordered by stakeholder group, regional group and name. */
export function chartRows(stances: Stance[], labelOf: (stance: Stance) => string): ChartRow[] {
  const rows = new Map<string, ChartRow>();
  for (const stance of stances) {
    const key = stance.actor.organisationId ?? `state:${stance.actor.country}`;
    let row = rows.get(key);
    if (!row) {
      row = { key, label: labelOf(stance), group: stance.actor.stakeholderGroup, stances: [] };
      rows.set(key, row);
    }
    row.stances.push(stance);
  }
  const order = (g: string): number => stakeholderGroups.indexOf(g as never);
  const regionOf = (row: ChartRow): string => row.stances[0]!.actor.regionalGroup ?? '~';
  return [...rows.values()].toSorted(
    (a, b) =>
      order(a.group) - order(b.group) ||
      regionOf(a).localeCompare(regionOf(b)) ||
      a.label.localeCompare(b.label),
  );
}
