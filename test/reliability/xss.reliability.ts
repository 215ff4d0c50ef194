/**
 * The XSS corpus in Chromium: 35 payloads put in every text field a user can fill (account names,
 * organisation names, submission titles and comments, period titles and descriptions, document
 * titles, meeting titles, sessions and places, watch names and words, API token names, stance
 * quotes, search queries), then every page that shows them is loaded. No script may run: no
 * dialog, no console message from a payload, no global flag set. The page's Content Security
 * Policy is bypassed, so that it is the escaping that is tested, not the policy that backs it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { operatorViewer, type Viewer } from '../../src/accounts/accounts.schema.ts';
import { createApiToken } from '../../src/accounts/accounts.service.ts';
import { installShippedConcepts } from '../../src/concepts/concepts.service.ts';
import {
  buildConsultation,
  builtPassword,
  draftText,
  representativeViewer,
  type BuiltConsultation,
} from '../../src/consultations/consultation.builder.ts';
import { openCommentPeriod } from '../../src/consultations/consultations.service.ts';
import type { OpenDatabase } from '../../src/db/database.ts';
import { newId } from '../../src/db/ids.ts';
import { openTestDatabase } from '../../src/db/test-databases.ts';
import { importFile } from '../../src/imports/imports.service.ts';
import { createMeeting } from '../../src/meetings/meetings.service.ts';
import { registerOrganisation } from '../../src/organisations/organisations.service.ts';
import { recordStance } from '../../src/stances/stances.service.ts';
import { createWatch } from '../../src/watches/watches.service.ts';
import { createHttpServer, listen, type HttpServer } from '../../src/http-server.ts';
import { TestClient } from '../../src/test-client.ts';
import { chromiumSkip, launchChromium } from '../support/browser.ts';

/** Each payload, if it ran, would set window.__xss, call alert, or log "xss". */
const payloads = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '"><svg onload=window.__xss=3>',
  "'><img src=x onerror=alert('xss4')>",
  '</textarea><script>window.__xss=5</script>',
  '</title><script>window.__xss=6</script>',
  '<iframe srcdoc="<script>parent.__xss=7</script>"></iframe>',
  '<body onload=window.__xss=8>',
  '<details open ontoggle=window.__xss=9>',
  '<a href="javascript:window.__xss=10">x</a>',
  'javascript:alert("xss11")',
  '" onmouseover="window.__xss=12" autofocus onfocus="window.__xss=12" x="',
  "' onfocus='window.__xss=13' autofocus '",
  '<scr<script>ipt>window.__xss=14</script>',
  '<ScRiPt>window.__xss=15</sCrIpT>',
  '<svg><script>window.__xss=16</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=17>',
  '<object data="javascript:window.__xss=18"></object>',
  '<embed src="javascript:window.__xss=19">',
  '<input autofocus onfocus=window.__xss=20>',
  '<video><source onerror="window.__xss=21"></video>',
  '<style>@import "javascript:window.__xss=22";</style>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=23">',
  '<base href="javascript:window.__xss=24//">',
  '<form><button formaction=javascript:window.__xss=25>x</button></form>',
  '{{constructor.constructor("window.__xss=26")()}}',
  '${window.__xss=27}',
  '<img src="x` `<script>window.__xss=28</script>"` `>',
  '&lt;script&gt;window.__xss=29&lt;/script&gt;',
  '<!--<script>window.__xss=30</script>-->',
  ']]><script>window.__xss=31</script>',
  '\u003cscript\u003ewindow.__xss=32\u003c/script\u003e',
  '<svg/onload=console.log("xss33")>',
  '<marquee onstart=window.__xss=34>',
  '"-window.__xss=35-"',
];

describe('XSS corpus in Chromium', { skip: chromiumSkip }, () => {
  let opened: OpenDatabase;
  let http: HttpServer;
  let base = '';
  let browser: Browser;
  let built: BuiltConsultation;
  const pages: { path: string; as: 'anonymous' | 'civil' | 'admin' }[] = [];
  const sessions: Record<'civil' | 'admin', string> = { civil: '', admin: '' };

  before(async () => {
    opened = await openTestDatabase('sqlite');
    const { db } = opened;
    http = await createHttpServer({ db, engine: opened.engine });
    base = `http://127.0.0.1:${await listen(http.server, 0, '127.0.0.1')}`;
    built = await buildConsultation(db, { now: new Date(), moderation: 'immediate' });
    await installShippedConcepts(db);
    const civil = representativeViewer(built, 'civil');
    const token = await createApiToken(db, representativeViewer(built, 'civil', 'session'), 'xss');
    const civilRow = await db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', built.accounts.civil.id)
      .executeTakeFirstOrThrow();
    const submissionIds: string[] = [];
    for (const [i, payload] of payloads.entries()) {
      await registerOrganisation(db, civil, {
        name: `${payload} ${i}`,
        stakeholderGroup: 'civil_society',
        country: 'KEN',
      });
      const res = await fetch(`${base}/api/consultations/${built.period.id}/submissions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          organisationId: built.organisations.civil.id,
          title: payload,
          body: `Comment ${i}: ${payload} ends here.`,
        }),
      });
      assert.equal(res.status, 201, await res.clone().text());
      submissionIds.push(((await res.json()) as { submissionId: string }).submissionId);
      await createWatch(db, civil, { name: payload, query: payload.slice(0, 200) });
      await createApiToken(db, civil, payload);
      await openCommentPeriod(
        db,
        operatorViewer,
        built.process.id,
        {
          versionId: built.versionId,
          title: `${payload} ${i}`,
          description: payload,
          opensAt: '2026-01-01T00:00',
          closesAt: '2031-01-01T00:00',
          timeZone: 'UTC',
        },
        new Date(),
      );
      await createMeeting(
        db,
        operatorViewer,
        built.process.id,
        {
          title: `${payload} ${i}`,
          session: payload,
          kind: 'formal',
          format: 'hybrid',
          place: payload,
          startsAt: '2030-03-01T10:00',
          endsAt: '2030-03-01T13:00',
          timeZone: 'Europe/Zurich',
        },
        new Date(),
      );
      await importFile(db, new TextEncoder().encode(draftText(undefined, `${payload} ${i}`)), {
        process: built.process.slug,
        symbol: `TWG/XSS/${i}`,
        language: 'en',
        format: 'text',
      });
      // An account whose name is the payload records a stance quoting the payload.
      const accountId = newId();
      await db
        .insertInto('accounts')
        .values({ ...civilRow, id: accountId, email: `xss${i}@example.org`, name: payload })
        .execute();
      pages.push({ path: `/search?q=${encodeURIComponent(payload)}`, as: 'anonymous' });
      // The period's page lists every submission; a few are also read on their own page.
      if (i % 5 === 0) pages.push({ path: `/submissions/${submissionIds[i]}`, as: 'anonymous' });
    }
    await http.deps.followers.drain();
    const accounts = await db
      .selectFrom('accounts')
      .select(['id', 'email', 'name'])
      .where('email', 'like', 'xss%')
      .execute();
    for (const account of accounts) {
      const i = Number(account.email.slice(3, account.email.indexOf('@')));
      const viewer: Viewer = { ...account, isAdmin: false, grants: [], via: 'session' };
      await recordStance(db, viewer, {
        source: submissionIds[i]!,
        concept: 'dns',
        stance: 'supports',
        exact: payloads[i]!,
        country: 'BRA',
      });
    }
    const anyOrganisation = await db
      .selectFrom('organisations')
      .select('id')
      .where('name', 'like', '%1')
      .executeTakeFirstOrThrow();
    const anyMeeting = await db.selectFrom('meetings').select('id').executeTakeFirstOrThrow();
    const documents = await db.selectFrom('documents').select('id').execute();
    pages.push(
      { path: '/', as: 'anonymous' },
      { path: `/processes/${built.process.slug}`, as: 'anonymous' },
      { path: `/processes/${built.process.slug}/timeline`, as: 'anonymous' },
      { path: '/organisations', as: 'anonymous' },
      { path: `/organisations/${anyOrganisation.id}`, as: 'anonymous' },
      { path: `/consultations/${built.period.id}`, as: 'anonymous' },
      { path: `/consultations/${built.period.id}/moderation`, as: 'admin' },
      { path: `/meetings/${anyMeeting.id}`, as: 'anonymous' },
      { path: '/countries/BRA', as: 'anonymous' },
      { path: '/concepts/dns', as: 'anonymous' },
      { path: '/watches', as: 'civil' },
      { path: '/account', as: 'civil' },
      ...documents.slice(-5).map((d) => ({ path: `/documents/${d.id}`, as: 'anonymous' as const })),
    );
    for (const who of ['civil', 'admin'] as const) {
      const client = new TestClient(http.app);
      await client.signIn(built.accounts[who].email, builtPassword);
      sessions[who] = client.cookies.get('plenum_session')!;
    }
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => http.server.close(resolve));
    await http.deps.followers.stop();
    await opened.close();
  });

  test(`${payloads.length} payloads in every text field: no script runs on any page that shows them`, async () => {
    const started = performance.now();
    const ran: string[] = [];
    const contexts = new Map<string, BrowserContext>();
    for (const who of ['anonymous', 'civil', 'admin'] as const) {
      const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
      if (who !== 'anonymous')
        await context.addCookies([{ name: 'plenum_session', value: sessions[who], url: base }]);
      contexts.set(who, context);
    }
    let loads = 0;
    let shown = 0;
    for (const { path, as } of pages) {
      const page = await contexts.get(as)!.newPage();
      page.on('dialog', (dialog) => {
        ran.push(`${path}: dialog "${dialog.message()}"`);
        void dialog.dismiss();
      });
      page.on('console', (message) => {
        if (/xss/i.test(message.text())) ran.push(`${path}: console "${message.text()}"`);
      });
      const res = await page.goto(`${base}${path}`, { waitUntil: 'load' });
      assert.equal(res?.status(), 200, `${path} as ${as}`);
      // Give handlers (onfocus, ontoggle, onstart…) a moment to fire.
      await page.waitForTimeout(20);
      const flag = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
      if (flag !== undefined) ran.push(`${path}: window.__xss = ${String(flag)}`);
      // The payloads are on the page as text: what the user typed is shown, not dropped.
      if ((await page.content()).includes('window.__xss')) shown++;
      loads++;
      await page.close();
    }
    for (const context of contexts.values()) await context.close();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `XSS corpus: ${payloads.length} payloads in 15 kinds of field, ${loads} page loads (${shown} showing payloads) in ${seconds} s, ${ran.length} script(s) ran`,
    );
    assert.deepEqual(ran, []);
    assert.ok(shown >= pages.length * 0.8, 'the pages show the payloads as text');
  });
});
