/**
 * Routes of stances: the form that records one, and the API (a country's page is in
 * src/pages/country-page.ts).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { checkForm } from '../accounts/accounts.middleware.ts';
import { getConcepts } from '../concepts/concepts.service.ts';
import { PlenumError } from '../errors.ts';
import { getOrganisations } from '../organisations/organisations.service.ts';
import { findCountry } from '../organisations/countries.ts';
import type { ApiRegistry } from '../api/api-registry.ts';
import {
  decodeKeyCursor,
  nextCursorOf,
  nextCursorSchema,
  pageQuery,
  textAndIdKey,
} from '../api/cursor.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { newStanceSchema, stanceKinds, type Stance } from './stances.schema.ts';
import {
  getStanceSource,
  getStancesOfCountryPage,
  recordStance,
  removeStance,
} from './stances.service.ts';
import { stanceFormPage } from './stances.views.ts';

const fields = [
  'source',
  'concept',
  'stance',
  'exact',
  'organisation',
  'country',
  'saidOn',
  'note',
];

/** A stance as the API gives it. */
const stanceJson = z.object({
  id: z.string(),
  concept: z.string(),
  stance: z.enum(stanceKinds),
  actor: z.object({
    organisation: z.string().nullable(),
    name: z.string().nullable(),
    country: z.string().nullable(),
    stakeholderGroup: z.string(),
    regionalGroup: z.string().nullable(),
    verified: z
      .boolean()
      .describe('False for an organisation not verified: never counted as the State it names'),
  }),
  quote: z.object({
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    source: z.string(),
    href: z.string(),
    symbol: z.string().nullable(),
    address: z.string().nullable(),
  }),
  process: z.string(),
  saidOn: z.string(),
  note: z.string().nullable(),
});

/** The API's view of a stance. */
export function stanceToJson(s: Stance): z.input<typeof stanceJson> {
  return {
    id: s.id,
    concept: s.conceptSlug,
    stance: s.stance,
    actor: {
      organisation: s.actor.organisationSlug,
      name: s.actor.name,
      country: s.actor.country,
      stakeholderGroup: s.actor.stakeholderGroup,
      regionalGroup: s.actor.regionalGroup,
      verified: s.actor.verified,
    },
    quote: {
      exact: s.exact,
      prefix: s.prefix,
      suffix: s.suffix,
      start: s.start,
      end: s.end,
      source: s.source.id,
      href: s.source.href,
      symbol: s.source.symbol,
      address: s.source.address,
    },
    process: s.processName,
    saidOn: s.saidOn,
    note: s.note,
  };
}

/** Mounts the stance pages and registers their API routes. */
export function stanceRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/stances/new', async (c) => {
    if (!c.var.viewer) throw new PlenumError('SIGN_IN_REQUIRED');
    const { db } = c.var.deps;
    const source = await getStanceSource(db, (c.req.query('source') ?? '').slice(0, 80));
    return c.html(
      stanceFormPage(c.var.page, {
        source,
        concepts: (await getConcepts(db)).concepts,
        organisations: await getOrganisations(db),
        values: { concept: c.req.query('concept') ?? '' },
      }),
    );
  });

  app.post('/stances', async (c) => {
    const body = await checkForm(c);
    const values = Object.fromEntries(
      fields.map((k) => [k, typeof body[k] === 'string' ? (body[k] as string) : '']),
    );
    const { db } = c.var.deps;
    // Refused, the form comes back filled in (form-refusal.ts); a source that is not there (or
    // not public) has no form to come back to, and gets its error page.
    const stance = await db
      .transaction()
      .execute((trx) => recordStance(trx, c.var.viewer, values, clockOf(c.var.deps)));
    return c.redirect(`/concepts/${stance.conceptSlug}#stances`, 303);
  });

  app.post('/stances/:id/delete', async (c) => {
    await checkForm(c);
    const slug = await c.var.deps.db
      .transaction()
      .execute((trx) => removeStance(trx, c.var.viewer, c.req.param('id')));
    return c.redirect(`/concepts/${slug}#stances`, 303);
  });

  api.post({
    path: '/api/stances',
    scope: 'submit',
    summary: 'Record a stance: an actor on a concept, with the exact words quoted from a passage',
    tag: 'stances',
    auth: true,
    body: newStanceSchema.meta({ id: 'NewStance' }),
    response: stanceJson,
    errors: [
      'SIGN_IN_REQUIRED',
      'STANCE_SOURCE_NOT_FOUND',
      'CONCEPT_NOT_FOUND',
      'ORGANISATION_NOT_FOUND',
      'ANCHOR_INVALID',
    ],
    status: 201,
    handler: async (c, { body }) => {
      const stance = await c.var.deps.db
        .transaction()
        .execute((trx) => recordStance(trx, c.var.viewer, body, clockOf(c.var.deps)));
      return stanceToJson(stance);
    },
  });

  api.post({
    path: '/api/stances/:id/delete',
    scope: 'submit',
    summary: 'Remove a stance (its recorder or an administrator)',
    tag: 'stances',
    params: z.object({ id: z.string().min(1).max(100).describe('Stance id') }),
    body: z.object({}),
    response: z.object({
      removed: z.string(),
      concept: z.string().describe('The slug of the concept the stance was on'),
    }),
    errors: ['SIGN_IN_REQUIRED', 'FORBIDDEN', 'NOT_FOUND'],
    handler: async (c, { params }) => {
      const concept = await c.var.deps.db
        .transaction()
        .execute((trx) => removeStance(trx, c.var.viewer, params.id));
      return { removed: params.id, concept };
    },
  });

  api.get({
    path: '/api/countries/:code/stances',
    summary:
      'The stances recorded for a state, oldest first (by the day said, then id), a page at a time',
    tag: 'stances',
    params: z.object({ code: z.string().regex(/^[A-Za-z]{3}$/) }),
    query: pageQuery,
    response: z.object({ stances: z.array(stanceJson), nextCursor: nextCursorSchema }),
    errors: ['COUNTRY_NOT_FOUND'],
    handler: async (c, { params, query }) => {
      if (!findCountry(params.code.toUpperCase())) throw new PlenumError('COUNTRY_NOT_FOUND');
      const page = await getStancesOfCountryPage(c.var.deps.db, params.code, {
        after: decodeKeyCursor(query.cursor, textAndIdKey),
        limit: query.limit,
      });
      return { stances: page.items.map(stanceToJson), nextCursor: nextCursorOf(page) };
    },
  });
}
