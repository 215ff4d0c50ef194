/**
 * Publishing a closed period's submissions in one act (issue 17: a comment period's "publish"):
 * refused while the period is open or not yet open, writing nothing; once it has closed, every
 * submission still in review is published with the steps a moderator's single "Publish" takes,
 * rejected and returned ones are left as they are, and the page's button and the API operation
 * call the same service (the same rows written), on both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeApiToken } from '../accounts/accounts.service.ts';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  representativeViewer,
  signedIn,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { openCommentPeriod } from '../consultations/consultations.service.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, rowCounts, testEngines } from '../db/test-databases.ts';
import {
  moderateSubmission,
  publishPeriodSubmissions,
  submitComment,
} from './submissions.service.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers
type Json = any;

const opensAt = '2026-01-01T00:00';
const closesAt = '2026-06-30T23:59';
const whileOpen = new Date('2026-06-01T12:00:00Z');
const beforeOpening = new Date('2025-12-01T12:00:00Z');
const afterClosing = new Date('2026-07-02T12:00:00Z');

/** The change of every table's row count between two counts (tables that did not change left out). */
function difference(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.keys(after)
      .map((t) => [t, after[t]! - (before[t] ?? 0)] as const)
      .filter(([, n]) => n !== 0),
  );
}

for (const engine of testEngines()) {
  describe(`publishing a closed period's submissions (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let clock = whileOpen;
    let moderator: Viewer;
    const tokens = new Map<string, string>();
    /** The two periods of the same shape: one published from the page, one through the API. */
    const periods: Record<'page' | 'api', { id: string; submissions: Record<string, string> }> = {
      page: { id: '', submissions: {} },
      api: { id: '', submissions: {} },
    };
    const except = ['rate_limits', 'sessions'];

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, { opens: opensAt, closes: closesAt, now: whileOpen });
      app = createApp({ db: o.db, engine, now: () => clock });
      moderator = {
        ...built.accounts.moderator,
        name: 'moderator',
        isAdmin: false,
        grants: [{ role: 'moderator', scopeId: built.process.id }],
        via: 'session',
      };
      tokens.set(
        'moderator',
        (await makeApiToken(o.db, moderator, { name: 'm', scopes: ['read', 'moderate'] }, clock))
          .secret,
      );
      tokens.set(
        'moderatorWithoutScope',
        (await makeApiToken(o.db, moderator, { name: 'r', scopes: ['read', 'submit'] }, clock))
          .secret,
      );
      const civil = representativeViewer(built, 'civil');
      tokens.set(
        'civil',
        (await makeApiToken(o.db, civil, { name: 'c', scopes: ['read', 'moderate'] }, clock))
          .secret,
      );
      periods.page.id = built.period.id;
      periods.api.id = (
        await openCommentPeriod(
          o.db,
          operatorViewer,
          built.process.id,
          {
            versionId: built.versionId,
            title: 'A second round, of the same shape',
            opensAt,
            closesAt,
            timeZone: 'UTC',
            moderation: 'review',
          },
          whileOpen,
        )
      ).id;
      // In each: one to reject, one to return, two left in review, and one published alone.
      for (const [name, period] of Object.entries(periods))
        for (const [i, key] of ['rejected', 'returned', 'first', 'second', 'alone'].entries())
          period.submissions[key] = (
            await submitComment(
              o.db,
              civil,
              period.id,
              {
                organisationId: built.organisations.civil.id,
                body: `Comment ${i + 1} of the ${name} period, on the public core.`,
                idempotencyKey: `${name}-${key}`,
              },
              [],
              whileOpen,
            )
          ).submissionId;
      for (const period of Object.values(periods)) {
        await moderateSubmission(
          o.db,
          moderator,
          period.submissions.rejected!,
          { action: 'reject', reason: 'off_topic' },
          whileOpen,
        );
        await moderateSubmission(
          o.db,
          moderator,
          period.submissions.returned!,
          { action: 'return', note: 'Say which paragraph.' },
          whileOpen,
        );
      }
    });
    after(async () => o.close());

    const api = async (token: string, periodId: string, body: unknown = {}) => {
      const res = await app.request(`/api/consultations/${periodId}/publish`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens.get(token)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Json };
    };
    const statuses = async (periodId: string) =>
      Object.fromEntries(
        (
          await o.db
            .selectFrom('submissions')
            .select(['id', 'status'])
            .where('period_id', '=', periodId)
            .execute()
        ).map((r) => [r.id, r.status]),
      );

    test('refused while the period is open or not yet open, and to others, writing nothing', async () => {
      clock = whileOpen;
      // Signed in at the clock of the request (a session lasts less than the month between).
      let moderatorPage = await signedIn(app, built, 'moderator');
      const counts = await rowCounts(o, except);
      const open = await api('moderator', periods.api.id);
      assert.equal(open.status, 409);
      assert.equal(open.body.error.code, 'PERIOD_NOT_CLOSED');
      assert.match(open.body.error.message, /The period is open/);
      const page = await moderatorPage.post(`/consultations/${periods.page.id}/publish`, {});
      assert.equal(page.status, 409);
      assert.match(await page.text(), /has not closed/);
      const queue = await (
        await moderatorPage.get(`/consultations/${periods.page.id}/moderation`)
      ).text();
      assert.doesNotMatch(
        queue,
        /action="\/consultations\/[^"]+\/publish"/,
        'no button while open',
      );
      clock = beforeOpening;
      await assert.rejects(
        publishPeriodSubmissions(o.db, moderator, periods.api.id, beforeOpening),
        (e: Error & { code?: string }) =>
          e.code === 'PERIOD_NOT_CLOSED' && /scheduled/.test(e.message),
      );
      assert.deepEqual(await rowCounts(o, except), counts, 'nothing written while open');
      clock = afterClosing;
      moderatorPage = await signedIn(app, built, 'moderator');
      const civilPage = await signedIn(app, built, 'civil');
      const counts2 = await rowCounts(o, except);
      const noScope = await api('moderatorWithoutScope', periods.api.id);
      assert.equal(noScope.status, 403);
      assert.equal(noScope.body.error.code, 'TOKEN_SCOPE_MISSING');
      assert.match(noScope.body.error.message, /“moderate”/);
      const notStaff = await api('civil', periods.api.id);
      assert.equal(notStaff.status, 403);
      assert.equal(notStaff.body.error.code, 'FORBIDDEN');
      const civilRefused = await civilPage.post(`/consultations/${periods.page.id}/publish`, {});
      assert.equal(civilRefused.status, 403);
      const unknown = await api('moderator', periods.api.id, { colour: 'blue' });
      assert.equal(unknown.status, 422);
      assert.match(unknown.body.error.message, /“colour”/);
      const page2 = await moderatorPage.post(`/consultations/${periods.api.id}/publish`, {
        _csrf: 'forged',
      });
      assert.equal(page2.status, 403, 'a forged form token');
      assert.deepEqual(await rowCounts(o, except), counts2, 'no refusal writes anything');
    });

    test('once closed, the page and the API publish every submission in review with the single decision’s steps', async () => {
      clock = afterClosing;
      const moderatorPage = await signedIn(app, built, 'moderator');
      // One published alone in each period: the rows a single "Publish" writes.
      const beforeAlone = await rowCounts(o, except);
      for (const period of Object.values(periods))
        await moderateSubmission(
          o.db,
          moderator,
          period.submissions.alone!,
          { action: 'publish' },
          afterClosing,
        );
      const alone = difference(beforeAlone, await rowCounts(o, except));
      assert.ok(alone.events! >= 2, JSON.stringify(alone));

      const queue = await (
        await moderatorPage.get(`/consultations/${periods.page.id}/moderation`)
      ).text();
      assert.match(queue, /Publish the 2 submissions still in review/);
      const beforePage = await rowCounts(o, except);
      const page = await moderatorPage.post(`/consultations/${periods.page.id}/publish`, {});
      assert.equal(page.status, 303);
      assert.equal(
        page.headers.get('location'),
        `/consultations/${periods.page.id}/moderation?published=2`,
      );
      const afterPage = await rowCounts(o, except);
      const shown = await (await moderatorPage.get(page.headers.get('location')!)).text();
      assert.match(shown, /2 submissions published\./);
      assert.doesNotMatch(shown, /still in review/, 'nothing left to publish');

      const byApi = await api('moderator', periods.api.id);
      assert.equal(byApi.status, 200, JSON.stringify(byApi.body));
      assert.deepEqual(byApi.body, { published: 2, rejected: 1, returned: 1 });
      const afterApi = await rowCounts(o, except);

      const fromPage = difference(beforePage, afterPage);
      assert.deepEqual(
        difference(afterPage, afterApi),
        fromPage,
        'the page and the API write alike',
      );
      // Two submissions, as the two single decisions (one per period): an event and a
      // transparency log entry each, and one event more for the act. (Kept counts are upserted:
      // their rows are compared below, not counted.)
      assert.equal(alone.events, 2);
      assert.equal(alone.transparency_entries, 2);
      assert.equal(fromPage.events, alone.events + 1);
      assert.equal(fromPage.transparency_entries, alone.transparency_entries);
      assert.equal(fromPage.submissions, undefined, 'no submission row added or removed');

      for (const period of Object.values(periods)) {
        const s = period.submissions;
        assert.deepEqual(await statuses(period.id), {
          [s.rejected!]: 'rejected',
          [s.returned!]: 'returned',
          [s.first!]: 'published',
          [s.second!]: 'published',
          [s.alone!]: 'published',
        });
        const events = await o.db
          .selectFrom('events')
          .select(['action', 'subject_id', 'actor'])
          .where((eb) =>
            eb.or([
              eb('subject_id', 'in', [s.first!, s.second!]),
              eb('action', '=', 'period.submissions_published').and('subject_id', '=', period.id),
            ]),
          )
          .where('action', 'in', ['submission.published', 'period.submissions_published'])
          .execute();
        assert.deepEqual(events.map((e) => e.action).toSorted(), [
          'period.submissions_published',
          'submission.published',
          'submission.published',
        ]);
        assert.ok(events.every((e) => e.actor === moderator.id));
        const kept = await o.db
          .selectFrom('period_status_counts')
          .select(['status', 'n'])
          .where('period_id', '=', period.id)
          .execute();
        const n = (status: string) =>
          kept.filter((k) => k.status === status).reduce((sum, k) => sum + Number(k.n), 0);
        assert.deepEqual(
          [n('in_review'), n('published'), n('rejected'), n('returned')],
          [0, 3, 1, 1],
        );
      }
      const again = await api('moderator', periods.api.id);
      assert.deepEqual(again.body, { published: 0, rejected: 1, returned: 1 }, 'nothing left');
    });
  });
}
