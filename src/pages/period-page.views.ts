/** The frame of a comment period's page: the period's head, its charts, then its submissions. */
import { html } from 'hono/html';
import type { PeriodContext } from '../consultations/consultations.service.ts';
import { regionalGroupName, regionalGroups } from '../organisations/countries.ts';
import { stakeholderGroups } from '../organisations/organisations.schema.ts';
import type { PeriodTimeline } from '../submissions/submissions.service.ts';
import { stackedColumns } from '../web/charts.ts';
import { fill } from '../web/i18n.ts';
import { page, type Markup } from '../web/layout.ts';
import type { PageContext } from '../web/page-context.ts';
import { contentString } from '../web/view-parts.ts';

/**
 * The charts of a period: published submissions by week and stakeholder group, and governments'
 * by week and regional group; nothing while none is published.
 */
export function periodCharts(ctx: PageContext, timeline: PeriodTimeline): Markup {
  const { ui } = ctx;
  const m = ui.m.home;
  if (timeline.total === 0 || timeline.weeks.length === 0) return '';
  const buckets = timeline.weeks.map((w) => ({ key: w, label: ui.date(w) }));
  const describe = (n: number): string =>
    fill(m.chartDescription, {
      n: ui.n(n),
      from: ui.date(timeline.weeks[0]!),
      to: ui.date(timeline.weeks.at(-1)!),
    });
  const texts = { bucketColumn: m.weekOf, total: m.total, table: m.chartTable };
  const governments = [...timeline.byRegion.values()].reduce(
    (sum, counts) => sum + [...counts.values()].reduce((a, b) => a + b, 0),
    0,
  );
  const groups = ui.m.organisations.groups as Record<string, string>;
  const byGroup = [...timeline.byGroup.keys()]
    .toSorted(
      (a, b) =>
        stakeholderGroups.indexOf(a as never) - stakeholderGroups.indexOf(b as never) ||
        a.localeCompare(b),
    )
    .map((g) => ({ key: g, label: groups[g] ?? g, counts: timeline.byGroup.get(g)! }));
  const byRegion = [...timeline.byRegion.keys()]
    .toSorted(
      (a, b) =>
        (a === '' ? 99 : regionalGroups.indexOf(a as never)) -
        (b === '' ? 99 : regionalGroups.indexOf(b as never)),
    )
    .map((r) => ({
      key: r,
      label: r === '' ? m.noRegion : regionalGroupName(r as never, ui.lang),
      counts: timeline.byRegion.get(r)!,
    }));
  return html`<section aria-labelledby="period-charts">
    <h2 id="period-charts">${m.submissionsTitle}</h2>
    ${stackedColumns(
      ui,
      { buckets, series: byGroup },
      { caption: m.byGroup, description: describe(timeline.total), ...texts },
    )}
    ${
      byRegion.length > 0
        ? stackedColumns(
            ui,
            { buckets, series: byRegion },
            { caption: m.byRegion, description: describe(governments), ...texts },
          )
        : ''
    }
  </section>`;
}

/** The page of a comment period: what it is about, its state, its charts and what was submitted. */
export function periodPage(
  ctx: PageContext,
  { period, process }: PeriodContext,
  sections: { details: Markup; charts: Markup; submissions: Markup },
): Markup {
  const { ui } = ctx;
  const m = ui.m.consultations;
  const here = `/consultations/${period.id}`;
  const title = contentString(ctx, { type: 'period', id: period.id, field: 'title' }, period.title);
  const main = html`${sections.details}
    ${sections.charts}
    ${sections.submissions}`;
  return page(ctx, {
    title,
    main,
    crumbs: [
      { label: ui.m.site.processes, href: '/' },
      { label: process.shortName ?? process.name, href: `/processes/${process.slug}` },
      { label: title },
    ],
    links: html`<link rel="alternate" type="application/atom+xml" href="${here}/feed.atom" title="${m.feed}" />`,
  });
}
