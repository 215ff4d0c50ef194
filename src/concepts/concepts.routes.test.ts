import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  signedIn,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { conceptSeeds } from './concepts.data.ts';
import { installShippedConcepts, tagIndexedPassages } from './concepts.service.ts';
import { drain } from '../followers.ts';

async function count(o: OpenDatabase, table: 'concepts' | 'concept_terms' | 'concept_tags') {
  const row = await o.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const engine of testEngines()) {
  describe(`concepts (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    const as = (who: keyof BuiltConsultation['accounts']) => signedIn(app, built, who);

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db);
      // Indexed before the concepts exist, as in a database older than them.
      await drain(o.db, engine);
      assert.equal(await installShippedConcepts(o.db), conceptSeeds.length);
      assert.equal(await installShippedConcepts(o.db), 0, 'installing again adds nothing');
      await tagIndexedPassages(o.db);
      app = createApp({ db: o.db, engine });
    });
    after(async () => o.close());

    test('the taxonomy page lists the concepts as a tree with how many passages mention each', async () => {
      const res = await app.request('/concepts');
      assert.equal(res.status, 200);
      const page = await res.text();
      assert.match(
        page,
        // Its own passage and its narrower DNS's: the count its page says (issue 19, point 4).
        /<a href="\/concepts\/public-core">Public core of the Internet<\/a> <span class="meta">\(2 passages\)<\/span><ul>/,
      );
      assert.match(
        page,
        /href="\/concepts\/dns">Domain name system \(DNS\)<\/a> <span class="meta">\(1 passage\)/,
      );
      assert.doesNotMatch(page, /Add a concept/, 'only administrators see the form');
    });

    test('a concept page quotes the passages that mention it or a narrower concept, with their address', async () => {
      const page = await (await app.request('/concepts/public-core')).text();
      // Para 2 names the public core; para 4 names the DNS and the root servers, which are below it.
      assert.match(page, /TWG\/twg\/1, para 2/);
      assert.match(page, /TWG\/twg\/1, para 4/);
      assert.match(page, /integrity of the public core of the Internet/);
      assert.doesNotMatch(page, /para 5/);
      // The count in the header is the count of the list it heads (issue 19: “15 passages”, 20 listed).
      const said = /<p class="meta">(\d+) passages?/.exec(page)?.[1];
      const listed = (
        /<ol class="passages">([\s\S]*?)<\/ol>/.exec(page)?.[1]?.match(/<li\b/g) ?? []
      ).length;
      assert.equal(Number(said), listed);
      assert.equal(listed, 2);
      const arabic = await (
        await app.request('/concepts/public-core', { headers: { 'accept-language': 'ar' } })
      ).text();
      assert.match(arabic, /<h1>النواة العامة للإنترنت<\/h1>/);
      assert.match(arabic, /dir="rtl"/);
    });

    test('an unknown concept is a clear 404', async () => {
      const res = await app.request('/concepts/no-such-thing');
      assert.equal(res.status, 404);
      assert.match(await res.text(), /There is no concept with this name/);
    });

    test('only an administrator adds a term; the passages already indexed that use it are tagged', async () => {
      const outsider = await as('secretariat');
      const refused = await outsider.post('/concepts/public-core/terms', {
        language: 'en',
        term: 'general availability',
      });
      assert.equal(refused.status, 403);
      const terms = await count(o, 'concept_terms');
      const admin = await as('admin');
      const added = await admin.post('/concepts/public-core/terms', {
        language: 'en',
        term: 'general availability',
      });
      assert.equal(added.status, 303);
      assert.match(added.headers.get('location')!, /^\/concepts\/public-core\?tagged=2#add-term$/);
      assert.equal(await count(o, 'concept_terms'), terms + 1);
      const page = await (await admin.get('/concepts/public-core?tagged=2')).text();
      assert.match(page, /The term is added: 2 passages that use it are now tagged\./);
      assert.match(page, /TWG\/twg\/1, para 3/, 'para 3 says "general availability" too');
      assert.match(page, /Add a term/);
    });

    test('a term that is empty, too short or already there is refused on the form, and nothing is stored', async () => {
      const admin = await as('admin');
      const before = await count(o, 'concept_terms');
      const empty = await admin.post('/concepts/dns/terms', { language: 'en', term: ' ' });
      assert.equal(empty.status, 400);
      assert.match(await empty.text(), /at least two characters/);
      const badLanguage = await admin.post('/concepts/dns/terms', {
        language: 'de',
        term: 'Namensraum',
      });
      assert.equal(badLanguage.status, 400);
      const twice = await admin.post('/concepts/dns/terms', { language: 'en', term: 'DNS' });
      assert.equal(twice.status, 409);
      assert.match(await twice.text(), /already a term of it/);
      const script = await admin.post('/concepts/dns/terms', {
        language: 'en',
        term: '<script>alert(1)</script>',
      });
      assert.equal(script.status, 303, 'markup is just text: stored, and shown escaped');
      const page = await (await app.request('/concepts/dns')).text();
      assert.doesNotMatch(page, /<script>alert/);
      assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.equal(await count(o, 'concept_terms'), before + 1);
    });

    test('an administrator removes a term, and the passages it alone tagged lose the concept', async () => {
      const admin = await as('admin');
      const term = await o.db
        .selectFrom('concept_terms')
        .innerJoin('concepts', 'concepts.id', 'concept_terms.concept_id')
        .select('concept_terms.id')
        .where('concepts.slug', '=', 'public-core')
        .where('concept_terms.term', '=', 'general availability')
        .executeTakeFirstOrThrow();
      const outsider = await as('secretariat');
      assert.equal(
        (await outsider.post(`/concepts/public-core/terms/${term.id}/delete`, {})).status,
        403,
      );
      const res = await admin.post(`/concepts/public-core/terms/${term.id}/delete`, {});
      assert.equal(res.status, 303);
      const page = await (await app.request('/concepts/public-core')).text();
      assert.doesNotMatch(page, /TWG\/twg\/1, para 3/, 'para 3 was tagged only by that term');
      assert.match(page, /TWG\/twg\/1, para 2/, 'para 2 still names the public core');
      assert.equal(
        (await admin.post(`/concepts/public-core/terms/${term.id}/delete`, {})).status,
        404,
      );
    });

    test('an administrator adds a concept under another; a taken or malformed slug is refused', async () => {
      const admin = await as('admin');
      const made = await admin.post('/concepts', {
        slug: 'confidence-building',
        parent: '',
        'name-en': 'Confidence-building measures',
        'name-fr': 'Mesures de confiance',
      });
      assert.equal(made.status, 303);
      assert.equal(made.headers.get('location'), '/concepts/confidence-building');
      const page = await (await app.request('/concepts/confidence-building')).text();
      assert.match(page, /Mesures de confiance/);
      assert.match(page, /TWG\/twg\/1, para 8/, 'para 8 is tagged at once');
      const taken = await admin.post('/concepts', { slug: 'dns', 'name-en': 'DNS again' });
      assert.equal(taken.status, 409);
      const malformed = await admin.post('/concepts', { slug: 'Not A Slug', 'name-en': 'x y' });
      assert.equal(malformed.status, 400);
      const orphan = await admin.post('/concepts', {
        slug: 'orphan',
        parent: 'nothing-here',
        'name-en': 'Orphan',
      });
      assert.equal(orphan.status, 404);
      assert.equal(await count(o, 'concepts'), conceptSeeds.length + 1);
    });

    test('the JSON API gives the taxonomy and a concept with its mentions', async () => {
      const list = (await (await app.request('/api/concepts')).json()) as {
        concepts: { slug: string; parent: string | null; passages: number }[];
      };
      assert.ok(list.concepts.length >= conceptSeeds.length);
      assert.equal(list.concepts.find((c) => c.slug === 'dns')!.parent, 'unique-identifiers');
      const dns = (await (await app.request('/api/concepts/dns')).json()) as {
        names: Record<string, string>;
        mentions: { address: string; text: string }[];
      };
      assert.equal(dns.names.zh, '域名系统');
      assert.deepEqual(
        dns.mentions.map((m) => m.address),
        ['para 4'],
      );
      assert.equal((await app.request('/api/concepts/nothing')).status, 404);
    });
  });
}
