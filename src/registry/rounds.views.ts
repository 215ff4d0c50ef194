/**
 * HTML of a questionnaire round: its questions and closing for everyone; for the secretariat, who
 * answered (with receipts), who has a draft, who did not, who asked for more time (with a form to
 * give it) and a button that e-mails a reminder; for an invited administration's representative,
 * a form to ask for more time. Forms post without script.
 */
import { html } from 'hono/html';
import { countryName } from '../organisations/countries.ts';
import type { Organisation } from '../organisations/organisations.schema.ts';
import { fill, shortList } from '../web/i18n.ts';
import { csrfField, directionOf, languageName, page, type Markup } from '../web/layout.ts';
import type { PageContext } from '../web/page-context.ts';
import { registryLanguages } from './registry.data.ts';
import type { Answer, OwnAnswer, Round, RoundStatus } from './rounds.service.ts';
import {
  acceptOf,
  attachmentMaxBytes,
  attachmentMaxCount,
  legalTextKinds,
} from '../submissions/attachments.ts';
import { fileField } from '../web/view-parts.ts';
import { instruments, measureStatuses, reaches, type RegistryTerm } from './registry.schema.ts';
import { answerFilesList, termName } from './registry.views.ts';

/** What the round page shows besides the round. */
export interface RoundPageParts {
  status: RoundStatus | undefined;
  /** Governments the viewer answers for that are invited (for the "more time" form). */
  answersFor: Organisation[];
  reminded: string[] | undefined;
  /** The viewer's own answer, per government it answers for (the answer form or its receipt). */
  answering?: { organisation: Organisation; own: OwnAnswer }[];
  /** The registry's elements and kinds (the answer form's measures). */
  terms?: RegistryTerm[];
  /** Draw the answer form even when closed (a refused form is given back on it). */
  formAnyway?: boolean;
  /** The submitted answers, once the round is published, with their legal texts. */
  published?: Answer[];
}

/** A round's page. */
export function roundPage(ctx: PageContext, round: Round, parts: RoundPageParts): Markup {
  const r = ctx.ui.m.registry;
  const v = r.views.rounds;
  const lang = ctx.ui.lang;
  const text = (texts: Record<string, string | undefined>) =>
    texts[lang] ?? texts.en ?? Object.values(texts)[0] ?? '';
  const names = (codes: string[]) =>
    codes.length
      ? shortList(
          ctx.ui,
          codes.map((c) => countryName(c, lang)),
        )
      : v.none;
  const s = parts.status;
  const title = fill(v.roundTitle, { title: round.title });
  return page(ctx, {
    title,
    crumbs: [{ label: r.title, href: '/registry' }, { label: round.title }],
    main: html`<h1>${title}</h1>
      <p>${fill(v.when, {
        opens: ctx.ui.instant(round.opensAt, round.timeZone),
        closes: ctx.ui.instant(round.closesAt, round.timeZone),
      })}</p>
      <h2>${v.questions}</h2>
      <ol>${round.questions.map((q) => html`<li dir="auto">${text(q.texts)}${q.choices.length ? html` (${shortList(ctx.ui, q.choices)})` : ''}</li>`)}</ol>
      ${
        round.state === 'published' || s
          ? html`<p><a href="/registry/rounds/${round.id}/answers.csv">${v.csv}</a> · <a href="/registry/rounds/${round.id}/open-data.zip">${v.openData}</a></p>`
          : ''
      }
      ${
        parts.reminded
          ? html`<p role="status">${fill(v.remindDone, { countries: names(parts.reminded) })}</p>`
          : ''
      }
      ${(parts.answering ?? []).map((a) => answerPart(ctx, round, a, parts.formAnyway ?? false, parts.terms ?? []))}
      ${
        parts.published?.length
          ? html`<h2>${v.publishedAnswers}</h2>
      <ul class="published-answers">${parts.published.map(
        (a) =>
          html`<li><p>${fill(v.publishedAnswer, { country: countryName(a.country, lang), date: ctx.ui.date(a.submittedAt!) })}</p>
            <p>${v.legalTexts}:</p>${answerFilesList(ctx, a.files, { importable: s !== undefined })}</li>`,
      )}</ul>`
          : ''
      }
      ${s ? secretariatPart(ctx, round, s) : ''}
      ${
        parts.answersFor.length && round.state !== 'published'
          ? html`<h2>${v.ask}</h2>
      <form method="post" action="/registry/rounds/${round.id}/more-time">
        ${csrfField(ctx)}
        <label>${v.organisation}<select name="organisationId">${parts.answersFor.map(
          (o) => html`<option value="${o.id}">${o.name}</option>`,
        )}</select></label>
        <label>${v.reason}<textarea name="reason" rows="3" maxlength="2000" required></textarea></label>
        <button type="submit">${v.askButton}</button>
      </form>`
          : ''
      }`,
  });
}

function secretariatPart(ctx: PageContext, round: Round, s: RoundStatus): Markup {
  const v = ctx.ui.m.registry.views.rounds;
  const lang = ctx.ui.lang;
  const reminded = (c: string) =>
    s.lastReminded[c]
      ? html` (${fill(v.reminded, { date: ctx.ui.date(s.lastReminded[c]!) })})`
      : '';
  const list = (codes: string[], extra: (c: string) => Markup) =>
    codes.length
      ? html`<ul>${codes.map((c) => html`<li>${countryName(c, lang)}${extra(c)}</li>`)}</ul>`
      : html`<p>${v.none}</p>`;
  return html`<h2>${v.secretariat}</h2>
    <h3>${v.answered}</h3>
    ${list(s.submitted, (c) =>
      s.receipts[c]
        ? html` — ${fill(v.receipt, { receipt: s.receipts[c]!.receipt.slice(0, 12), date: ctx.ui.date(s.receipts[c]!.at) })}`
        : '',
    )}
    <h3>${v.drafts}</h3>
    ${list(s.drafts, reminded)}
    <h3>${v.notAnswered}</h3>
    ${list(s.missing, reminded)}
    <h3>${v.moreTime}</h3>
    ${
      s.moreTime.length
        ? html`<ul>${s.moreTime.map(
            (m) =>
              html`<li><p>${countryName(m.country, lang)}: <q dir="auto">${m.reason}</q> (${ctx.ui.date(m.requestedAt)})${
                m.grantedClosesAt
                  ? html` — ${fill(v.granted, { date: ctx.ui.instant(m.grantedClosesAt, round.timeZone) })}`
                  : ''
              }</p>${
                round.state !== 'published'
                  ? html`<form method="post" action="/registry/rounds/${round.id}/extensions/${m.country}">
              ${csrfField(ctx)}
              <label>${fill(v.grant, { zone: round.timeZone })}<input type="datetime-local" name="closesAt" required /></label>
              <button type="submit">${v.grantButton}</button>
            </form>`
                  : ''
              }</li>`,
          )}</ul>`
        : html`<p>${v.none}</p>`
    }
    ${
      round.state === 'open' || round.state === 'closed'
        ? html`<form method="post" action="/registry/rounds/${round.id}/reminders">
      ${csrfField(ctx)}<button type="submit">${v.remind}</button>
    </form>`
        : ''
    }`;
}

/**
 * An administration's answer: the receipt once submitted; else the form (the questions in the
 * reader's language, or the questionnaire's own, marked), filled with the saved draft.
 */
function answerPart(
  ctx: PageContext,
  round: Round,
  { organisation, own }: { organisation: Organisation; own: OwnAnswer },
  formAnyway: boolean,
  terms: RegistryTerm[],
): Markup {
  const v = ctx.ui.m.registry.views.rounds;
  const lang = ctx.ui.lang;
  const answer = own.answer;
  const heading = html`<h2>${fill(v.answerTitle, { organisation: organisation.name })}</h2>`;
  const marked = answer?.languageMarked
    ? html`<p>${fill(v.languageMarked, { language: languageName(answer.language, lang).display })}</p>`
    : '';
  if (answer?.status === 'submitted')
    return html`<section class="registry-answer">${heading}
      <p role="status">${fill(v.submittedAt, { date: ctx.ui.instant(answer.submittedAt!, round.timeZone) })}</p>
      <p>${v.receiptLabel} <code class="receipt">${answer.receipt}</code></p>
      ${marked}
      <h3>${v.legalTexts}</h3>${answerFilesList(ctx, answer.files)}</section>`;
  if (!own.open && !formAnyway)
    return html`<section class="registry-answer">${heading}<p>${v.closedForYou}</p></section>`;
  const fallback = round.languages[0] ?? 'en';
  const question = (q: Round['questions'][number]) => {
    const own = q.texts[lang as keyof typeof q.texts];
    if (own) return html`${own}`;
    const tag = (q.texts[fallback as keyof typeof q.texts] ? fallback : Object.keys(q.texts)[0])!;
    const text = q.texts[tag as keyof typeof q.texts]!;
    return html`<span lang="${tag}" dir="${directionOf(tag)}">${text}</span>
      <small class="other-language">${fill(v.inOtherLanguage, { language: languageName(tag, lang).display })}</small>`;
  };
  const value = (key: string) => answer?.answers[key] ?? '';
  const chosenLanguage = answer?.language ?? lang;
  return html`<section class="registry-answer">${heading}
    <p>${fill(v.closesFor, { closes: ctx.ui.instant(own.closesAt, round.timeZone) })}</p>
    ${answer ? html`<p role="status">${v.draftKept}</p>` : ''}${marked}
    <form class="stack" method="post" action="/registry/rounds/${round.id}/answers" enctype="multipart/form-data">
      ${csrfField(ctx)}
      <input type="hidden" name="organisationId" value="${organisation.id}" />
      <label>${v.answerLanguage}<input name="language" value="${chosenLanguage}" list="languages-${organisation.id}" aria-describedby="language-help-${organisation.id}" maxlength="35" required autocomplete="off" /></label>
      <datalist id="languages-${organisation.id}">${registryLanguages.map(
        (l) => html`<option value="${l}">${languageName(l, lang).display}</option>`,
      )}</datalist>
      <p class="help" id="language-help-${organisation.id}">${v.answerLanguageHint}</p>
      ${round.questions.map((q) =>
        q.kind === 'choice'
          ? html`<label>${question(q)}<select name="answers.${q.key}">
              <option value="">${v.noChoice}</option>
              ${q.choices.map(
                (c) =>
                  html`<option value="${c}"${value(q.key) === c ? html` selected` : ''}>${c}</option>`,
              )}</select></label>`
          : html`<label>${question(q)}<textarea name="answers.${q.key}" rows="5" maxlength="20000" dir="auto">${value(q.key)}</textarea></label>`,
      )}
      <h3>${v.measures}</h3>
      <p class="help">${v.measuresIntro}</p>
      ${(answer?.measures ?? []).map((m, i) =>
        measureFields(ctx, terms, i, fill(v.measureN, { n: ctx.ui.n(i + 1) }), m, true),
      )}
      ${measureFields(ctx, terms, answer?.measures.length ?? 0, v.addMeasure, {}, false)}
      <h3>${v.legalTexts}</h3>
      ${
        answer?.files.length
          ? html`<ul class="answer-files">${answer.files.map(
              (f) =>
                html`<li><a href="${f.href}" download><bdi>${f.filename}</bdi></a> (${fill(v.fileSize, { kb: ctx.ui.n(Math.ceil(f.size / 1024)) })})
                  <label><input type="checkbox" name="removeFiles" value="${f.id}" /> ${v.removeFile}</label></li>`,
            )}</ul>`
          : ''
      }
      ${legalTextField(ctx)}
      <button type="submit" name="action" value="draft">${v.saveDraft}</button>
      <button type="submit" name="action" value="submit">${v.submitAnswer}</button>
    </form></section>`;
}

/** A declared measure as the answer keeps it (the API's MeasureInput, the State's fields aside). */
interface DeclaredMeasure {
  title?: string;
  titleLanguage?: string;
  titleTranslations?: Record<string, string>;
  instrument?: string;
  status?: string;
  statusDates?: Record<string, string>;
  elements?: string[];
  kinds?: string[];
  reach?: string;
  source?: { documentId?: string; paragraphs?: string[] };
  note?: string;
}

/**
 * The fields of one declared measure, named after the measure's fields in the API
 * (`measures.2.statusDates.adopted`), so that a refusal names the field it is about.
 */
function measureFields(
  ctx: PageContext,
  terms: RegistryTerm[],
  index: number,
  legend: string,
  given: unknown,
  removable: boolean,
): Markup {
  const r = ctx.ui.m.registry;
  const v = r.views.rounds;
  const m = (typeof given === 'object' && given !== null ? given : {}) as DeclaredMeasure;
  const n = (field: string) => `measures.${index}.${field}`;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const select = (
    field: string,
    label: string,
    values: readonly string[],
    chosen: unknown,
    names: Record<string, string>,
  ) =>
    html`<label>${label}<select name="${n(field)}">${values.map(
      (x) => html`<option value="${x}"${chosen === x ? html` selected` : ''}>${names[x]}</option>`,
    )}</select></label>`;
  const boxes = (type: 'element' | 'kind', field: 'elements' | 'kinds', label: string) => {
    const chosen = Array.isArray(m[field]) ? m[field] : [];
    return html`<fieldset class="choices"><legend>${label}</legend>${terms
      .filter((t) => t.type === type)
      .map(
        (t) =>
          html`<label class="choice"><input type="checkbox" name="${n(field)}" value="${t.slug}"${chosen.includes(t.slug) ? html` checked` : ''} /> ${termName(ctx, terms, t.slug)}</label>`,
      )}</fieldset>`;
  };
  const dates = m.statusDates ?? {};
  const translations = m.titleTranslations ?? {};
  return html`<fieldset class="registry-measure"><legend>${legend}</legend>
    <label>${r.originalTitle}<input name="${n('title')}" value="${text(m.title)}" maxlength="500" dir="auto" /></label>
    <label>${v.titleLanguage}<input name="${n('titleLanguage')}" value="${text(m.titleLanguage) || ctx.ui.lang}" maxlength="35" autocomplete="off" /></label>
    <details${Object.keys(translations).length ? html` open` : ''}><summary>${r.translations}</summary>
      ${registryLanguages.map(
        (l) =>
          html`<label>${languageName(l, ctx.ui.lang).display}<input name="${n(`titleTranslations.${l}`)}" value="${text(translations[l])}" maxlength="500" lang="${l}" dir="${directionOf(l)}" /></label>`,
      )}
    </details>
    ${select('instrument', r.instrument, instruments, m.instrument, r.instruments)}
    ${select('status', r.status, measureStatuses, m.status, r.statuses)}
    <fieldset><legend>${r.dates}</legend><p class="help">${v.datesHint}</p>${measureStatuses.map(
      (st) =>
        html`<label>${r.statuses[st]}<input type="date" name="${n(`statusDates.${st}`)}" value="${text(dates[st])}" /></label>`,
    )}</fieldset>
    ${boxes('element', 'elements', r.elements)}
    ${boxes('kind', 'kinds', r.kinds)}
    ${select('reach', r.reach, reaches, m.reach ?? 'none', r.reaches)}
    <label>${v.sourceDocument}<input name="${n('source.documentId')}" value="${text(m.source?.documentId)}" maxlength="80" autocomplete="off" /></label>
    <label>${v.sourceParagraphs}<input name="${n('source.paragraphs')}" value="${(m.source?.paragraphs ?? []).join(', ')}" maxlength="2000" /></label>
    <label>${r.note}<textarea name="${n('note')}" rows="2" maxlength="2000" dir="auto">${text(m.note)}</textarea></label>
    ${removable ? html`<label><input type="checkbox" name="${n('remove')}" value="yes" /> ${v.removeMeasure}</label>` : ''}
  </fieldset>`;
}

/** The answer form's file field, its limits written beside it in the reader's language. */
function legalTextField(ctx: PageContext): Markup {
  const v = ctx.ui.m.registry.views.rounds;
  const size = `${attachmentMaxBytes / 1048576} MB`;
  return fileField({
    name: 'files',
    label: v.legalTexts,
    help: fill(v.filesField, { size, count: ctx.ui.n(attachmentMaxCount) }),
    accept: acceptOf(legalTextKinds),
    maxBytes: attachmentMaxBytes,
    maxCount: attachmentMaxCount,
    tooLarge: fill(v.fileTooLarge, { max: size }),
    tooMany: fill(v.fileTooMany, { count: ctx.ui.n(attachmentMaxCount) }),
    wrongType: v.fileWrongType,
  });
}
