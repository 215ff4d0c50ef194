/** HTML of the briefing form. */
import { html } from 'hono/html';
import type { Concept } from '../concepts/concepts.schema.ts';
import type { Process } from '../processes/processes.schema.ts';
import { unLanguages } from '../text/detect-language.ts';
import type { PageContext } from '../web/page-context.ts';
import { languageName, page, type Markup } from '../web/layout.ts';
import { briefingText } from './briefing-text.ts';
import { paperSizes } from './briefings.schema.ts';
import { conceptName } from '../web/view-parts.ts';

/** The form that asks for a briefing paper (a GET form: the paper's address can be shared). */
export function briefingFormPage(
  ctx: PageContext,
  data: {
    processes: Process[];
    concepts: Concept[];
    values: Record<string, string | string[]>;
    problem?: Markup;
  },
): Markup {
  const t = briefingText[ctx.ui.lang];
  const v = data.values;
  const has = (key: string, value: string): boolean => {
    const x = v[key];
    return Array.isArray(x) ? x.includes(value) : x === value;
  };
  const text = (key: string, fallback = ''): string =>
    typeof v[key] === 'string' ? (v[key] as string) : fallback;
  const main = html`<h1>${t.formTitle}</h1>
    <p>${t.formIntro}</p>
    ${data.problem ? html`<div class="problem" role="alert">${data.problem}</div>` : ''}
    <form method="get" action="/briefings">
      <fieldset><legend>${t.processes}</legend>
        ${data.processes.map((p) => html`<label class="choice"><input type="checkbox" name="processes" value="${p.slug}" ${has('processes', p.slug) ? 'checked' : ''} /> ${p.shortName ?? p.name}</label> `)}
      </fieldset>
      <p><label for="from">${t.from}</label> <input id="from" name="from" type="date" required value="${text('from')}" />
        <label for="to">${t.to}</label> <input id="to" name="to" type="date" required value="${text('to')}" /></p>
      <fieldset><legend>${t.concepts}</legend>
        ${data.concepts.map((c) => html`<label class="choice"><input type="checkbox" name="concepts" value="${c.slug}" ${has('concepts', c.slug) ? 'checked' : ''} /> ${conceptName(ctx, c)}</label> `)}
      </fieldset>
      <p><label for="language">${t.language}</label> <select id="language" name="language">
        ${unLanguages.map((l) => html`<option value="${l}" ${text('language', ctx.ui.lang) === l ? 'selected' : ''}>${languageName(l, ctx.ui.lang).display}</option>`)}
      </select>
      <label for="format">${t.format}</label> <select id="format" name="format">
        <option value="html" ${text('format') === 'html' ? 'selected' : ''}>HTML</option>
        <option value="md" ${text('format') === 'md' ? 'selected' : ''}>Markdown</option>
        <option value="docx" ${text('format') === 'docx' ? 'selected' : ''}>DOCX (Word)</option>
        <option value="pdf" ${text('format') === 'pdf' ? 'selected' : ''}>PDF</option>
      </select>
      <label for="paper">${t.paper}</label> <select id="paper" name="paper">
        ${paperSizes.map((size) => html`<option value="${size}" ${text('paper', 'a4') === size ? 'selected' : ''}>${t.paperSizes[size]}</option>`)}
      </select></p>
      <p><button type="submit">${t.generate}</button></p>
    </form>`;
  return page(ctx, { title: t.formTitle, main, crumbs: [{ label: t.formTitle }] });
}
