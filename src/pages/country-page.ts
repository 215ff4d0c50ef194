/**
 * A country's page: the stances recorded for the state, with its government's submissions read
 * and drawn by the submissions feature.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { PlenumError } from '../errors.ts';
import { findCountry } from '../organisations/countries.ts';
import { getStancesOfCountry } from '../stances/stances.service.ts';
import { countryPage } from '../stances/stances.views.ts';
import { getPublishedSubmissions } from '../submissions/submissions.service.ts';
import { submissionItem } from '../submissions/submissions.views.ts';

/** Mounts a country's page. */
export function countryPageRoutes(app: Hono<AppEnv>): void {
  app.get('/countries/:code', async (c) => {
    const code = c.req.param('code').toUpperCase();
    if (!/^[A-Z]{3}$/.test(code) || !findCountry(code)) throw new PlenumError('NOT_FOUND');
    const { db } = c.var.deps;
    const { submissions } = await getPublishedSubmissions(
      db,
      { everywhere: true },
      // Only a verified government speaks for its State.
      { country: code, group: 'government', claims: 'verified' },
      { limit: 50 },
    );
    return c.html(
      countryPage(c.var.page, {
        iso3: code,
        submissions: submissions.map((s) => submissionItem(c.var.page, s, { showAnchors: true })),
        stances: await getStancesOfCountry(db, code),
      }),
    );
  });
}
