/**
 * A concept's page and the form that adds a term to it: the concept's own sections, with the
 * stance map read and drawn by the stances feature.
 */
import type { Context, Hono } from 'hono';
import { checkForm } from '../accounts/accounts.middleware.ts';
import { canEditConcepts } from '../concepts/concepts.policy.ts';
import type { Concept } from '../concepts/concepts.schema.ts';
import { addConceptTerm, getConcept } from '../concepts/concepts.service.ts';
import { conceptPage } from '../concepts/concepts.views.ts';
import type { AppEnv } from '../context.ts';
import { withContentTranslations } from '../processes/translations.service.ts';
import { getStancesOnConcept } from '../stances/stances.service.ts';
import { stanceMapSection } from '../stances/stances.views.ts';
import { fill } from '../web/i18n.ts';
import type { Markup } from '../web/layout.ts';

const field = (body: Record<string, unknown>, key: string): string =>
  typeof body[key] === 'string' ? (body[key] as string) : '';

/** The stance map of a concept, as the stances feature reads and draws it. */
async function stanceMap(c: Context<AppEnv>, concept: Concept): Promise<Markup> {
  const { db } = c.var.deps;
  const stances = await getStancesOnConcept(db, concept.id);
  const ctx = await withContentTranslations(
    db,
    c.var.page,
    stances.map((s) => ({ type: 'process' as const, id: s.processId })),
  );
  return stanceMapSection(ctx, concept, stances);
}

/** Mounts a concept's page and the form that adds a term (after the concept routes). */
export function conceptPageRoutes(app: Hono<AppEnv>): void {
  app.get('/concepts/:slug', async (c) => {
    const data = await getConcept(c.var.deps.db, c.req.param('slug'));
    const stanceMapOfConcept = await stanceMap(c, data.concept);
    const tagged = Number(c.req.query('tagged'));
    return c.html(
      conceptPage(c.var.page, {
        ...data,
        canEdit: canEditConcepts(c.var.viewer),
        stanceMap: stanceMapOfConcept,
        ...(Number.isInteger(tagged) && tagged >= 0 && c.req.query('tagged') !== undefined
          ? { notice: fill(c.var.ui.m.concepts.termAdded, { n: c.var.ui.n(tagged) }) }
          : {}),
      }),
    );
  });

  app.post('/concepts/:slug/terms', async (c) => {
    const body = await checkForm(c);
    const { db } = c.var.deps;
    const slug = c.req.param('slug');
    // Refused, the concept's page comes back with the term's form filled in (form-refusal.ts).
    const { concept, tagged } = await db.transaction().execute((trx) =>
      addConceptTerm(trx, c.var.viewer, slug, {
        language: field(body, 'language'),
        term: field(body, 'term'),
      }),
    );
    return c.redirect(`/concepts/${concept.slug}?tagged=${tagged}#add-term`, 303);
  });
}
