/**
 * Routes of concepts: the taxonomy, adding concepts, removing terms, the API (a concept's page and
 * the form that adds a term to it are in src/pages/concept-page.ts).
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { checkForm } from '../accounts/accounts.middleware.ts';
import type { ApiRegistry } from '../api/api-registry.ts';
import {
  decodeKeyCursor,
  keyPageOf,
  nextCursorOf,
  nextCursorSchema,
  pageQuery,
  textAndIdKey,
} from '../api/cursor.ts';
import type { AppEnv } from '../context.ts';
import { unLanguages } from '../text/detect-language.ts';
import { canEditConcepts } from './concepts.policy.ts';
import { newConceptSchema, newTermSchema, type Concept } from './concepts.schema.ts';
import {
  addConceptTerm,
  createConcept,
  getConcept,
  getConcepts,
  removeConceptTerm,
} from './concepts.service.ts';
import { conceptListPage } from './concepts.views.ts';

const field = (body: Record<string, unknown>, key: string): string =>
  typeof body[key] === 'string' ? (body[key] as string) : '';

const conceptJson = z.object({
  slug: z.string(),
  parent: z.string().nullable(),
  names: z.record(z.string(), z.string()),
  terms: z.array(
    z.object({
      id: z.string().describe('Names the term to remove'),
      language: z.string(),
      term: z.string(),
    }),
  ),
  passages: z.number().int(),
});

/** A concept as a write answers it: its names and terms (the passages are counted by the reads). */
const conceptWrittenJson = conceptJson.omit({ passages: true });

/** The API's view of a concept just written; `parentSlug` names its broader concept. */
function writtenConcept(
  concept: Concept,
  parentSlug: string | null,
): z.input<typeof conceptWrittenJson> {
  return {
    slug: concept.slug,
    parent: parentSlug,
    names: concept.names,
    terms: concept.terms.map((t) => ({ id: t.id, language: t.language, term: t.term })),
  };
}

/** The slug of a concept's broader concept, if it has one. */
async function parentSlugOf(c: Context<AppEnv>, concept: Concept): Promise<string | null> {
  if (!concept.parentId) return null;
  const { concepts } = await getConcepts(c.var.deps.db);
  return concepts.find((x) => x.id === concept.parentId)?.slug ?? null;
}

const conceptRef = z.object({ slug: z.string().min(1).max(100).describe('Concept slug or id') });

/** Mounts the concept pages and registers their API routes. */
export function conceptRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/concepts', async (c) => {
    const data = await getConcepts(c.var.deps.db);
    return c.html(conceptListPage(c.var.page, { ...data, canEdit: canEditConcepts(c.var.viewer) }));
  });

  app.post('/concepts', async (c) => {
    const body = await checkForm(c);
    const values = Object.fromEntries(
      ['slug', 'parent', ...unLanguages.map((l) => `name-${l}`)].map((k) => [k, field(body, k)]),
    );
    // A refusal comes back as the list page with the form filled in (src/web/form-refusal.ts).
    const concept = await c.var.deps.db.transaction().execute((trx) =>
      createConcept(trx, c.var.viewer, {
        slug: values.slug,
        parent: values.parent,
        names: Object.fromEntries(unLanguages.map((l) => [l, values[`name-${l}`]])),
      }),
    );
    return c.redirect(`/concepts/${concept.slug}`, 303);
  });

  app.post('/concepts/:slug/terms/:term/delete', async (c) => {
    await checkForm(c);
    const concept = await c.var.deps.db
      .transaction()
      .execute((trx) =>
        removeConceptTerm(trx, c.var.viewer, c.req.param('slug'), c.req.param('term')),
      );
    return c.redirect(`/concepts/${concept.slug}#add-term`, 303);
  });

  api.get({
    path: '/api/concepts',
    summary: 'The taxonomy: every concept with its names, terms and how many passages mention it',
    tag: 'concepts',
    response: z.object({ concepts: z.array(conceptJson) }),
    errors: [],
    handler: async (c) => {
      const { concepts, counts } = await getConcepts(c.var.deps.db);
      const slugOf = new Map(concepts.map((x) => [x.id, x.slug]));
      return {
        concepts: concepts.map((x) => ({
          slug: x.slug,
          parent: x.parentId ? (slugOf.get(x.parentId) ?? null) : null,
          names: x.names,
          terms: x.terms.map((t) => ({ id: t.id, language: t.language, term: t.term })),
          passages: counts.get(x.id) ?? 0,
        })),
      };
    },
  });

  api.get({
    path: '/api/concepts/:slug',
    summary:
      'A concept with the newest passages that mention it or a narrower concept (by date, then source id), a page of them at a time',
    tag: 'concepts',
    params: z.object({ slug: z.string().min(1).max(100) }),
    query: pageQuery.extend({
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(500)
        .default(50)
        .describe('Mentions per page (1 to 500; 50 unless given)'),
    }),
    response: conceptJson.extend({
      mentions: z.array(
        z.object({
          kind: z.string(),
          date: z.string(),
          title: z.string(),
          symbol: z.string().nullable(),
          address: z.string().nullable(),
          href: z.string(),
          language: z.string(),
          organisation: z.string().nullable(),
          text: z.string(),
        }),
      ),
      nextCursor: nextCursorSchema.describe(
        'Pass as `cursor` for the next page of mentions; null on the last page',
      ),
    }),
    errors: ['CONCEPT_NOT_FOUND'],
    handler: async (c, { params, query }) => {
      const data = await getConcept(
        c.var.deps.db,
        params.slug,
        query.limit + 1,
        decodeKeyCursor(query.cursor, textAndIdKey),
      );
      const page = await keyPageOf(data.passages, query.limit, (p) => [p.at, p.sourceId]);
      return {
        slug: data.concept.slug,
        parent: data.parent?.slug ?? null,
        names: data.concept.names,
        terms: data.concept.terms.map((t) => ({ id: t.id, language: t.language, term: t.term })),
        passages: data.count,
        mentions: page.items.map((p) => ({
          kind: p.kind,
          date: p.at,
          title: p.title,
          symbol: p.symbol,
          address: p.address,
          href: p.href,
          language: p.language,
          organisation: p.organisationName,
          text: p.text,
        })),
        nextCursor: nextCursorOf(page),
      };
    },
  });

  api.post({
    path: '/api/concepts',
    summary: 'Add a concept to the taxonomy (administrators): a slug, a broader concept, its names',
    tag: 'concepts',
    scope: 'admin',
    status: 201,
    body: newConceptSchema.meta({ id: 'NewConcept' }),
    response: conceptWrittenJson,
    errors: ['FORBIDDEN', 'CONCEPT_CONFLICT', 'CONCEPT_NOT_FOUND'],
    handler: async (c, { body }) => {
      const concept = await c.var.deps.db
        .transaction()
        .execute((trx) => createConcept(trx, c.var.viewer, body));
      return writtenConcept(concept, await parentSlugOf(c, concept));
    },
  });

  api.post({
    path: '/api/concepts/:slug/terms',
    summary:
      'Add a term to a concept (administrators); the passages already indexed that use it are tagged',
    tag: 'concepts',
    scope: 'admin',
    status: 201,
    params: conceptRef,
    body: newTermSchema.meta({ id: 'NewConceptTerm' }),
    response: z.object({
      concept: conceptWrittenJson,
      tagged: z.number().int().describe('Passages tagged with the concept after the change'),
    }),
    errors: ['FORBIDDEN', 'CONCEPT_CONFLICT', 'CONCEPT_NOT_FOUND'],
    handler: async (c, { params, body }) => {
      const { concept, tagged } = await c.var.deps.db
        .transaction()
        .execute((trx) => addConceptTerm(trx, c.var.viewer, params.slug, body));
      return { concept: writtenConcept(concept, await parentSlugOf(c, concept)), tagged };
    },
  });

  api.post({
    path: '/api/concepts/:slug/terms/:term/delete',
    summary: 'Remove a term from a concept (administrators); passages are tagged again without it',
    tag: 'concepts',
    scope: 'admin',
    params: conceptRef.extend({
      term: z.string().min(1).max(100).describe('The term’s id (`terms[].id`)'),
    }),
    body: z.object({}),
    response: conceptWrittenJson,
    errors: ['FORBIDDEN', 'CONCEPT_NOT_FOUND', 'NOT_FOUND'],
    handler: async (c, { params }) => {
      const concept = await c.var.deps.db
        .transaction()
        .execute((trx) => removeConceptTerm(trx, c.var.viewer, params.slug, params.term));
      return writtenConcept(concept, await parentSlugOf(c, concept));
    },
  });
}
