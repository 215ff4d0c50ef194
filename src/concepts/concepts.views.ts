/** HTML of the concept list and a concept's page, with the editing forms for administrators. */
import { html } from 'hono/html';
import { unLanguages } from '../text/detect-language.ts';
import type { PageContext } from '../web/page-context.ts';
import { fill } from '../web/i18n.ts';
import { directionOf, csrfField, languageName, page, type Markup } from '../web/layout.ts';
import type { Concept, TaggedPassage } from './concepts.schema.ts';
import { conceptName, passageItem } from '../web/view-parts.ts';

function formProblem(problem: Markup | undefined): Markup {
  return problem ? html`<div class="problem" role="alert">${problem}</div>` : '';
}

/** The taxonomy as a tree, each concept with how many passages mention it. */
export function conceptListPage(
  ctx: PageContext,
  data: {
    concepts: Concept[];
    counts: Map<string, number>;
    canEdit: boolean;
    problem?: Markup;
    values?: Record<string, string>;
  },
): Markup {
  const { ui } = ctx;
  const m = ui.m.concepts;
  const branch = (parentId: string | null): Markup => {
    const children = data.concepts.filter((c) => c.parentId === parentId);
    if (children.length === 0) return '';
    return html`<ul>
      ${children.map(
        (c) =>
          html`<li><a href="/concepts/${c.slug}">${conceptName(ctx, c)}</a> <span class="meta">(${ui.plural(m.passages, data.counts.get(c.id) ?? 0)})</span>${branch(c.id)}</li>`,
      )}
    </ul>`;
  };
  const v = data.values ?? {};
  const form = data.canEdit
    ? html`<h2 id="new">${m.newConcept}</h2>
        ${formProblem(data.problem)}
        <form method="post" action="/concepts">
          ${csrfField(ctx)}
          <p><label for="slug">${m.slug}</label><br /><input id="slug" name="slug" required maxlength="60" pattern="[a-z0-9]+(-[a-z0-9]+)*" value="${v.slug ?? ''}" dir="ltr" /></p>
          <p><label for="parent">${m.parent}</label><br /><select id="parent" name="parent">
            <option value="">${m.noParent}</option>
            ${data.concepts.map((c) => html`<option value="${c.slug}" ${v.parent === c.slug ? 'selected' : ''}>${conceptName(ctx, c)}</option>`)}
          </select></p>
          ${unLanguages.map(
            (l) =>
              html`<p><label for="name-${l}">${fill(m.nameIn, { language: languageName(l, ui.lang).display })}</label><br /><input id="name-${l}" name="name-${l}" lang="${l}" dir="${directionOf(l)}" maxlength="120" ${l === 'en' ? 'required' : ''} value="${v[`name-${l}`] ?? ''}" /></p>`,
          )}
          <p class="hint">${m.nameHint}</p>
          <p><button type="submit">${m.create}</button></p>
        </form>`
    : '';
  const main = html`<h1>${m.title}</h1>
    <p>${m.intro}</p>
    ${branch(null)} ${form}`;
  return page(ctx, { title: m.title, main, crumbs: [{ label: m.title }] });
}

/** A concept: its names in the six languages, its terms, what is above and below it, and the passages that mention it. */
export function conceptPage(
  ctx: PageContext,
  data: {
    concept: Concept;
    parent: Concept | undefined;
    children: Concept[];
    passages: TaggedPassage[];
    count: number;
    canEdit: boolean;
    /** The stance map section (chart and table), made by the stances feature. */
    stanceMap?: Markup;
    problem?: Markup;
    notice?: string;
  },
): Markup {
  const { ui } = ctx;
  const m = ui.m.concepts;
  const { concept } = data;
  const name = conceptName(ctx, concept);
  const main = html`<h1>${name}</h1>
    ${data.notice ? html`<p class="notice" role="status">${data.notice}</p>` : ''}
    <p class="meta">${ui.plural(m.passages, data.count)}${
      data.parent
        ? html` · ${m.broader}: <a href="/concepts/${data.parent.slug}">${conceptName(ctx, data.parent)}</a>`
        : ''
    }</p>
    ${
      data.children.length > 0
        ? html`<h2>${m.narrower}</h2><ul>${data.children.map((c) => html`<li><a href="/concepts/${c.slug}">${conceptName(ctx, c)}</a></li>`)}</ul>`
        : ''
    }
    <h2>${m.names}</h2>
    <dl class="names">
      ${unLanguages.map(
        (l) =>
          html`<dt>${languageName(l, ui.lang).display}</dt><dd><bdi lang="${l}" dir="${directionOf(l)}">${concept.names[l]}</bdi>${
            concept.terms.some((t) => t.language === l)
              ? html`<br /><span class="meta">${m.terms}:</span> ${
                  data.canEdit
                    ? concept.terms
                        .filter((t) => t.language === l)
                        .map(
                          (t) =>
                            html`<form method="post" action="/concepts/${concept.slug}/terms/${t.id}/delete" class="inline">${csrfField(ctx)}<bdi lang="${l}" dir="${directionOf(l)}">${t.term}</bdi> <button type="submit" class="link" aria-label="${fill(m.removeTerm, { term: t.term })}">×</button></form> `,
                        )
                    : html`<bdi lang="${l}" dir="${directionOf(l)}">${concept.terms
                        .filter((t) => t.language === l)
                        .map((t) => t.term)
                        .join(' · ')}</bdi>`
                }`
              : ''
          }</dd>`,
      )}
    </dl>
    ${data.stanceMap ?? ''}
    <h2>${m.mentions}</h2>
    ${
      data.passages.length === 0
        ? html`<p class="empty">${m.none}</p>`
        : html`<ol class="passages">${data.passages.map((p) => passageItem(ctx, p, p.at))}</ol>`
    }
    ${
      data.canEdit
        ? html`<h2 id="add-term">${m.addTerm}</h2>
            ${formProblem(data.problem)}
            <form method="post" action="/concepts/${concept.slug}/terms">
              ${csrfField(ctx)}
              <p><label for="language">${m.language}</label><br /><select id="language" name="language">
                ${unLanguages.map((l) => html`<option value="${l}" ${l === ui.lang ? 'selected' : ''}>${languageName(l, ui.lang).display}</option>`)}
              </select></p>
              <p><label for="term">${m.term}</label><br /><input id="term" name="term" required minlength="2" maxlength="120" /></p>
              <p><button type="submit">${m.add}</button></p>
            </form>`
        : ''
    }`;
  return page(ctx, {
    title: name,
    main,
    crumbs: [{ label: m.title, href: '/concepts' }, { label: name }],
  });
}
