/** HTML of submissions: list items, filters, the submit form, the receipt, one submission, the moderation queue. */
import { html } from 'hono/html';
import type { CommentPeriod } from '../consultations/consultations.schema.ts';
import type { PeriodContext } from '../consultations/consultations.service.ts';
import type { Block } from '../documents/documents.schema.ts';
import { countryName, regionalGroupName, regionalGroups } from '../organisations/countries.ts';
import { stakeholderGroups, type Organisation } from '../organisations/organisations.schema.ts';
import { unLanguages } from '../text/detect-language.ts';
import type { PageContext } from '../web/page-context.ts';
import { fill, localAddress, shortList } from '../web/i18n.ts';
import { csrfField, directionOf, languageName, page, type Markup } from '../web/layout.ts';
import { attachmentMaxBytes, attachmentMaxCount } from './attachments.ts';
import { rejectionReasons, type Receipt, type Submission } from './submissions.schema.ts';

/** An organisation's name with its verified badge, group and country. */
export function organisationLabel(ctx: PageContext, organisation: Organisation): Markup {
  const { ui } = ctx;
  const m = ui.m.submissions;
  return html`<a href="/organisations/${organisation.slug}">${organisation.name}</a>${
    organisation.verified
      ? html` <span class="badge" title="${m.verifiedTitle}">✓ ${m.verified}</span>`
      : ''
  } <span class="meta">(${shortList(ui, [ui.m.organisations.groups[organisation.stakeholderGroup], ...(organisation.country ? [countryName(organisation.country, ui.lang)] : [])])})</span>`;
}

/** An address as a list shows it: "para 3", or "para 3 (Zero draft)" when it is in another version. */
function anchorLabel(
  ui: PageContext['ui'],
  address: string,
  s: Submission,
  options: { versionId?: string; versionLabels?: Map<string, string> },
): string {
  const anchor = s.anchors.find((a) => a.address === address);
  const local = localAddress(ui, address);
  if (!options.versionId || !anchor || anchor.versionId === options.versionId) return local;
  const label = options.versionLabels?.get(anchor.versionId);
  return label ? `${local} (${label})` : local;
}

/** One submission in a list: who, on what, when, and the text. */
export function submissionItem(
  ctx: PageContext,
  s: Submission,
  options: {
    showAnchors?: boolean;
    showStatus?: boolean;
    /** On a document page: the version shown and the labels of the others, so carried comments say where they were made. */
    versionId?: string;
    versionLabels?: Map<string, string>;
    contentLanguage?: string;
  } = {},
): Markup {
  const { ui } = ctx;
  const m = ui.m.submissions;
  const confirmed = s.cosigners.filter((c) => c.state === 'confirmed');
  const addresses = [...new Set(s.anchors.map((a) => a.address))];
  const quotes = s.anchors.filter((a) => a.selector !== null);
  return html`<li class="submission" id="s-${s.id}">
    <p class="who">${organisationLabel(ctx, s.organisation)}${
      confirmed.length > 0
        ? html`<br />${fill(m.jointWith, { list: '' })}${confirmed.map((c, i) => html`${i > 0 ? ', ' : ''}${organisationLabel(ctx, c.organisation)}`)}`
        : ''
    }</p>
    <p class="meta">
      ${
        options.showAnchors !== false
          ? addresses.length > 0
            ? html`<bdi>${fill(m.onParagraphs, {
                list: shortList(
                  ui,
                  addresses.map((a) => anchorLabel(ui, a, s, options)),
                ),
              })}</bdi>`
            : m.general
          : ''
      } ·
      <bdi><time datetime="${s.publishedAt ?? s.receivedAt}">${ui.instant(s.publishedAt ?? s.receivedAt, 'UTC')}</time></bdi>
      ${options.showStatus ? html` · ${m.status}: <strong>${m.statuses[s.status]}</strong>` : ''} ·
      <a href="/submissions/${s.id}" aria-label="${m.view}: ${s.title ?? s.organisation.name}">${m.view}</a>
    </p>
    ${quotes.map((a) => html`<blockquote class="quote"><span class="meta">${m.quote} <bdi>${anchorLabel(ui, a.address, s, options)}</bdi>:</span> <q lang="${options.contentLanguage ?? 'und'}" dir="auto">${a.selector?.textQuote.exact}</q></blockquote>`)}
    <div class="body" lang="${s.language}" dir="${directionOf(s.language)}">
      ${s.title ? html`<p dir="auto"><strong>${s.title}</strong></p>` : ''}${s.body.split(/\n{2,}/).map((para) => html`<p>${para}</p>`)}
    </div>
    ${
      s.attachments.length > 0
        ? html`<p class="meta">${m.attachments}: ${s.attachments.map((a, i) => html`${i > 0 ? ', ' : ''}<a href="/attachments/${a.id}">${a.filename}</a> (${Math.ceil(a.size / 1024)} KB)`)}</p>`
        : ''
    }
  </li>`;
}

/** The filter form (GET): stakeholder group, regional group, country, language, organisation. */
export function filterForm(
  ctx: PageContext,
  action: string,
  filters: Record<string, string | undefined>,
  organisations: { slug: string; name: string }[],
  legend: string,
): Markup {
  const { ui } = ctx;
  const m = ui.m.consultations;
  const option = (value: string, label: string, current: string | undefined) =>
    value === current
      ? html`<option value="${value}" selected>${label}</option>`
      : html`<option value="${value}">${label}</option>`;
  return html`<form class="filters" method="get" action="${action}">
    <fieldset>
      <legend>${legend}</legend>
      <label>${m.stakeholderGroup}
        <select name="group">${option('', m.any, filters.group ?? '')}${stakeholderGroups.map((g) => option(g, ui.m.organisations.groups[g], filters.group))}</select>
      </label>
      <label>${m.regionalGroup}
        <select name="region">${option('', m.any, filters.region ?? '')}${regionalGroups.map((g) => option(g, regionalGroupName(g, ui.lang), filters.region))}</select>
      </label>
      <label>${m.country}
        <input name="country" size="4" maxlength="3" pattern="[A-Za-z]{3}" value="${filters.country ?? ''}" placeholder="FRA" />
      </label>
      <label>${m.language}
        <select name="language">${option('', m.any, filters.language ?? '')}${unLanguages.map((l) => option(l, languageName(l, ui.lang).display, filters.language))}</select>
      </label>
      <label>${m.organisation}
        <select name="organisation">${option('', m.any, filters.organisation ?? '')}${organisations.map((o) => option(o.slug, o.name, filters.organisation))}</select>
      </label>
      <button type="submit">${m.apply}</button>
    </fieldset>
  </form>`;
}

/** The submission form of a period. */
export function submitFormPage(
  ctx: PageContext,
  context: PeriodContext,
  data: {
    blocks: Block[];
    myOrganisations: Organisation[];
    allOrganisations: Organisation[];
    preselected: string[];
    /** Words chosen on the document page (with script), to prefill the quote. */
    quote?: string;
    idempotencyKey: string;
    /** After a refused post: what went wrong, and what was typed, so nothing is lost. */
    error?: Markup;
    values?: {
      organisationId?: string;
      title?: string;
      body?: string;
      language?: string;
      cosigners?: string[];
    };
  },
): Markup {
  const v = data.values ?? {};
  const selected = (on: boolean) => (on ? html` selected` : '');
  const { ui } = ctx;
  const m = ui.m.submissions;
  const { period } = context;
  const paragraphs = data.blocks.filter(
    (b) => b.kind === 'paragraph' || b.kind === 'list_item' || b.kind === 'footnote',
  );
  const mine = new Set(data.myOrganisations.map((o) => o.id));
  const main = html`<h1>${m.formTitle}</h1>
    <p><a href="/consultations/${period.id}">${period.title}</a> · ${ui.m.consultations.closes} ${ui.instant(period.closesAt, period.timeZone)}</p>
    ${data.error ? html`<p class="problem" role="alert">${data.error}</p>` : ''}
    ${
      data.myOrganisations.length === 0
        ? html`<p class="notice">${m.formNoOrganisation} <a href="/organisations/new">${ui.m.organisations.register}</a></p>`
        : html`<form method="post" action="/consultations/${period.id}/submissions" enctype="multipart/form-data" class="stack">
            ${csrfField(ctx)}
            <input type="hidden" name="idempotencyKey" value="${data.idempotencyKey}" />
            <label>${m.formFor}
              <select name="organisationId" required>${data.myOrganisations.map((o) => html`<option value="${o.id}"${selected(o.id === v.organisationId)}>${o.name}</option>`)}</select>
            </label>
            <fieldset>
              <legend>${m.formScope}</legend>
              <label>${m.formParagraphs}
                <select name="blockId" multiple size="8" aria-describedby="para-help">
                  ${paragraphs.map((b) =>
                    data.preselected.includes(b.id)
                      ? html`<option value="${b.id}" selected>${localAddress(ui, b.address)}: ${b.text.slice(0, 90)}</option>`
                      : html`<option value="${b.id}">${localAddress(ui, b.address)}: ${b.text.slice(0, 90)}</option>`,
                  )}
                </select>
              </label>
              <p class="help" id="para-help">${m.formParagraphsHelp}</p>
              <label>${m.formQuote}
                <textarea name="quote" rows="2" aria-describedby="quote-help">${data.quote ?? ''}</textarea>
              </label>
              <p class="help" id="quote-help">${m.formQuoteHelp}</p>
            </fieldset>
            <label>${m.formTitleField} <input name="title" maxlength="300" value="${v.title ?? ''}" /></label>
            <label>${m.formBody}
              <textarea name="body" rows="12" required maxlength="100000">${v.body ?? ''}</textarea>
            </label>
            <label>${m.formLanguage}
              <select name="language">
                <option value="">${m.formLanguageDetect}</option>
                ${unLanguages.map((l) => html`<option value="${l}"${selected(l === v.language)}>${languageName(l, ui.lang).display}</option>`)}
              </select>
            </label>
            <label>${m.formCosigners}
              <select name="cosigners" multiple size="5" aria-describedby="cosign-help">
                ${data.allOrganisations.filter((o) => data.myOrganisations.length !== 1 || !mine.has(o.id)).map((o) => html`<option value="${o.id}"${selected((v.cosigners ?? []).includes(o.id))}>${o.name}</option>`)}
              </select>
            </label>
            <p class="help" id="cosign-help">${m.formCosignersHelp}</p>
            <label>${fill(m.formAttachments, { size: `${attachmentMaxBytes / 1048576} MB`, count: attachmentMaxCount })}
              <input type="file" name="attachments" multiple accept=".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text" />
            </label>
            <button type="submit">${m.formSubmit}</button>
          </form>`
    }`;
  return page(ctx, {
    title: `${m.formTitle}: ${period.title}`,
    main,
    crumbs: [
      { label: ui.m.site.processes, href: '/' },
      {
        label: context.process.shortName ?? context.process.name,
        href: `/processes/${context.process.slug}`,
      },
      { label: period.title, href: `/consultations/${period.id}` },
      { label: m.formTitle },
    ],
  });
}

/** The receipt, shown only once the submission is committed. */
export function receiptPage(ctx: PageContext, receipt: Receipt, period: CommentPeriod): Markup {
  const { ui } = ctx;
  const m = ui.m.submissions;
  const next =
    receipt.status === 'published'
      ? m.nextPublished
      : receipt.status === 'awaiting_cosigners'
        ? m.nextCosigners
        : m.nextReview;
  const main = html`<div class="receipt">
    <h1>${m.receiptTitle}</h1>
    <p role="status">${m.receiptIntro}</p>
    <dl>
      <dt>${m.receiptId}</dt><dd><code>${receipt.submissionId}</code></dd>
      <dt>${m.receiptTime}</dt><dd><time datetime="${receipt.receivedAt}">${ui.instant(receipt.receivedAt, 'UTC')}</time> (<code>${receipt.receivedAt}</code>)</dd>
      <dt>${m.receiptHash}</dt><dd><code class="hash">${receipt.contentSha256}</code></dd>
      <dt>${m.status}</dt><dd>${m.statuses[receipt.status]}</dd>
    </dl>
    ${receiptLogSection(ctx, receipt)}
    <h2>${m.receiptNext}</h2>
    <p>${next}</p>
    <p><a class="button" href="/submissions/${receipt.submissionId}/receipt.txt" download>${m.receiptDownload}</a> ·
      <a href="/submissions/${receipt.submissionId}">${m.view}</a> · <a href="/consultations/${period.id}">${period.title}</a></p>
  </div>`;
  return page(ctx, {
    title: m.receiptTitle,
    main,
    crumbs: [
      { label: ui.m.site.processes, href: '/' },
      { label: period.title, href: `/consultations/${period.id}` },
      { label: m.receiptTitle },
    ],
  });
}

/** Where the receipt's submission sits in the transparency log, and the proof of it. */
function receiptLogSection(ctx: PageContext, receipt: Receipt): Markup {
  const t = ctx.ui.m.transparency;
  const log = receipt.transparency;
  if (!log) return html`<p>${t.receiptBefore}</p>`;
  return html`<h2>${t.title}</h2>
    <dl>
      <dt>${t.receiptLeaf}</dt><dd>${ctx.ui.n(log.leafIndex)}</dd>
      <dt>${t.receiptTreeHead}</dt><dd>${ctx.ui.n(log.treeHead.treeSize)}, <code class="hash">${log.treeHead.rootHash}</code></dd>
      <dt>${t.receiptProof}</dt><dd><ol dir="ltr">${log.auditPath.map((h) => html`<li><code class="hash">${h}</code></li>`)}</ol></dd>
    </dl>
    <p><a href="/transparency">${t.receiptCheck}</a></p>`;
}

/** The downloadable receipt: plain text with the canonical content whose hash it gives. */
export function receiptText(receipt: Receipt, period: CommentPeriod): string {
  return [
    'plenum submission receipt',
    '',
    `Submission id:   ${receipt.submissionId}`,
    `Comment period:  ${period.title} (${period.id})`,
    `Received (UTC):  ${receipt.receivedAt}`,
    `Content SHA-256: ${receipt.contentSha256}`,
    `Fingerprint version: ${receipt.fingerprintVersion}${receipt.fingerprintVersion === 2 ? ' (covers the id and the received-at instant)' : ' (content only)'}`,
    '',
    'The SHA-256 above is of this exact text (UTF-8), the canonical content of the submission:',
    '',
    receipt.content,
    '',
    ...receiptLogText(receipt),
  ].join('\n');
}

/** The transparency log part of the text receipt: entry, signed tree head and proof, as JSON. */
function receiptLogText(receipt: Receipt): string[] {
  if (!receipt.transparency)
    return ['Received before the transparency log existed: not in it.', ''];
  return [
    'Transparency log (RFC 9162): the entry, the signed tree head of the moment it was stored and',
    'the inclusion proof; check them with the public key at /api/transparency/key:',
    '',
    JSON.stringify(receipt.transparency, null, 2),
    '',
  ];
}

/** One submission with its status, co-signers, history and the actions the viewer may take. */
export function submissionPage(
  ctx: PageContext,
  s: Submission,
  data: {
    period: CommentPeriod;
    history: { at: string; action: string; data: unknown }[];
    cosignFor: Organisation[];
    canModerate: boolean;
    canSeeStatus: boolean;
  },
): Markup {
  const { ui } = ctx;
  const m = ui.m.submissions;
  const cosign = data.cosignFor.map(
    (o) => html`<form method="post" action="/submissions/${s.id}/cosign" class="notice">
      ${csrfField(ctx)}<input type="hidden" name="organisationId" value="${o.id}" />
      <p>${fill(m.cosignAsk, { organisation: o.name })}</p>
      <button type="submit" name="answer" value="confirm">${m.confirm}</button>
      <button type="submit" name="answer" value="decline">${m.decline}</button>
    </form>`,
  );
  const moderation = data.canModerate
    ? html`<section aria-labelledby="mod-title"><h2 id="mod-title">${m.moderationTitle}</h2>${moderationForm(ctx, s)}</section>`
    : '';
  const main = html`<h1>${s.title ?? m.title}</h1>
    <p><a href="/consultations/${data.period.id}">${data.period.title}</a></p>
    ${
      data.canSeeStatus
        ? html`<p>${m.status}: <strong>${m.statuses[s.status]}</strong>${s.statusReason ? html` (${m.reasons[s.statusReason as keyof typeof m.reasons] ?? s.statusReason})` : ''}${s.statusNote ? html` · ${s.statusNote}` : ''}</p>`
        : ''
    }
    ${cosign}
    <ol class="submissions">${submissionItem(ctx, s)}</ol>
    ${
      s.cosigners.length > 0 && data.canSeeStatus
        ? html`<h2>${m.cosigners}</h2><ul>${s.cosigners.map((c) => html`<li>${organisationLabel(ctx, c.organisation)}: ${m.cosignerStates[c.state]}</li>`)}</ul>`
        : ''
    }
    <p class="meta">${m.receiptHash}: <code class="hash">${s.contentSha256}</code></p>
    ${
      ctx.viewer && s.status === 'published'
        ? html`<p><a href="/stances/new?source=${s.id}">${ui.m.stances.record}</a></p>`
        : ''
    }
    ${moderation}
    ${
      data.history.length > 0
        ? html`<h2>${m.history}</h2><ol class="history">${data.history.map((e) => html`<li><bdi><time datetime="${e.at}">${ui.instant(e.at, 'UTC')}</time></bdi> · ${m.events[e.action.replace('submission.', '') as keyof typeof m.events] ?? e.action}</li>`)}</ol>`
        : ''
    }`;
  return page(ctx, {
    title: s.title ?? `${m.title} ${s.organisation.name}`,
    main,
    crumbs: [
      { label: ui.m.site.processes, href: '/' },
      { label: data.period.title, href: `/consultations/${data.period.id}` },
      { label: s.title ?? s.organisation.name },
    ],
  });
}

/** The moderator's buttons for one submission. */
export function moderationForm(ctx: PageContext, s: Submission, back?: string): Markup {
  const m = ctx.ui.m.submissions;
  return html`<form method="post" action="/submissions/${s.id}/moderate" class="moderate">
    ${csrfField(ctx)}${back ? html`<input type="hidden" name="back" value="${back}" />` : ''}
    <label>${m.reason}
      <select name="reason"><option value="">—</option>${rejectionReasons.map((r) => html`<option value="${r}">${m.reasons[r]}</option>`)}</select>
    </label>
    <label>${m.note} <input name="note" maxlength="2000" /></label>
    <button type="submit" name="action" value="publish">${m.publish}</button>
    <button type="submit" name="action" value="reject">${m.reject}</button>
    <button type="submit" name="action" value="return">${m.returnForRevision}</button>
  </form>`;
}

/** The moderation queue of a period. */
export function moderationQueuePage(
  ctx: PageContext,
  context: PeriodContext,
  queue: Submission[],
): Markup {
  const { ui } = ctx;
  const m = ui.m.submissions;
  const main = html`<h1>${ui.m.consultations.moderate}</h1>
    <p><a href="/consultations/${context.period.id}">${context.period.title}</a></p>
    ${
      queue.length === 0
        ? html`<p class="empty">${m.queueEmpty}</p>`
        : html`<ol class="submissions">${queue.map((s) => html`${submissionItem(ctx, s)}<li class="mod-actions">${moderationForm(ctx, s, `/consultations/${context.period.id}/moderation`)}</li>`)}</ol>`
    }`;
  return page(ctx, {
    title: ui.m.consultations.moderate,
    main,
    crumbs: [
      { label: ui.m.site.processes, href: '/' },
      {
        label: context.process.shortName ?? context.process.name,
        href: `/processes/${context.process.slug}`,
      },
      { label: context.period.title, href: `/consultations/${context.period.id}` },
      { label: ui.m.consultations.moderate },
    ],
  });
}
