/** HTML of the secretariat's translations form. */
import { html } from 'hono/html';
import type { Process } from '../processes/processes.schema.ts';
import { translatableFields, type TranslatableItem } from '../processes/translations.schema.ts';
import { fill } from '../web/i18n.ts';
import { csrfField, directionOf, languageName, page, type Markup } from '../web/layout.ts';
import type { PageContext } from '../web/page-context.ts';

/** The name of a form field: one subject's field in one language. */
export function translationField(
  type: string,
  id: string,
  field: string,
  language: string,
): string {
  return `t.${type}.${id}.${field}.${language}`;
}

/** The form: per text, its English original and a field per language (what was typed kept). */
export function translationsPage(
  ctx: PageContext,
  data: {
    process: Process;
    items: TranslatableItem[];
    languages: readonly string[];
    values: Record<string, string>;
    saved: boolean;
    problem?: Markup;
  },
): Markup {
  const { ui } = ctx;
  const m = ui.m.translations;
  const { process } = data;
  const title = fill(m.title, { process: process.shortName ?? process.name });
  const legendOf = (item: TranslatableItem, field: string): Markup => {
    if (item.type === 'process') return html`${field === 'name' ? m.processName : m.mandate}`;
    if (item.type === 'period') return html`${m.periodTitle}`;
    return html`${m.versionLabel} · <bdi lang="en">${item.originals.document ?? ''}</bdi>`;
  };
  const fieldset = (item: TranslatableItem, field: string): Markup => {
    const original = item.originals[field] ?? '';
    const long = field === 'mandate';
    return html`<fieldset>
      <legend>${legendOf(item, field)}</legend>
      <p class="meta">${m.original}: <bdi lang="en">${long ? original.slice(0, 300) + (original.length > 300 ? '…' : '') : original}</bdi></p>
      ${data.languages.map((language) => {
        const name = translationField(item.type, item.id, field, language);
        const id = name.replaceAll('.', '-');
        const label = languageName(language, ui.lang).display;
        const value = data.values[name] ?? '';
        const dir = directionOf(language);
        return long
          ? html`<p><label for="${id}">${label}</label><br /><textarea id="${id}" name="${name}" lang="${language}" dir="${dir}" rows="4" maxlength="4000">${value}</textarea></p>`
          : html`<p><label for="${id}">${label}</label><br /><input type="text" id="${id}" name="${name}" lang="${language}" dir="${dir}" maxlength="4000" value="${value}" /></p>`;
      })}
    </fieldset>`;
  };
  const main = html`<h1>${title}</h1>
    <p>${m.intro}</p>
    ${data.saved ? html`<p class="notice" role="status">${m.saved}</p>` : ''}
    ${data.problem ? html`<div class="problem" role="alert">${data.problem}</div>` : ''}
    <form method="post" action="/processes/${process.slug}/translations" class="translations-form">
      ${csrfField(ctx)}
      ${data.items.flatMap((item) => translatableFields[item.type].map((f) => fieldset(item, f)))}
      <p><button type="submit">${m.save}</button></p>
    </form>`;
  return page(ctx, {
    title,
    main,
    crumbs: [
      { label: ui.m.processes.title, href: '/' },
      { label: process.shortName ?? process.name, href: `/processes/${process.slug}` },
      { label: m.link },
    ],
  });
}
