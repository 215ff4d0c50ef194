/**
 * The registry's own Atom feed (/registry/feed.atom), on both engines: measures recorded and
 * revised and the answers of published rounds, newest first, each entry with the State, the title
 * in its original language, the status and a link; filtered by country= and element= as the list
 * page is; an RFC 4287 document (read back with an XML parser: the Atom namespace, the feed's and
 * every entry's id, title, updated and link); linked from /registry with <link rel="alternate">.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { recordMeasure, reviseMeasure } from './registry.service.ts';
import { checkAnswerFiles, publishRound, saveAnswer } from './rounds.service.ts';
import { openTestRound, verifiedGovernment } from './round.builder.ts';

const atom = 'http://www.w3.org/2005/Atom';

/** The feed read back: its entries' fields, after checking what RFC 4287 requires of each. */
function readFeed(xml: string) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const root = doc.documentElement!;
  assert.equal(root.localName, 'feed');
  assert.equal(root.namespaceURI, atom);
  const child = (e: Element, name: string) =>
    Array.from(e.childNodes).find(
      (n): n is Element => n.nodeType === 1 && (n as Element).localName === name,
    );
  for (const name of ['id', 'title', 'updated'])
    assert.ok(child(root, name)?.textContent, `the feed has its ${name}`);
  assert.ok(
    Array.from(root.getElementsByTagName('link')).some(
      (l) => l.parentNode === root && l.getAttribute('rel') === 'self',
    ),
    'the feed links to itself',
  );
  return Array.from(root.getElementsByTagName('entry')).map((e) => {
    for (const name of ['id', 'title', 'updated'])
      assert.ok(child(e, name)?.textContent, `an entry has its ${name}`);
    const updated = child(e, 'updated')!.textContent!;
    assert.ok(!Number.isNaN(Date.parse(updated)), 'updated is a date-time');
    return {
      id: child(e, 'id')!.textContent!,
      title: child(e, 'title')!.textContent!,
      updated,
      link: child(e, 'link')!.getAttribute('href')!,
      content: child(e, 'content')?.textContent ?? '',
    };
  });
}

for (const engine of testEngines()) {
  describe(`the registry's Atom feed (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let government: Viewer;
    let app: ReturnType<typeof createApp>;
    let lawId = '';
    let roundId = '';
    const get = async (path: string, lang = 'en') => {
      const res = await app.request(path, { headers: { 'accept-language': lang } });
      assert.equal(res.status, 200, path);
      return res;
    };

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db);
      app = createApp({ db: o.db, engine, now: () => new Date('2026-07-02T00:00:00Z') });
      government = await verifiedGovernment(o.db, built);
      const input = (extra: Record<string, unknown> = {}) => ({
        country: 'BRA',
        title: 'Lei da raiz nacional',
        titleLanguage: 'pt',
        titleTranslations: { en: 'National root act' },
        instrument: 'law',
        status: 'adopted',
        statusDates: { adopted: '2026-03-01' },
        elements: ['naming-numbering'],
        kinds: ['national-root'],
        organisationId: built.organisations.government.id,
        asState: true,
        ...extra,
      });
      const law = await o.db
        .transaction()
        .execute((trx) =>
          recordMeasure(trx, government, input(), new Date('2026-04-01T00:00:00Z')),
        );
      lawId = law.id;
      await o.db.transaction().execute((trx) =>
        reviseMeasure(
          trx,
          government,
          law.id,
          input({
            status: 'in_force',
            statusDates: { adopted: '2026-03-01', in_force: '2026-05-01' },
          }),
          new Date('2026-05-02T00:00:00Z'),
        ),
      );
      // Reported by someone else, on another State and element.
      await o.db.transaction().execute((trx) =>
        recordMeasure(
          trx,
          representativeViewer(built, 'civil'),
          {
            country: 'KEN',
            title: 'Data Protection (Localisation) Regulations',
            titleLanguage: 'en',
            instrument: 'regulation',
            status: 'draft',
            statusDates: { draft: '2026-02-01' },
            elements: ['data-centres'],
            kinds: ['data-localisation'],
          },
          new Date('2026-04-15T00:00:00Z'),
        ),
      );
      roundId = (await openTestRound(o.db, built)).id;
      const files = await checkAnswerFiles([
        { name: 'lei.txt', bytes: Buffer.from('Art. 1º Esta Lei estabelece.', 'utf8') },
      ]);
      await o.db.transaction().execute((trx) =>
        saveAnswer(
          trx,
          government,
          roundId,
          {
            organisationId: built.organisations.government.id,
            language: 'pt',
            answers: { plans: 'Nenhum.' },
            measures: [
              {
                title: 'Decreto de roteamento',
                titleLanguage: 'pt',
                instrument: 'decree',
                status: 'adopted',
                statusDates: { adopted: '2026-06-01' },
                elements: ['routing'],
                kinds: ['routing-obligations'],
              },
            ],
            submit: true,
          },
          new Date('2026-06-10T00:00:00Z'),
          files,
        ),
      );
      await o.db
        .transaction()
        .execute((trx) =>
          publishRound(trx, operatorViewer, roundId, new Date('2026-07-01T12:00:00Z')),
        );
    });
    after(() => o.close());

    test('recorded and revised measures and published answers, newest first, each with its State, title, status and link', async () => {
      const res = await get('/registry/feed.atom');
      assert.match(res.headers.get('content-type')!, /^application\/atom\+xml/);
      const entries = readFeed(await res.text());
      const updated = entries.map((e) => e.updated);
      assert.deepEqual(updated, updated.toSorted().toReversed(), 'newest first');
      assert.equal(
        entries.length,
        5,
        'two versions, one other measure, the published one, an answer',
      );
      const [answer, published, revised, reported, recorded] = entries;
      assert.equal(
        answer!.title,
        'Brazil: answer to the questionnaire round “Practice on the public core, 2026”',
      );
      assert.match(answer!.link, new RegExp(`/registry/rounds/${roundId}$`));
      assert.match(answer!.content, /1 measures declared, 1 legal texts attached/);
      assert.equal(published!.title, 'Brazil: Decreto de roteamento');
      assert.equal(reported!.title, 'Kenya: Data Protection (Localisation) Regulations');
      assert.match(reported!.content, /draft · recorded · reported/);
      assert.equal(
        revised!.title,
        'Brazil: Lei da raiz nacional',
        'the title in its original language',
      );
      assert.match(revised!.content, /in force · revised \(version 2\) · the State’s own word/);
      assert.match(revised!.link, new RegExp(`/registry/measures/${lawId}$`));
      assert.match(recorded!.content, /adopted · recorded/);
      assert.notEqual(revised!.id, recorded!.id, 'each version its own entry');
      assert.equal(revised!.updated, '2026-05-02T00:00:00.000Z');
    });

    test('filtered by country= and element= like the list page', async () => {
      const kenya = readFeed(await (await get('/registry/feed.atom?country=ken')).text());
      assert.deepEqual(
        kenya.map((e) => e.title),
        ['Kenya: Data Protection (Localisation) Regulations'],
      );
      const routing = readFeed(await (await get('/registry/feed.atom?element=routing')).text());
      assert.deepEqual(
        routing.map((e) => e.title.split(':')[0]),
        ['Brazil', 'Brazil'],
        'the answer declaring a routing measure, and that measure',
      );
      assert.equal(
        readFeed(await (await get('/registry/feed.atom?country=BRA&element=data-centres')).text())
          .length,
        0,
      );
      const bad = await app.request('/registry/feed.atom?country=Brazil');
      assert.equal(bad.status, 400);
    });

    test('in the reader’s language, and linked from /registry as an alternate', async () => {
      const fr = readFeed(await (await get('/registry/feed.atom?country=KEN', 'fr')).text());
      assert.match(fr[0]!.content, /projet · enregistrée/);
      const page = await (await get('/registry?country=BRA')).text();
      assert.match(
        page,
        /<link rel="alternate" type="application\/atom\+xml" href="\/registry\/feed\.atom\?country=BRA"/,
      );
      const all = await (await get('/registry')).text();
      assert.match(
        all,
        /<link rel="alternate" type="application\/atom\+xml" href="\/registry\/feed\.atom"/,
      );
    });
  });
}
