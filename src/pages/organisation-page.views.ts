/** HTML of an organisation's page: its own details, then everything it submitted or co-signed. */
import { html } from 'hono/html';
import type { Organisation } from '../organisations/organisations.schema.ts';
import { organisationDetails } from '../organisations/organisations.views.ts';
import type { Representative } from '../organisations/organisations.service.ts';
import type { Submission } from '../submissions/submissions.schema.ts';
import { submissionItem } from '../submissions/submissions.views.ts';
import type { PageContext } from '../web/page-context.ts';
import { page, type Markup } from '../web/layout.ts';

/** An organisation and everything it submitted or co-signed, across processes. */
export function organisationPage(
  ctx: PageContext,
  organisation: Organisation,
  data: {
    submissions: Submission[];
    next: string | null;
    canVerify: boolean;
    canAddRepresentative: boolean;
    representatives?: Representative[];
    error?: Markup;
    values?: Record<string, string>;
  },
): Markup {
  const { ui } = ctx;
  const m = ui.m.organisations;
  const main = html`${organisationDetails(ctx, organisation, data)}
    <h2>${m.submissions}</h2>
    ${
      data.submissions.length === 0
        ? html`<p class="empty">${ui.m.consultations.noSubmissions}</p>`
        : html`<ol class="submissions">${data.submissions.map((s) => submissionItem(ctx, s))}</ol>`
    }
    ${data.next ? html`<p><a href="/organisations/${organisation.slug}?before=${data.next}">${ui.m.consultations.next}</a></p>` : ''}`;
  return page(ctx, {
    title: organisation.name,
    main,
    crumbs: [{ label: m.title, href: '/organisations' }, { label: organisation.name }],
  });
}
