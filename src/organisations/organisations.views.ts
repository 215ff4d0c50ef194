/**
 * HTML of the organisation list, an organisation's own part of its page (src/pages/ adds its
 * submissions) and the registration form.
 */
import { html } from 'hono/html';
import type { PageContext } from '../web/page-context.ts';
import { csrfField, page, type Markup } from '../web/layout.ts';
import { countries, countryName, regionalGroupName } from './countries.ts';
import { organisationLabel } from './organisation-label.ts';
import {
  organisationGroups,
  stakeholderGroups,
  verificationKinds,
  type Organisation,
} from './organisations.schema.ts';
import type { Representative } from './organisations.service.ts';
import { fill } from '../web/i18n.ts';

/** Every organisation, by stakeholder group. */
export function organisationListPage(ctx: PageContext, organisations: Organisation[]): Markup {
  const { ui } = ctx;
  const m = ui.m.organisations;
  const main = html`<h1>${m.title}</h1>
    <p><a href="/organisations/new">${m.register}</a></p>
    ${
      organisations.length === 0
        ? html`<p class="empty">${m.none}</p>`
        : stakeholderGroups.map((group) => {
            const members = organisations.filter((o) => o.stakeholderGroup === group);
            if (members.length === 0) return '';
            return html`<h2>${m.groups[group]}</h2><ul>${members.map((o) => html`<li>${organisationLabel(ctx, o)}</li>`)}</ul>`;
          })
    }`;
  return page(ctx, { title: m.title, main });
}

/**
 * An organisation's own part of its page: its group, country, verification and the forms of
 * those who may verify it or add a representative.
 */
export function organisationDetails(
  ctx: PageContext,
  organisation: Organisation,
  data: {
    canVerify: boolean;
    canAddRepresentative: boolean;
    /** For those who verify: the representatives and their verifications. */
    representatives?: Representative[];
    /** After a refused verification: what went wrong, and what was typed. */
    error?: Markup;
    values?: Record<string, string>;
  },
): Markup {
  const { ui } = ctx;
  const m = ui.m.organisations;
  return html`<p class="meta">${m.groups[organisation.stakeholderGroup]}${
    organisation.country
      ? html` · <a href="/countries/${organisation.country}">${countryName(organisation.country, ui.lang)}</a> (${organisation.country}, M49 ${organisation.countryM49})${
          organisation.regionalGroup
            ? html` · ${regionalGroupName(organisation.regionalGroup as never, ui.lang)}`
            : ''
        }`
      : ''
  }</p>
    <h1>${organisation.name}</h1>
    ${organisation.stakeholderGroup === 'individual' ? html`<p>${m.individualNote}</p>` : verificationStatus(ctx, organisation)}${
      organisation.website
        ? html`<p><a href="${organisation.website}" rel="nofollow noopener">${organisation.website}</a></p>`
        : ''
    }
    ${data.canVerify && organisation.stakeholderGroup !== 'individual' ? verificationForms(ctx, organisation, data) : ''}
    ${
      data.canAddRepresentative
        ? html`<form method="post" action="/organisations/${organisation.slug}/representatives" class="inline-form">
            ${csrfField(ctx)}<label>${m.representativeEmail} <input type="email" name="email" required /></label>
            <button type="submit">${m.representatives}</button>
          </form>`
        : ''
    }`;
}

/** The registration form. */
export function newOrganisationPage(
  ctx: PageContext,
  options: { error?: Markup; values?: Record<string, string> } = {},
): Markup {
  const { ui } = ctx;
  const m = ui.m.organisations;
  const v = options.values ?? {};
  const sorted = countries
    .map((c) => ({ iso3: c.iso3, name: countryName(c.iso3, ui.lang) }))
    .toSorted((a, b) => a.name.localeCompare(b.name, ui.lang));
  const main = html`<h1>${m.register}</h1>
    ${options.error ? html`<p class="problem" role="alert">${options.error}</p>` : ''}
    <form method="post" action="/organisations" class="stack narrow">
      ${csrfField(ctx)}
      <label>${m.name} <input name="name" required maxlength="200" value="${v.name ?? ''}" /></label>
      <label>${m.group}
        <select name="stakeholderGroup" required>${organisationGroups.map((g) =>
          g === v.stakeholderGroup
            ? html`<option value="${g}" selected>${m.groups[g]}</option>`
            : html`<option value="${g}">${m.groups[g]}</option>`,
        )}</select>
      </label>
      <label>${m.country}
        <select name="country" aria-describedby="country-help"><option value="">—</option>${sorted.map(
          (c) =>
            c.iso3 === v.country
              ? html`<option value="${c.iso3}" selected>${c.name}</option>`
              : html`<option value="${c.iso3}">${c.name}</option>`,
        )}</select>
      </label>
      <p class="help" id="country-help">${m.countryHelp}</p>
      <label>${m.website} <input type="url" name="website" maxlength="300" value="${v.website ?? ''}" /></label>
      <button type="submit">${m.submit}</button>
    </form>`;
  return page(ctx, { title: m.register, main });
}

/** Whether the organisation is verified, and how: the kind of proof, its reference and date. */
function verificationStatus(ctx: PageContext, organisation: Organisation): Markup {
  const { ui } = ctx;
  const m = ui.m.organisations;
  const v = organisation.verification;
  return v
    ? html`<p><span class="badge">✓ ${m.verified}</span> ${fill(m.verifiedOn, { date: ui.instant(v.at, 'UTC'), kind: m.kinds[v.kind], reason: v.reason })}</p>`
    : html`<p><span class="unverified" title="${m.notVerifiedTitle}">${m.notVerified}</span> ${m.notVerifiedTitle}.</p>`;
}

/** The kind-of-proof choice and the reference field of a verification form. */
function proofFields(ctx: PageContext, id: string, values: Record<string, string>): Markup {
  const m = ctx.ui.m.organisations;
  return html`<label for="${id}-kind">${m.verificationKind}</label>
    <select id="${id}-kind" name="kind" required>${verificationKinds.map((k) =>
      k === values.kind
        ? html`<option value="${k}" selected>${m.kinds[k]}</option>`
        : html`<option value="${k}">${m.kinds[k]}</option>`,
    )}</select>
    <label for="${id}-reason">${m.verificationReason}</label>
    <input id="${id}-reason" name="reason" required minlength="3" maxlength="1000" value="${values.reason ?? ''}" />`;
}

/**
 * The secretariat's forms: verify the organisation (or revoke its verification), then each
 * representative, each with the kind of proof and its reference, or the reason for revoking.
 */
function verificationForms(
  ctx: PageContext,
  organisation: Organisation,
  data: { representatives?: Representative[]; error?: Markup; values?: Record<string, string> },
): Markup {
  const { ui } = ctx;
  const m = ui.m.organisations;
  const base = `/organisations/${organisation.slug}`;
  const values = data.values ?? {};
  const revokeForm = (action: string, id: string, label: string) =>
    html`<form method="post" action="${action}" class="stack narrow">${csrfField(ctx)}
      <label for="${id}">${m.revocationReason}</label>
      <input id="${id}" name="reason" required minlength="3" maxlength="1000" />
      <button type="submit">${label}</button></form>`;
  return html`<section aria-labelledby="verification-title">
    <h2 id="verification-title">${m.verifyTitle}</h2>
    ${data.error ? html`<p class="problem" role="alert">${data.error}</p>` : ''}
    ${
      organisation.verified
        ? revokeForm(`${base}/revoke`, 'revoke-reason', m.revoke)
        : html`<form method="post" action="${base}/verify" class="stack narrow">${csrfField(ctx)}
            ${proofFields(ctx, 'verify', values)}
            <button type="submit">${m.verify}</button></form>`
    }
    ${
      data.representatives && data.representatives.length > 0
        ? html`<h3>${m.representativesTitle}</h3>
          <ul>${data.representatives.map(
            (r) => html`<li><bdi>${r.name}</bdi> (<bdi>${r.email}</bdi>) ·
              ${
                r.verification
                  ? html`<span class="badge">✓ ${m.verified}</span> ${fill(m.verifiedOn, { date: ui.instant(r.verification.at, 'UTC'), kind: m.kinds[r.verification.kind], reason: r.verification.reason })}
                    ${revokeForm(`${base}/representatives/${r.accountId}/revoke`, `revoke-${r.accountId}`, m.revokeRepresentative)}`
                  : html`<span class="unverified">${m.notVerified}</span>
                    <form method="post" action="${base}/representatives/${r.accountId}/verify" class="stack narrow">${csrfField(ctx)}
                      ${proofFields(ctx, `rep-${r.accountId}`, {})}
                      <button type="submit">${m.verifyRepresentative}</button></form>`
              }</li>`,
          )}</ul>`
        : ''
    }
  </section>`;
}
