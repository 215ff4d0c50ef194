/** HTML of the account page: the account's own sections, the viewer's submissions and calendar. */
import { html } from 'hono/html';
import {
  accountHeading,
  accountPasswordSection,
  accountRolesSection,
  accountTokensSection,
} from '../accounts/accounts.views.ts';
import type { ApiTokenListing, TokenUse } from '../accounts/accounts.service.ts';
import { accountCalendarSection } from '../meetings/meetings.views.ts';
import type { Process } from '../processes/processes.schema.ts';
import type { Submission } from '../submissions/submissions.schema.ts';
import { submissionItem } from '../submissions/submissions.views.ts';
import type { PageContext } from '../web/page-context.ts';
import { page, type Markup } from '../web/layout.ts';

/** What the account page shows, read by each feature's service. */
export interface AccountPageData {
  roles: { role: string; scope: string; href: string }[];
  submissions: Submission[];
  tokens: ApiTokenListing[];
  /** The latest uses of each token listed, by token id. */
  tokenUses?: ReadonlyMap<string, TokenUse[]>;
  calendar: { followed: Process[]; address: { createdAt: string } | undefined };
  newCalendar?: string;
  newToken?: string;
  message?: string;
  error?: Markup;
  /** How e-mail leaves (development: the notice points to /dev/mail). */
  mail?: string;
}

/** The account page: roles, submissions, followed processes and calendar, password, API tokens. */
export function accountPage(ctx: PageContext, data: AccountPageData): Markup {
  const { ui } = ctx;
  const main = html`${accountHeading(ctx, data)}
    ${accountRolesSection(ctx, data.roles)}
    <h2>${ui.m.submissions.yours}</h2>
    ${
      data.submissions.length === 0
        ? html`<p class="empty">${ui.m.submissions.none}</p>`
        : html`<ol class="submissions">${data.submissions.map((s) => submissionItem(ctx, s, { showStatus: true }))}</ol>`
    }
    ${accountCalendarSection(ctx, { ...data.calendar, ...(data.newCalendar ? { newAddress: data.newCalendar } : {}) })}
    ${accountPasswordSection(ctx)}
    ${accountTokensSection(ctx, data)}`;
  return page(ctx, { title: ui.m.accounts.accountTitle, main });
}
