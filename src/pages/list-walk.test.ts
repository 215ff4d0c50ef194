/**
 * Counts that are true, page by page (issue 19, point 4): a walk over every page of the app that
 * shows a list with a count beside it, under its filters, following its pages, comparing the count
 * said with the items shown; and the pages and the API agree on what exists (the same 404s) and on
 * how many (the same counts). The list pages are read from the app's GET routes: a new page
 * without a case here, or a reason why it shows no counted list, fails the last test.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import { drain } from '../followers.ts';
import { submitComment } from '../submissions/submissions.service.ts';
import { TestClient } from '../test-client.ts';

const now = new Date('2026-06-10T12:00:00Z');
const words = [
  'Resolvers',
  'Cables',
  'Routing',
  'Registries',
  'Capacity',
  'Norms',
  'Incidents',
  'Confidence',
  'Attribution',
];

/** A number as a count sentence writes it ("No" for none). */
const numberOf = (text: string): number => (text === 'No' ? 0 : Number(text.replace(/,/g, '')));

/** The items of the first list matched by `list` (its direct <li> children, nested lists aside). */
function itemsOf(html: string, list: RegExp): number {
  const found = list.exec(html);
  if (!found) return 0;
  let depth = 0;
  let count = 0;
  for (const tag of found[1]!.matchAll(/<(\/?)(ol|ul|li)\b/g)) {
    if (tag[2] === 'li') {
      if (!tag[1] && depth === 0) count++;
      continue;
    }
    depth += tag[1] ? -1 : 1;
  }
  return count;
}

/** A page that shows a counted list: how to read its count and its items, and its filters. */
interface ListPage {
  route: string;
  path: (b: BuiltConsultation) => string;
  /** Queries to walk (each with the page's own parameters, '' for none). */
  queries: (b: BuiltConsultation) => string[];
  /** The count the page says; undefined when it says none (no count sentence for an empty list). */
  said: (html: string) => number | undefined;
  /** The items shown on this page of the list. */
  listed: (html: string) => number;
  /** The next page of the list, when the list is paged. */
  next?: (html: string) => string | undefined;
  /** The API's count for the same query, where the API lists the same things. */
  api?: (b: BuiltConsultation, query: string) => string;
}

/** The campaign the walk plants (set once the follower has grouped it). */
let campaignId = '';

/** A form letter, sent by several organisations: one campaign. */
const letter =
  'We ask the working group to keep the multistakeholder model in paragraph 12 and to publish every contribution received during the consultation. The secretariat should report on the comments before the next session, and answer each of them in writing.';

const nextLink = (html: string) =>
  /<a rel="next" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');

const listPages: ListPage[] = [
  {
    route: '/consultations/:id',
    path: (b) => `/consultations/${b.period.id}`,
    queries: (b) => [
      '',
      'country=KEN',
      'country=NLD',
      'country=ISL',
      'group=civil_society',
      'group=government',
      'group=academia',
      'region=african',
      'language=fr',
      `organisation=${b.organisations.civil.slug}`,
    ],
    said: (html) => {
      const m = /<h2>Submissions<\/h2>\s*<p>(No|\d+) published submissions?/.exec(html);
      return m ? numberOf(m[1]!) : undefined;
    },
    // A campaign is one item standing for its members, whose number it says.
    listed: (html) => {
      const list = /<ol class="submissions"[^>]*>([\s\S]*)<\/ol>/.exec(html)?.[1] ?? '';
      const campaigns = [...list.matchAll(/<strong>Campaign<\/strong>: (\d+) submissions/g)];
      return (
        itemsOf(html, /<ol class="submissions"[^>]*>([\s\S]*)<\/ol>/) -
        campaigns.length +
        campaigns.reduce((sum, m) => sum + Number(m[1]), 0)
      );
    },
    api: (b, query) => `/api/consultations/${b.period.id}/submissions?limit=200&${query}`,
  },
  {
    route: '/search',
    path: () => '/search',
    queries: (b) => [
      'q=comment',
      'q=comment&group=civil_society',
      'q=comment&country=NLD',
      'q=comment&kind=submission',
      'q=comment&kind=paragraph',
      `q=comment&process=${b.process.slug}`,
      'q=comment&language=fr',
      'q=paragraph',
      'q=paragraph&kind=paragraph',
    ],
    said: (html) => {
      const m = /<p class="meta" role="status">(No|[\d,]+) results? found/.exec(html);
      return m ? numberOf(m[1]!) : undefined;
    },
    listed: (html) => itemsOf(html, /<ol class="submissions"[^>]*>([\s\S]*?)<\/ol>/),
    next: nextLink,
  },
  {
    // A campaign's page: the count of its members above them, page after page; the period's page
    // and the API say the same count (below).
    route: '/consultations/:id/campaigns/:campaign',
    path: (b) => `/consultations/${b.period.id}/campaigns/${campaignId}`,
    queries: () => [''],
    said: (html) => {
      const m = /<p><strong>([\d,]+) submissions? with the same or nearly the same text/.exec(html);
      return m ? numberOf(m[1]!) : undefined;
    },
    listed: (html) => itemsOf(html, /<ol class="submissions"[^>]*>([\s\S]*?)<\/ol>/),
    next: (html) => /<a href="([^"]+\?after=[^"]+)">Next page<\/a>/.exec(html)?.[1],
  },
  {
    route: '/concepts/:slug',
    path: () => '/concepts/public-core',
    queries: () => [''],
    said: (html) => {
      const m = /<p class="meta">([\d,]+) passages?/.exec(html);
      return m ? numberOf(m[1]!) : undefined;
    },
    listed: (html) => itemsOf(html, /<ol class="passages"[^>]*>([\s\S]*?)<\/ol>/),
  },
];

/**
 * GET routes that show no counted list, each with why (a form, a single thing, a file, a list
 * without a count beside it, or a page another engineer's walk covers).
 */
const notCountedLists: Record<string, string> = {
  '/static/plenum.css': 'a file',
  '/static/plenum.js': 'a file',
  '/healthz': 'a status',
  '/language/:lang': 'a redirect',
  '/sign-in': 'a form',
  '/sign-up': 'a form',
  '/forgot-password': 'a form',
  '/reset-password': 'a form',
  '/verify-email': 'a form',
  '/account': 'the viewer’s own sections, no count',
  '/': 'lists of what is new, no count',
  '/processes/:process': 'a process, its documents and periods, no count',
  '/processes/:process/translations': 'a form',
  '/documents/:id': 'a document',
  '/documents/:id/v/:seq': 'a document',
  '/documents/:id/v/:seq/:lang': 'a document',
  '/documents/:id/v/:seq/:lang/import-report': 'a report in line order, no count',
  '/processes/:process/import': 'a form',
  '/import-drafts/:id': 'a draft and its forms',
  '/organisations': 'every organisation, no count',
  '/organisations/new': 'a form',
  '/organisations/:ref': 'an organisation and its submissions, no count',
  '/concepts': 'the tree: each concept’s count is its page’s (walked through /concepts/:slug)',
  '/stances/new': 'a form',
  '/registry': 'the registry branch’s own walk (src/registry/)',
  '/registry.csv': 'a file',
  '/registry/compare': 'the registry branch’s own walk (src/registry/)',
  '/registry/terms': 'definitions, no count',
  '/registry/measures/:id': 'a measure',
  '/registry/countries/:code': 'the registry branch’s own walk (src/registry/)',
  '/registry/map': 'a map with a table of every State, no list that is counted',
  '/registry/pair': 'two States side by side, no counted list',
  '/registry/timeline':
    'counts per year and element, no list (route tests in src/registry/registry.routes.test.ts)',
  '/registry/rounds/:id':
    'a round: who answered, tested in src/notifications/round-reminders.test.ts',
  '/registry/rounds/:id/answers.csv': 'a file',
  '/registry/rounds/:id/open-data.zip': 'a file',
  '/registry/answer-files/:id': 'a file',
  '/registry/feed.atom': 'a feed (src/registry/registry-feed.test.ts)',
  '/watches': 'the viewer’s watches, no count',
  '/watches/:id': 'a watch',
  '/watches/:id/change': 'a form',
  '/watch-feeds/:file': 'a feed',
  '/briefings': 'a form',
  '/countries': 'the countries branch’s own walk (src/pages/countries*)',
  '/countries/:code': 'the countries branch’s own walk (src/pages/countries*)',
  '/processes/:process/consultations/new': 'a form',
  '/consultations/:id/submissions.csv': 'a file',
  '/consultations/:id/submissions.json': 'a file',
  '/consultations/:id/feed.atom': 'a feed',
  '/processes/:process/feed.atom': 'a feed',
  '/language-versions/:id/akn.xml': 'a file',
  '/consultations/:id/annotations.jsonld': 'a file',
  '/consultations/:id/datapackage.zip': 'a file',
  '/processes/:process/meetings/new': 'a form',
  '/meetings/:id': 'a meeting',
  '/processes/:process/timeline': 'a timeline, no count',
  '/processes/:process/calendar.ics': 'a file',
  '/calendar/:file': 'a file',
  '/consultations/:id/submit': 'a form',
  '/consultations/:id/moderation': 'the moderation queue, no count',
  '/submissions/:id': 'a submission',
  '/submissions/:id/receipt': 'a receipt',
  '/submissions/:id/receipt.txt': 'a file',
  '/attachments/:id': 'a file',
  '/transparency': 'the log’s head, no list',
  '/transparency/tree-heads.atom': 'a feed',
  '/documents/:id/compare': 'a comparison',
  '/admin/followers': 'the followers’ state',
  '/admin/mail': 'the mail queue, no count',
  '/dev/mail': 'a developer’s page',
  '/api/openapi.json': 'the API’s description',
};

/** Pairs of addresses of the same thing, on a page and in the API: one 404 means the other. */
const samePlace = (unknown: string): [string, string][] => [
  [`/processes/${unknown}`, `/api/processes/${unknown}`],
  [`/consultations/${unknown}`, `/api/consultations/${unknown}`],
  [`/consultations/${unknown}`, `/api/consultations/${unknown}/submissions`],
  [`/concepts/${unknown}`, `/api/concepts/${unknown}`],
  [`/submissions/${unknown}`, `/api/submissions/${unknown}`],
  [`/meetings/${unknown}`, `/api/meetings/${unknown}`],
  [`/documents/${unknown}`, `/api/documents/${unknown}`],
  ['/countries/ZZZ', '/api/countries/ZZZ'],
  ['/countries/ZZZ', '/api/countries/ZZZ/stances'],
  ['/registry/countries/ZZZ', '/api/registry/countries/ZZZ'],
  [`/registry/measures/${unknown}`, `/api/registry/measures/${unknown}`],
];

for (const engine of testEngines()) {
  describe(`every counted list says what it shows, pages and API agree (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
      for (const who of ['civil', 'tech', 'government'] as const) {
        for (let i = 0; i < 9; i++) {
          await o.db.transaction().execute((trx) =>
            submitComment(
              trx,
              representativeViewer(built, who),
              built.period.id,
              {
                organisationId: built.organisations[who].id,
                // Texts unlike each other: no campaign groups them.
                body: `${words[i]!} ${who} ${words[(i + 3) % words.length]!} ${words[(i + 5) % words.length]!} comment.`,
                idempotencyKey: `walk-${who}-${i}`,
              },
              [],
              now,
            ),
          );
        }
      }
      // A form letter from four senders (one of them twice, varied): one campaign of five.
      const senders = ['civil', 'tech', 'government', 'civil', 'tech'] as const;
      for (const [i, who] of senders.entries()) {
        await o.db.transaction().execute((trx) =>
          submitComment(
            trx,
            representativeViewer(built, who),
            built.period.id,
            {
              organisationId: built.organisations[who].id,
              body: i === 3 ? `On behalf of our members. ${letter}` : letter,
              idempotencyKey: `walk-letter-${i}`,
            },
            [],
            now,
          ),
        );
      }
      await drain(o.db, engine);
      const grouped = await o.db
        .selectFrom('submissions')
        .select('campaign_id')
        .where('body', '=', letter)
        .executeTakeFirstOrThrow();
      campaignId = grouped.campaign_id!;
      app = createApp({ db: o.db, engine, now: () => now });
    });
    after(() => o.close());

    for (const list of listPages) {
      test(`${list.route}: under every filter, page after page, the count is the list`, async () => {
        const reader = new TestClient(app);
        const seen = new Set<number>();
        for (const query of list.queries(built)) {
          let address: string | undefined = `${list.path(built)}${query ? `?${query}` : ''}`;
          let said: number | undefined;
          let listed = 0;
          for (let pages = 0; address && pages < 50; pages++) {
            const res = await reader.get(address);
            assert.equal(res.status, 200, address);
            const html = await res.text();
            said ??= list.said(html);
            listed += list.listed(html);
            address = list.next?.(html);
          }
          assert.equal(said ?? 0, listed, `count and list agree for “${query}”`);
          seen.add(listed);
          if (list.api) {
            const res = await reader.get(list.api(built, query));
            assert.equal(res.status, 200, list.api(built, query));
            const body = (await res.json()) as { submissions: unknown[] };
            assert.equal(body.submissions.length, listed, `page and API agree for “${query}”`);
          }
        }
        if (list.queries(built).length > 1)
          assert.ok(seen.size > 1, 'the filters narrow the list (the test can fail)');
      });
    }

    test('a campaign: the period’s page, its own page and the API give one count', async () => {
      const reader = new TestClient(app);
      const period = await (await reader.get(`/consultations/${built.period.id}`)).text();
      const inList = new RegExp(
        `id="c-${campaignId}">\\s*<p class="who"><strong>Campaign</strong>: (\\d+) submissions`,
      ).exec(period);
      assert.ok(inList, 'the period’s page shows the campaign');
      const own = await (
        await reader.get(`/consultations/${built.period.id}/campaigns/${campaignId}`)
      ).text();
      const campaignList = listPages.find((l) => l.route.includes('campaigns'))!;
      assert.equal(Number(inList[1]), campaignList.said(own));
      assert.equal(Number(inList[1]), 5);
      const api = (await (
        await reader.get(`/api/consultations/${built.period.id}/campaigns`)
      ).json()) as { campaigns: { id: string; submissions: number }[] };
      assert.equal(api.campaigns.find((c) => c.id === campaignId)?.submissions, 5);
    });

    test('the concepts tree says for each concept the count its page says', async () => {
      const reader = new TestClient(app);
      const tree = await (await reader.get('/concepts')).text();
      const m =
        /href="\/concepts\/public-core">[^<]*<\/a> <span class="meta">\(([\d,]+) passages?\)/.exec(
          tree,
        );
      assert.ok(m, 'the tree counts the concept');
      const concept = await (await reader.get('/concepts/public-core')).text();
      assert.equal(
        numberOf(m[1]!),
        listPages.find((l) => l.route === '/concepts/:slug')!.said(concept),
      );
    });

    test('a page and the API answer 404 for the same unknown things', async () => {
      const reader = new TestClient(app);
      const unknown = '0190a5b2-0000-7000-8000-000000000000';
      for (const [page, api] of samePlace(unknown)) {
        const a = await reader.get(page);
        const b = await reader.get(api);
        assert.equal(a.status, 404, page);
        assert.equal(b.status, 404, api);
      }
    });

    test('every GET page of the app is walked here, or says why it shows no counted list', () => {
      const gets = new Set(
        app.routes
          .filter(
            (r) =>
              r.method === 'GET' && (!r.path.startsWith('/api/') || r.path === '/api/openapi.json'),
          )
          .map((r) => r.path),
      );
      const walked = new Set(listPages.map((l) => l.route));
      const missing = [...gets].filter((p) => !walked.has(p) && !(p in notCountedLists));
      assert.deepEqual(missing, [], 'GET pages neither walked nor explained');
    });
  });
}
