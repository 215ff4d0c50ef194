/**
 * HTML of submissions: list items, filters, the submit form, the receipt, one submission, the
 * moderation queue, the comments on a document page and the submissions of a period's page.
 */
import { html } from 'hono/html';
import type { CommentPeriod } from '../consultations/consultations.schema.ts';
import type { PeriodContext } from '../consultations/consultations.service.ts';
import { sectionHeadings } from '../documents/blocks.ts';
import type { Block } from '../documents/documents.schema.ts';
import { regionalGroupName, regionalGroups } from '../organisations/countries.ts';
import { organisationLabel } from '../organisations/organisation-label.ts';
import {
  anonymousVoiceId,
  stakeholderGroups,
  type Organisation,
} from '../organisations/organisations.schema.ts';
import { unLanguages } from '../text/detect-language.ts';
import type { PageContext } from '../web/page-context.ts';
import { fileField } from '../web/view-parts.ts';
import { fill, localAddress, shortList } from '../web/i18n.ts';
import { csrfField, directionOf, languageName, page, type Markup } from '../web/layout.ts';
import {
  acceptOf,
  attachmentMaxBytes,
  attachmentMaxCount,
  submissionAttachmentKinds,
} from './attachments.ts';
import {
  rejectionReasons,
  type CampaignGroup,
  type Receipt,
  type RejectionReason,
  type Submission,
} from './submissions.schema.ts';

/** An address as a list shows it: "para 3", or "para 3 (Zero draft)" when it is in another version. */
function anchorLabel(
  ui: PageContext['ui'],
  address: string,
  s: Submission,
  options: {
    versionId?: string;
    versionLabels?: Map<string, string>;
    headings?: ReadonlyMap<string, string>;
  },
): string {
  const anchor = s.anchors.find((a) => a.address === address);
  // In words from the headings of the version they belong to ("Introduction, paragraph 2").
  const sameVersion = !options.versionId || !anchor || anchor.versionId === options.versionId;
  const local = localAddress(ui, address, sameVersion ? options.headings : undefined);
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
    /** The headings of the version the list is about, for addresses in words. */
    headings?: ReadonlyMap<string, string>;
  } = {},
): Markup {
  const { ui } = ctx;
  const m = ui.m.submissions;
  const confirmed = s.cosigners.filter((c) => c.state === 'confirmed');
  const addresses = [...new Set(s.anchors.map((a) => a.address))];
  const quotes = s.anchors.filter((a) => a.selector !== null);
  return html`<li class="submission" id="s-${s.id}">
    <p class="who">${organisationLabel(ctx, s.organisation, { affiliation: s.affiliation })}${
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

/**
 * A campaign in a list, once: how many submissions and texts, the first submission's text, the
 * texts that differ, and its signatories, each a link to its submission; and a link to all.
 */
export function campaignItem(ctx: PageContext, group: CampaignGroup): Markup {
  const { ui } = ctx;
  const m = ui.m.campaigns;
  const { first } = group;
  const more = group.count - group.signatories.length;
  // The Anonymous voice names nobody: it reads as "Anonymous" in the reader's language.
  const voice = (o: Organisation) =>
    o.id === anonymousVoiceId ? ui.m.organisations.anonymous : o.name;
  const text = (s: Submission) =>
    html`<div class="body" lang="${s.language}" dir="${directionOf(s.language)}">${s.body.split(/\n{2,}/).map((para) => html`<p>${para}</p>`)}</div>`;
  return html`<li class="submission campaign" id="c-${group.id}">
    <p class="who"><strong>${m.title}</strong>: ${ui.plural(m.members, group.count)} · ${ui.plural(m.variants, group.variants)}</p>
    <p class="meta">${m.explain} <a href="/consultations/${group.periodId}/campaigns/${group.id}">${m.open}</a></p>
    <p class="meta">${m.firstText} (<a href="/submissions/${first.id}"><bdi>${voice(first.organisation)}</bdi></a>,
      <bdi><time datetime="${first.publishedAt ?? first.receivedAt}">${ui.instant(first.publishedAt ?? first.receivedAt, 'UTC')}</time></bdi>):</p>
    ${text(first)}
    ${
      group.otherTexts.length > 0
        ? html`<details><summary>${m.otherTexts} (${ui.n(group.variants - 1)})</summary>
            ${group.otherTexts.map((s) => html`<p class="meta"><a href="/submissions/${s.id}"><bdi>${voice(s.organisation)}</bdi></a>:</p>${text(s)}`)}
          </details>`
        : ''
    }
    <p class="meta">${m.signatories}: ${group.signatories.map(
      (g, i) =>
        html`${i > 0 ? ', ' : ''}<a href="/submissions/${g.submissionId}"><bdi>${voice(g.organisation)}</bdi></a>`,
    )}${more > 0 ? html` <a href="/consultations/${group.periodId}/campaigns/${group.id}">${fill(m.andMore, { n: ui.n(more) })}</a>` : ''}</p>
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

/** The opening words of a paragraph: whole words up to about `length` characters, never a cut word. */
export function openingWords(text: string, length = 160): string {
  if (text.length <= length) return text;
  let opening = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) {
    if (opening.length + segment.length > length) break;
    opening += segment;
  }
  return `${opening.trimEnd()}…`;
}

/**
 * The paragraphs a comment is about, as checkboxes in a scrolling list (issue 19, point 6): each
 * with its address in words and its opening words, the chosen ones first and marked; a filter box
 * (shown by plenum.js) finds a paragraph by any of its words. Works without JavaScript.
 */
function paragraphPicker(
  ctx: PageContext,
  paragraphs: Block[],
  headings: ReadonlyMap<string, string>,
  preselected: string[],
): Markup {
  const { ui } = ctx;
  const m = ui.m.submissions;
  const chosen = new Set(preselected);
  // The paragraph the reader came from heads the list, so it is in view without script.
  const ordered = [
    ...paragraphs.filter((b) => chosen.has(b.id)),
    ...paragraphs.filter((b) => !chosen.has(b.id)),
  ];
  return html`<fieldset class="choices paragraphs" aria-describedby="para-help">
    <legend>${m.formParagraphs}</legend>
    <p class="help" id="para-help">${m.formParagraphsHelp}</p>
    <input type="search" class="choice-filter" aria-label="${m.formParagraphsFilter}" placeholder="${m.formParagraphsFilter}" hidden />
    <div class="choice-list">
      ${ordered.map(
        (b) =>
          html`<label class="choice paragraph" data-search="${b.text}"><input type="checkbox" name="blockId" value="${b.id}"${chosen.has(b.id) ? html` checked` : ''} /> <strong class="address">${localAddress(ui, b.address, headings)}</strong> <span class="opening" dir="auto">${openingWords(b.text)}</span></label>`,
      )}
    </div>
  </fieldset>`;
}

/** The attachment field with its limits written beside it (checked by plenum.js, and the server always). */
function attachmentField(ctx: PageContext): Markup {
  const m = ctx.ui.m.submissions;
  const size = `${attachmentMaxBytes / 1048576} MB`;
  return fileField({
    name: 'attachments',
    label: m.attachments,
    help: fill(m.formAttachments, { size, count: attachmentMaxCount }),
    accept: acceptOf(submissionAttachmentKinds),
    maxBytes: attachmentMaxBytes,
    maxCount: attachmentMaxCount,
    tooLarge: fill(m.formAttachmentTooLarge, { max: size }),
    tooMany: fill(m.formAttachmentTooMany, { count: attachmentMaxCount }),
    wrongType: m.formAttachmentWrongType,
  });
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
    /** How a person may submit for themselves in this period, as its rules say. */
    choices: ('myself' | 'anonymous')[];
    /** After a refused post: what went wrong, and what was typed, so nothing is lost. */
    error?: Markup;
    values?: {
      submitAs?: string;
      affiliation?: string;
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
  // Addresses in words: "Introduction, paragraph 2", the cover (issue 19, point 7).
  const headings = sectionHeadings(data.blocks);
  const paragraphs = data.blocks.filter(
    (b) => b.kind === 'paragraph' || b.kind === 'list_item' || b.kind === 'footnote',
  );
  const mine = new Set(data.myOrganisations.map((o) => o.id));
  const main = html`<h1>${m.formTitle}</h1>
    <p><a href="/consultations/${period.id}">${period.title}</a> · ${ui.m.consultations.closes} ${ui.instant(period.closesAt, period.timeZone)}</p>
    ${data.error ? html`<p class="problem" role="alert">${data.error}</p>` : ''}
    ${
      data.myOrganisations.length === 0 && data.choices.length === 0
        ? html`<p class="notice">${m.formNoOrganisation} <a href="/organisations/new">${ui.m.organisations.register}</a></p>
          ${typedKept(ctx, v)}`
        : html`<form method="post" action="/consultations/${period.id}/submissions" enctype="multipart/form-data" class="stack">
            ${csrfField(ctx)}
            <input type="hidden" name="idempotencyKey" value="${data.idempotencyKey}" />
            ${submitAsFields(ctx, data)}
            <fieldset>
              <legend>${m.formScope}</legend>
              ${paragraphPicker(ctx, paragraphs, headings, data.preselected)}
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
            <fieldset class="choices" aria-describedby="cosign-help">
              <legend>${m.formCosigners}</legend>
              <input type="search" class="choice-filter" aria-label="${m.formCosignersFilter}" hidden />
              <div class="choice-list">
                ${data.allOrganisations.filter((o) => data.myOrganisations.length !== 1 || !mine.has(o.id)).map((o) => html`<label class="choice"><input type="checkbox" name="cosigners" value="${o.id}"${(v.cosigners ?? []).includes(o.id) ? html` checked` : ''} /> <bdi>${o.name}</bdi></label>`)}
              </div>
            </fieldset>
            <p class="help" id="cosign-help">${m.formCosignersHelp}</p>
            ${attachmentField(ctx)}
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
    /** For the process's staff: who wrote a person's submission (anonymous ones too). */
    author?: { name: string; email: string };
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
    ${data.author ? html`<p class="notice">${fill(m.knownAs, data.author)}</p>` : ''}
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
  /** The headings of the period's version, for addresses in words. */
  headings?: ReadonlyMap<string, string>,
  publication: {
    /** Submissions in review that may be published together (the period has closed). */
    publishable?: number;
    /** How many the last "publish them all" published, shown once after it. */
    published?: number;
  } = {},
): Markup {
  const { ui } = ctx;
  const m = ui.m.submissions;
  const { publishable, published } = publication;
  const main = html`<h1>${ui.m.consultations.moderate}</h1>
    <p><a href="/consultations/${context.period.id}">${context.period.title}</a></p>
    ${published !== undefined ? html`<p class="notice" role="status">${ui.plural(m.publishedAll, published)}</p>` : ''}
    ${
      publishable
        ? html`<section class="publish-all" aria-labelledby="publish-all">
            <h2 id="publish-all">${m.publishAllTitle}</h2>
            <p>${m.publishAllExplain}</p>
            <form method="post" action="/consultations/${context.period.id}/publish">
              ${csrfField(ctx)}
              <button type="submit">${ui.plural(m.publishAll, publishable)}</button>
            </form>
          </section>`
        : ''
    }
    ${
      queue.length === 0
        ? html`<p class="empty">${m.queueEmpty}</p>`
        : html`<ol class="submissions">${queue.map((s) => html`${submissionItem(ctx, s, headings ? { headings } : {})}<li class="mod-actions">${moderationForm(ctx, s, `/consultations/${context.period.id}/moderation`)}</li>`)}</ol>`
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

/** The comments shown on a document page: counts per paragraph, and one paragraph opened. */
export interface CommentLayer {
  /** The document page's address, without the filters. */
  here: string;
  counts: Map<string, { direct: number; carried: number }>;
  /** The paragraph whose comments are open in place, by address; `apart`: those of unverified claims. */
  open?: { address: string; submissions: Submission[]; next: string | null; apart: Submission[] };
  /** A period open for submissions on this version, for "comment on" links. */
  openPeriod?: CommentPeriod;
  /** Every period on this version. */
  periods: CommentPeriod[];
  /** The filter query string ("group=government&region=african"), without "?". */
  filterQuery: string;
  filters: Record<string, string | undefined>;
  organisations: { slug: string; name: string }[];
  /** The version shown, the labels of every version, and the text's language, for carried comments. */
  versionId: string;
  versionLabels: Map<string, string>;
  contentLanguage: string;
  /** The headings of the version shown, for addresses in words. */
  headings?: ReadonlyMap<string, string>;
}

/** The document page's own address with the filters, for comment links. */
function pageAddress(layer: CommentLayer): string {
  return layer.filterQuery ? `${layer.here}?${layer.filterQuery}` : layer.here;
}

/**
 * Under a paragraph of a document page: its comment counts, its "comment on" link (a period is
 * open) and, for signed-in analysts, "record a stance"; its comments when opened in place.
 */
export function paragraphComments(
  ctx: PageContext,
  layer: CommentLayer,
  block: Block,
  id: string,
): Markup {
  const { ui } = ctx;
  const base = pageAddress(layer);
  const m = ui.m.documents;
  const count = layer.counts.get(block.address);
  const period = layer.openPeriod;
  // Signed-in readers (analysts) may record a stance from any paragraph.
  const analyst = ctx.viewer !== null && block.kind !== 'heading';
  if (!count && !period && !analyst) return '';
  const isOpen = layer.open?.address === block.address;
  const sep = base.includes('?') ? '&' : '?';
  const link = (label: string) =>
    isOpen
      ? html`<a href="${base}#${id}" aria-expanded="true">${label}</a>`
      : html`<a href="${base}${sep}comments=${encodeURIComponent(block.address)}#${id}" aria-expanded="false">${label}</a>`;
  const parts: Markup[] = [];
  if (count && count.direct > 0) parts.push(link(ui.plural(m.comments, count.direct)));
  if (count && count.carried > 0) parts.push(link(ui.plural(m.previousComments, count.carried)));
  if (period) {
    parts.push(
      html`<a href="/consultations/${period.id}/submit?block=${block.id}">${fill(m.commentOn, { address: localAddress(ui, block.address, layer.headings) })}</a>`,
    );
  }
  if (analyst)
    parts.push(html`<a href="/stances/new?source=${block.id}">${ui.m.stances.record}</a>`);
  const open = isOpen && layer.open ? layer.open : undefined;
  return html`<div class="comment-bar" lang="${ui.lang}" dir="${ui.dir}">${parts.map((p, i) => html`${i > 0 ? ' · ' : ''}${p}`)}</div>${
    open
      ? html`<section class="comments-open" aria-label="${fill(m.commentsOnParagraph, { address: localAddress(ui, block.address, layer.headings) })}" lang="${ui.lang}" dir="${ui.dir}">
          <h3>${fill(m.commentsOnParagraph, { address: localAddress(ui, block.address, layer.headings) })}</h3>
          <ol class="submissions">${open.submissions.map((s) =>
            submissionItem(ctx, s, {
              showAnchors: true,
              versionId: layer.versionId,
              versionLabels: layer.versionLabels,
              contentLanguage: layer.contentLanguage,
              ...(layer.headings ? { headings: layer.headings } : {}),
            }),
          )}</ol>
          ${unverifiedApart(ctx, open.apart, {
            showAnchors: true,
            versionId: layer.versionId,
            versionLabels: layer.versionLabels,
            contentLanguage: layer.contentLanguage,
            ...(layer.headings ? { headings: layer.headings } : {}),
          })}
          ${open.next ? html`<p><a href="${base}${sep}comments=${encodeURIComponent(block.address)}&amp;before=${open.next}#${id}">${ui.m.consultations.next}</a></p>` : ''}
          <p><a href="${base}#${id}">${m.hideComments}</a></p>
        </section>`
      : ''
  }`;
}

/** The comment filters of a document page, folded, when the version has comments or periods. */
export function documentCommentFilters(ctx: PageContext, layer: CommentLayer): Markup {
  const m = ctx.ui.m.documents;
  return layer.counts.size > 0 || layer.periods.length > 0
    ? html`<details class="filters"${layer.filterQuery ? html` open` : ''}><summary>${m.filtersTitle}</summary>${filterForm(ctx, layer.here, layer.filters, layer.organisations, m.filtersTitle)}</details>`
    : '';
}

/** The submissions of a comment period's page: counts, downloads, filters and one page of them. */
export function periodSubmissionsSection(
  ctx: PageContext,
  period: CommentPeriod,
  data: {
    submissions: Submission[];
    /** Published submissions of governments and IGOs not verified, listed apart. */
    apart: Submission[];
    /** The campaigns among the submissions, each shown once (by the member the list holds). */
    campaigns?: Map<string, CampaignGroup>;
    next: string | null;
    published: number;
    rejected: Map<RejectionReason, number>;
    filters: Record<string, string | undefined>;
    filterQuery: string;
    organisations: { slug: string; name: string }[];
    /** The headings of the period's version, for addresses in words. */
    headings?: ReadonlyMap<string, string>;
  },
): Markup {
  const { ui } = ctx;
  const m = ui.m.consultations;
  const here = `/consultations/${period.id}`;
  const listed = data.headings ? { headings: data.headings } : {};
  const rejected = [...data.rejected.entries()].filter(([, n]) => n > 0);
  const exportQuery = data.filterQuery ? `?${data.filterQuery}` : '';
  return html`<h2>${m.submissions}</h2>
    <p>${ui.plural(m.published, data.published)}.
      ${
        rejected.length > 0
          ? fill(m.rejectedByReason, {
              list: rejected
                .map(([reason, n]) => `${ui.m.submissions.reasons[reason]}: ${ui.n(n)}`)
                .join(', '),
            })
          : m.noneRejected
      }
    </p>
    <p>${m.downloads}: <a href="${here}/submissions.csv${exportQuery}">${m.exportCsv}</a> ·
      <a href="${here}/submissions.json${exportQuery}">${m.exportJson}</a> ·
      <a href="${here}/annotations.jsonld">${m.exportAnnotations}</a> ·
      <a href="${here}/datapackage.zip">${m.exportDataPackage}</a> ·
      <a href="${here}/feed.atom">${m.feed}</a></p>
    ${filterForm(ctx, here, data.filters, data.organisations, m.filters)}
    ${
      data.submissions.length === 0
        ? html`<p class="empty">${m.noSubmissions}</p>`
        : html`<ol class="submissions">${data.submissions.map((s) => {
            const campaign = s.campaignId ? data.campaigns?.get(s.campaignId) : undefined;
            return campaign ? campaignItem(ctx, campaign) : submissionItem(ctx, s, listed);
          })}</ol>`
    }
    ${unverifiedApart(ctx, data.apart, listed)}
    ${data.next ? html`<p><a href="${here}?${data.filterQuery ? `${data.filterQuery}&` : ''}before=${data.next}">${m.next}</a></p>` : ''}`;
}

/**
 * The submissions of organisations that say they are a government or an IGO and are not
 * verified: listed apart, under a heading saying so, never among the others.
 */
export function unverifiedApart(
  ctx: PageContext,
  submissions: Submission[],
  options: Parameters<typeof submissionItem>[2] = {},
): Markup {
  if (submissions.length === 0) return '';
  const m = ctx.ui.m.consultations;
  return html`<section class="apart" aria-labelledby="apart-title">
    <h3 id="apart-title">${m.unverifiedApart}</h3>
    <p class="help">${m.unverifiedApartHelp}</p>
    <ol class="submissions">${submissions.map((s) => submissionItem(ctx, s, options))}</ol>
  </section>`;
}

/**
 * Whom the submission speaks for: an organisation the person represents, themselves (with an
 * optional affiliation) or nobody named, as the period allows; a single way needs no choice.
 */
function submitAsFields(
  ctx: PageContext,
  data: {
    myOrganisations: Organisation[];
    choices: ('myself' | 'anonymous')[];
    values?: { submitAs?: string; affiliation?: string; organisationId?: string };
  },
): Markup {
  const m = ctx.ui.m.submissions;
  const v = data.values ?? {};
  const ways = [
    ...(data.myOrganisations.length > 0 ? ['organisation' as const] : []),
    ...data.choices,
  ];
  const chosen = ways.includes(v.submitAs as never) ? v.submitAs : ways[0];
  const radio = (way: string, label: string) =>
    ways.length === 1
      ? html`<input type="hidden" name="submitAs" value="${way}" />`
      : html`<label><input type="radio" name="submitAs" value="${way}"${way === chosen ? html` checked` : ''} /> ${label}</label>`;
  const organisation =
    data.myOrganisations.length > 0
      ? html`${radio('organisation', m.formAsOrganisation)}
        <label>${m.formFor}
          <select name="organisationId">${data.myOrganisations.map((o) => html`<option value="${o.id}"${o.id === v.organisationId ? html` selected` : ''}>${o.name}</option>`)}</select>
        </label>`
      : '';
  const myself = data.choices.includes('myself')
    ? html`${radio('myself', m.formAsMyself)}
      <label>${m.formAffiliation} <input name="affiliation" maxlength="200" value="${v.affiliation ?? ''}" /></label>`
    : '';
  const anonymous = data.choices.includes('anonymous') ? radio('anonymous', m.formAsAnonymous) : '';
  return ways.length === 1
    ? html`${organisation}${myself}${anonymous}`
    : html`<fieldset><legend>${m.formAs}</legend>${organisation}${myself}${anonymous}</fieldset>`;
}

/**
 * After a refused post from someone the period offers no form (a person in a period of
 * organisations only): what they typed, read-only, so that nothing is lost.
 */
function typedKept(ctx: PageContext, v: { title?: string; body?: string }): Markup {
  const m = ctx.ui.m.submissions;
  if (!v.title && !v.body) return '';
  return html`<label>${m.formTypedKept}
    <textarea readonly rows="8" dir="auto">${[v.title, v.body].filter(Boolean).join('\n\n')}</textarea></label>`;
}
