/**
 * The one way a refused form comes back: the page the form was on, drawn again, with what the
 * reader typed filled back in, each problem next to its field (aria-invalid, aria-describedby) and
 * a summary at the top of the page that links to the fields, in the reader's language.
 *
 * Every form sends the address of its page as `_page` (csrfField); when a form post is refused
 * (a 4xx PlenumError other than a failed form check), app.ts asks refusedForm for the answer. The
 * page is drawn by the app itself (a GET of `_page` with the reader's cookies), then its form whose
 * action is the posted address is filled in. Without `_page`, or when that page cannot be drawn,
 * the ordinary error page answers.
 */
import type { FieldProblem, FieldProblemKey, PlenumError } from '../errors.ts';
import { errorCatalogue, fieldProblemsOf } from '../errors.ts';
import type { FormBody } from '../form-body.ts';
import { fill, type Ui } from './i18n.ts';
import { errorMessage } from './error-text.ts';

/**
 * The header on the app's own GET of a refused form's page: a page that refuses to show its form
 * for a reason the post was refused for (a comment period that has closed meanwhile) draws it
 * anyway, so that what was typed comes back. It shows nothing the reader may not see.
 */
export const refusedFormHeader = 'x-plenum-refused-form';

/**
 * The refusals that send the form back (a failed form check or sign-in does not; a reader who may
 * not see the form's page gets the error page, since that page cannot be drawn for them).
 */
export function sendsFormBack(error: PlenumError): boolean {
  return (
    error.status >= 400 &&
    // A refusal that lasts a while (passwords busy: 503 with Retry-After) keeps the form too.
    (error.status < 500 || error.retryAfterSeconds !== undefined) &&
    error.code !== 'CSRF_FAILED' &&
    error.code !== 'SIGN_IN_REQUIRED' &&
    error.code !== 'PAYLOAD_TOO_LARGE'
  );
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name.toLowerCase()] ?? whole;
  });
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A start tag's attributes in order (names lower-cased, values decoded; null for bare ones). */
type Attributes = [string, string | null][];

const attributePattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function parseTag(tag: string): { name: string; attributes: Attributes; selfClosing: boolean } {
  const inner = tag.replace(/^<\s*/, '').replace(/\/?\s*>$/, '');
  const name = /^[^\s/>]+/.exec(inner)?.[0]?.toLowerCase() ?? '';
  const attributes: Attributes = [];
  for (const m of inner.slice(name.length).matchAll(attributePattern)) {
    const value = m[2] ?? m[3] ?? m[4];
    attributes.push([m[1]!.toLowerCase(), value === undefined ? null : decode(value)]);
  }
  return { name, attributes, selfClosing: /\/\s*>$/.test(tag) };
}

function get(attributes: Attributes, name: string): string | null | undefined {
  return attributes.find(([n]) => n === name)?.[1];
}

function set(attributes: Attributes, name: string, value: string | null): void {
  const found = attributes.find(([n]) => n === name);
  if (found) found[1] = value;
  else attributes.push([name, value]);
}

function remove(attributes: Attributes, name: string): void {
  const index = attributes.findIndex(([n]) => n === name);
  if (index >= 0) attributes.splice(index, 1);
}

function writeTag(name: string, attributes: Attributes, selfClosing: boolean): string {
  const parts = attributes.map(([n, v]) => (v === null ? n : `${n}="${escape(v)}"`));
  return `<${name}${parts.length ? ' ' + parts.join(' ') : ''}${selfClosing ? ' /' : ''}>`;
}

/** The posted values of a field, as text (files and absent fields give none). */
function postedValues(body: FormBody, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** A field problem in the reader's language (the service's own wording is English, marked so). */
function problemText(ui: Ui, problem: FieldProblem): { text: string; english: boolean } {
  if (problem.code) return { text: errorMessage(ui, problem.code), english: false };
  if (problem.key) {
    const key: FieldProblemKey = problem.key;
    return { text: fill(ui.m.forms[key], problem.params ?? {}), english: false };
  }
  return { text: problem.message, english: (problem.lang ?? 'en') !== ui.lang };
}

function textMarkup(ui: Ui, problem: FieldProblem): string {
  const { text, english } = problemText(ui, problem);
  const said = english ? `<span lang="en" dir="ltr">${escape(text)}</span>` : escape(text);
  // A catalogue refusal told beside a field keeps its detail (in English, marked so).
  if (problem.code && problem.message && problem.message !== errorCatalogue[problem.code].message)
    return `${said} <span lang="en" dir="ltr">${escape(problem.message)}</span>`;
  return said;
}

/** The id a field is linked to from the summary. */
function fieldId(name: string): string {
  return `field-${name.replace(/[^\w-]/g, '-')}`;
}

/**
 * The form whose action is the posted address (query strings aside). A page may have several
 * posting to one address (a meeting's postpone, move online and cancel forms; a correction form
 * per block): the one sent is the one whose hidden fields (the form token aside) all match what
 * was posted, the first such form when none tells them apart.
 */
function chooseForm(
  pageHtml: string,
  action: string,
  body: FormBody,
): { start: number; end: number } | undefined {
  let first: { start: number; end: number } | undefined;
  for (const m of pageHtml.matchAll(/<form\b[^>]*>/gi)) {
    const formAction = get(parseTag(m[0]).attributes, 'action') ?? '';
    if (formAction.split('?')[0] !== action) continue;
    const end = pageHtml.indexOf('</form>', m.index);
    if (end < 0) continue;
    const span = { start: m.index, end };
    first ??= span;
    let matches = true;
    for (const input of pageHtml.slice(span.start, end).matchAll(/<input\b[^>]*>/gi)) {
      const tag = parseTag(input[0]).attributes;
      const name = get(tag, 'name');
      if ((get(tag, 'type') ?? '').toLowerCase() !== 'hidden' || !name) continue;
      if (name === '_csrf' || name === '_page') continue;
      const posted = postedValues(body, name);
      if (posted !== undefined && !posted.includes(get(tag, 'value') ?? '')) matches = false;
    }
    if (matches) return span;
  }
  return first;
}

/**
 * The page with its form for `action` filled in from `body` and the problems marked; undefined
 * when the page has no such form.
 */
export function fillRefusedForm(
  pageHtml: string,
  action: string,
  body: FormBody,
  error: PlenumError,
  ui: Ui,
): string | undefined {
  const found = chooseForm(pageHtml, action, body);
  if (!found) return undefined;
  const { start, end } = found;
  let form = pageHtml.slice(start, end);

  const problems = fieldProblemsOf(error);
  const byField = new Map<string, FieldProblem[]>();
  const names = new Set<string>();
  for (const m of form.matchAll(/<(input|select|textarea)\b[^>]*>/gi)) {
    const name = get(parseTag(m[0]).attributes, 'name');
    if (name) names.add(name);
  }
  const unplaced: FieldProblem[] = [];
  for (const problem of problems) {
    // `anchor.blockId` is the field `anchor.blockId`, or else `anchor`; `items.0` is `items`.
    const candidates = [problem.field, problem.field.split('.')[0]!];
    const name = candidates.find((n) => n && names.has(n));
    if (name) byField.set(name, [...(byField.get(name) ?? []), problem]);
    else unplaced.push(problem);
  }

  // Fill in the values and mark the fields; the message goes before the field's first control.
  const marked = new Set<string>();
  const ids = new Map<string, string>();
  form = form.replace(
    /<textarea\b[^>]*>[\s\S]*?<\/textarea>|<select\b[^>]*>[\s\S]*?<\/select>|<input\b[^>]*>/gi,
    (whole) => {
      const isTextarea = /^<textarea/i.test(whole);
      const isSelect = /^<select/i.test(whole);
      const open = isTextarea || isSelect ? whole.slice(0, whole.indexOf('>') + 1) : whole;
      const tag = parseTag(open);
      const name = get(tag.attributes, 'name');
      if (!name) return whole;
      const type = (get(tag.attributes, 'type') ?? 'text').toLowerCase();
      const values = postedValues(body, name);
      let rest = isTextarea || isSelect ? whole.slice(open.length) : '';
      if (values !== undefined || type === 'checkbox') {
        if (isTextarea) {
          rest = `${escape(values?.[0] ?? '')}</textarea>`;
        } else if (isSelect) {
          rest = rest.replace(/<option\b[^>]*>/gi, (optionTag) => {
            const option = parseTag(optionTag);
            const value = get(option.attributes, 'value');
            if (value === undefined || value === null) return optionTag;
            if (values?.includes(value)) set(option.attributes, 'selected', null);
            else remove(option.attributes, 'selected');
            return writeTag('option', option.attributes, false);
          });
        } else if (type === 'checkbox' || type === 'radio') {
          const value = get(tag.attributes, 'value') ?? 'on';
          if (values?.includes(value)) set(tag.attributes, 'checked', null);
          else remove(tag.attributes, 'checked');
        } else if (!['hidden', 'password', 'file', 'submit', 'button', 'reset'].includes(type)) {
          set(tag.attributes, 'value', values?.[0] ?? '');
        }
      }
      let before = '';
      const fieldProblems = byField.get(name);
      if (fieldProblems && type !== 'hidden') {
        const id = get(tag.attributes, 'id') ?? (marked.has(name) ? undefined : fieldId(name));
        if (id && !get(tag.attributes, 'id')) set(tag.attributes, 'id', id);
        if (!ids.has(name) && id) ids.set(name, id);
        const errorId = `${fieldId(name)}-error`;
        const describedBy = get(tag.attributes, 'aria-describedby');
        set(
          tag.attributes,
          'aria-describedby',
          describedBy ? `${errorId} ${describedBy}` : errorId,
        );
        set(tag.attributes, 'aria-invalid', 'true');
        if (!marked.has(name)) {
          marked.add(name);
          before = `<span class="field-error" id="${errorId}"><span class="visually-hidden">${escape(ui.m.forms.fieldError)} </span>${fieldProblems.map((p) => textMarkup(ui, p)).join(' ')}</span>`;
        }
      }
      return `${before}${writeTag(tag.name, tag.attributes, tag.selfClosing)}${rest}`;
    },
  );
  // Problems whose field is hidden or absent are told in the summary only.
  for (const [name, list] of byField) if (!ids.has(name)) unplaced.push(...list);

  const items = [
    ...[...byField]
      .filter(([name]) => ids.has(name))
      .map(
        ([name, list]) =>
          `<li><a href="#${ids.get(name)}">${list.map((p) => textMarkup(ui, p)).join(' ')}</a></li>`,
      ),
    ...unplaced.map((p) => `<li>${textMarkup(ui, p)}</li>`),
  ];
  // The refusal's own sentence first when a problem has no field to name (its detail alone, such
  // as an address or a name, would not say what is wrong).
  if (items.length === 0 || unplaced.some((p) => !p.code))
    items.unshift(`<li>${escape(errorMessage(ui, error.code))}</li>`);
  const summary = `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${escape(ui.m.forms.summary)}</h2>
<p>${escape(ui.m.forms.intro)}</p>
<ul>${items.join('')}</ul>
</div>`;

  let out = pageHtml.slice(0, start) + form + pageHtml.slice(end);
  // Open a closed <details> the form is in, so the marked fields are seen.
  const detailsOpen = out.lastIndexOf('<details', start);
  if (detailsOpen >= 0 && out.indexOf('</details>', detailsOpen) > start) {
    const tagEnd = out.indexOf('>', detailsOpen);
    const tag = out.slice(detailsOpen, tagEnd + 1);
    if (!/\bopen\b/.test(tag)) out = out.slice(0, tagEnd) + ' open' + out.slice(tagEnd);
  }
  const main = /<main\b[^>]*>/i.exec(out);
  out = main
    ? out.slice(0, main.index + main[0].length) + summary + out.slice(main.index + main[0].length)
    : out.slice(0, start) + summary + out.slice(start);
  return out.replace(/<title>/i, `<title>${escape(ui.m.forms.titlePrefix)}: `);
}
