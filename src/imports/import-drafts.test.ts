/**
 * Importing in the browser, through the routes: upload, a draft only the secretariat sees,
 * corrections of every kind (each an event), publish, the same file again with its corrections
 * re-applied, and refusals that keep the form and store nothing. On SQLite and PostgreSQL.
 */
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
import { drain } from '../followers.ts';
import { TestClient } from '../test-client.ts';
import { importFile } from './imports.service.ts';

/** A small Markdown draft whose parse needs each kind of correction. */
const draftFile = `Draft report on shared resolvers

I. Introduction

1. The Group met three times to discuss the stability of shared resolvers.

2. Resolvers answer queries for many networks. Operators publish their policies openly.

3. The Group recalls earlier work on the subject.[^1]

4. Capacity-building remains a shared concern.

5. A closing remark by the Chair.

[^1]: See the first report of the Group.
`;

const file = (text: string, name = 'resolvers.md') =>
  new File([new TextEncoder().encode(text)], name, { type: 'text/markdown' });

/** Counts of the rows an import stores, and of the drafts. */
async function counts(o: OpenDatabase) {
  const n = async (
    table:
      'documents' | 'language_versions' | 'blocks' | 'import_drafts' | 'events' | 'search_items',
  ) =>
    Number(
      (
        await o.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    documents: await n('documents'),
    languageVersions: await n('language_versions'),
    blocks: await n('blocks'),
    drafts: await n('import_drafts'),
    events: await n('events'),
    searchItems: await n('search_items'),
  };
}

for (const engine of testEngines()) {
  describe(`importing in the browser (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let secretariat: TestClient;
    let moderator: TestClient;
    let civil: TestClient;
    let anonymous: TestClient;
    let draftPath = '';

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db);
      app = createApp({ db: o.db, engine, now: () => new Date('2026-06-01T12:00:00Z') });
      secretariat = await signedIn(app, built, 'secretariat');
      moderator = await signedIn(app, built, 'moderator');
      civil = await signedIn(app, built, 'civil');
      anonymous = new TestClient(app);
      await drain(o.db, engine);
    });
    after(async () => {
      await drain(o.db, engine);
      await o.close();
    });

    /** The blocks of the draft page, as "address|kind|text" lines. */
    const draftBlocks = async (path: string): Promise<string[]> => {
      const page = await (await secretariat.get(path)).text();
      return [
        ...page.matchAll(/<li id="block-([^"]+)" class="import-block[^"]*">([\s\S]*?)<details/g),
      ].map(([, key, inner]) => {
        // The address as stored is the title of the address in words.
        const address = /<span class="address"><bdi title="([^"]+)">/.exec(inner!)?.[1];
        const text = /<p class="block-text">(?:<strong>)?([^<]*)/.exec(inner!)?.[1];
        return `${key}|${address}|${text}`;
      });
    };

    /** The key of the block of the draft whose text starts so. */
    const keyOf = async (path: string, start: string): Promise<string> => {
      const line = (await draftBlocks(path)).find((l) => l.split('|')[2]!.startsWith(start));
      assert.ok(line, `a block starts with "${start}"`);
      return line.split('|')[0]!;
    };

    test('the process page offers the upload form to the secretariat only', async () => {
      const own = await (await secretariat.get('/processes/twg')).text();
      assert.match(own, /action="\/processes\/twg\/import-drafts"/);
      assert.match(own, /enctype="multipart\/form-data"/);
      for (const other of [civil, moderator, anonymous]) {
        assert.doesNotMatch(await (await other.get('/processes/twg')).text(), /import-drafts/);
      }
    });

    test('a file that cannot be read comes back on the form with what was typed, and nothing is stored', async () => {
      const before = await counts(o);
      const res = await secretariat.post('/processes/twg/import-drafts', {
        file: new File(
          [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0, 1, 2, 3])],
          'broken.pdf',
        ),
        symbol: 'TWG/2026/KEEP',
        title: 'A title typed by hand',
        language: 'fr',
        version: 'Rev.9',
        kind: 'non_paper',
        _page: '/processes/twg/import',
      });
      assert.equal(res.status, 415);
      const page = await res.text();
      assert.match(page, /role="alert"/);
      assert.match(page, /not a readable PDF/);
      assert.match(page, /value="TWG\/2026\/KEEP"/);
      assert.match(page, /value="A title typed by hand"/);
      assert.match(page, /value="Rev.9"/);
      assert.match(page, /<option value="fr" selected/);
      assert.match(page, /<option value="non_paper" selected/);
      assert.deepEqual(await counts(o), before);

      const empty = await secretariat.post('/processes/twg/import-drafts', {
        file: file('', 'empty.txt'),
        symbol: 'TWG/2026/EMPTY',
        _page: '/processes/twg/import',
      });
      assert.equal(empty.status, 400);
      assert.match(await empty.text(), /value="TWG\/2026\/EMPTY"/);
      assert.deepEqual(await counts(o), before);
    });

    test('an upload makes a draft that only the secretariat sees, and stores no document', async () => {
      const before = await counts(o);
      const res = await secretariat.post('/processes/twg/import-drafts', {
        file: file(draftFile),
        symbol: 'TWG/2026/RES',
        language: 'en',
        version: 'Zero draft on resolvers',
      });
      assert.equal(res.status, 303);
      draftPath = res.headers.get('location')!;
      assert.match(draftPath, /^\/import-drafts\/[0-9a-f-]{36}$/);

      const page = await secretariat.get(draftPath);
      assert.equal(page.status, 200);
      const body = await page.text();
      assert.match(body, /The Group met three times/);
      assert.match(body, /Import report/);
      assert.equal((await draftBlocks(draftPath)).length, 8);
      // Addresses in words (issue 19, point 7): the cover, a section by its heading; never the
      // stored `§I` or `¶1` as the text a reader sees.
      const shown = [
        ...body.matchAll(/<span class="address"><bdi title="[^"]+">([^<]+)<\/bdi>/g),
      ].map((m) => m[1]);
      assert.deepEqual(shown.slice(0, 3), ['cover, paragraph 1', 'Introduction', 'para 1']);
      assert.ok(
        shown.every((a) => !/[§¶]/.test(a!)),
        shown.join(' | '),
      );
      // Listed on the process page for the secretariat.
      assert.match(await (await secretariat.get('/processes/twg')).text(), new RegExp(draftPath));

      for (const other of [moderator, civil, anonymous]) {
        assert.equal((await other.get(draftPath)).status, 404);
      }
      await drain(o.db, engine);
      const after = await counts(o);
      assert.equal(after.documents, before.documents);
      assert.equal(after.languageVersions, before.languageVersions);
      assert.equal(after.blocks, before.blocks);
      assert.equal(after.searchItems, before.searchItems, 'search indexes nothing of a draft');
      assert.equal(after.drafts, before.drafts + 1);
      const search = (await (await anonymous.get('/api/search?q=resolvers')).json()) as {
        hits: unknown[];
      };
      assert.equal(search.hits.length, 0);
      const api = await (await anonymous.get(`/api/documents`)).text();
      assert.doesNotMatch(api, /TWG\/2026\/RES/);
    });

    test('each kind of correction changes the draft and is recorded as an event', async () => {
      const post = (form: Record<string, string>) =>
        secretariat.post(`${draftPath}/corrections`, form);
      const title = await keyOf(draftPath, 'Draft report on shared');
      assert.equal((await post({ type: 'kind', block: title, kind: 'heading' })).status, 303);

      const second = await keyOf(draftPath, 'Resolvers answer');
      assert.equal(
        (await post({ type: 'split', block: second, at: 'Operators publish' })).status,
        303,
      );
      const piece = await keyOf(draftPath, 'Operators publish');
      assert.equal((await post({ type: 'number', block: piece, number: '2bis' })).status, 303);

      const fourth = await keyOf(draftPath, 'Capacity-building');
      assert.equal((await post({ type: 'join', block: fourth })).status, 303);

      const note = await keyOf(draftPath, 'See the first report');
      assert.equal(
        (await post({ type: 'link_footnote', block: note, target: 'para 1', at: 'three times' }))
          .status,
        303,
      );

      const blocks = await draftBlocks(draftPath);
      assert.equal(blocks.length, 8, 'one split and one join');
      const byText = (start: string) => blocks.find((l) => l.split('|')[2]!.startsWith(start))!;
      assert.match(byText('Operators publish'), /\|para 2bis\|/);
      assert.match(
        byText('Resolvers answer'),
        /\|para 2\|Resolvers answer queries for many networks\.$/,
      );
      assert.match(
        byText('Capacity-building'),
        /remains a shared concern\. A closing remark by the Chair\./,
      );
      const page = await (await secretariat.get(draftPath)).text();
      assert.match(page, /Corrections made \(5\)/);
      assert.match(page, /<strong>Draft report on shared resolvers<\/strong>/, 'now a heading');

      const events = await o.db
        .selectFrom('events')
        .select(['action', 'data'])
        .where('subject_id', '=', draftPath.split('/').pop()!)
        .where('action', '=', 'import_draft.corrected')
        .execute();
      assert.deepEqual(
        events.map((e) => (JSON.parse(e.data) as { correction: { type: string } }).correction.type),
        ['kind', 'split', 'number', 'join', 'link_footnote'],
      );
    });

    test('a correction that cannot be made is refused with its reason and stores nothing', async () => {
      const before = await counts(o);
      const block = await keyOf(draftPath, 'Resolvers answer');
      const res = await secretariat.post(`${draftPath}/corrections`, {
        type: 'split',
        block,
        at: 'words that are nowhere',
        _page: draftPath,
      });
      assert.equal(res.status, 422);
      assert.match(await res.text(), /these words are not in the text/);
      const stranger = await civil.post(`${draftPath}/corrections`, {
        type: 'kind',
        block,
        kind: 'heading',
      });
      assert.equal(stranger.status, 404);
      assert.deepEqual(await counts(o), before);
    });

    test('publishing stores the corrected blocks and closes the draft', async () => {
      const res = await secretariat.post(`${draftPath}/publish`, {});
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location')!, /^\/documents\/[0-9a-f-]{36}\/v\/1\/en$/);
      const lv = await o.db
        .selectFrom('language_versions')
        .innerJoin('versions', 'versions.id', 'language_versions.version_id')
        .innerJoin('documents', 'documents.id', 'versions.document_id')
        .select(['language_versions.id', 'language_versions.import_report'])
        .where('documents.symbol', '=', 'TWG/2026/RES')
        .executeTakeFirstOrThrow();
      const blocks = await o.db
        .selectFrom('blocks')
        .select(['id', 'kind', 'number', 'address', 'text'])
        .where('language_version_id', '=', lv.id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        blocks.map((b) => [b.kind, b.address, b.text.slice(0, 30)]),
        [
          ['heading', '¶1', 'Draft report on shared resolve'],
          ['heading', '§I', 'Introduction'],
          ['paragraph', 'para 1', 'The Group met three times to d'],
          ['paragraph', 'para 2', 'Resolvers answer queries for m'],
          ['paragraph', 'para 2bis', 'Operators publish their polici'],
          ['paragraph', 'para 3', 'The Group recalls earlier work'],
          ['paragraph', 'para 4', 'Capacity-building remains a sh'],
          ['footnote', 'fn 1', 'See the first report of the Gr'],
        ],
      );
      const refs = await o.db
        .selectFrom('footnote_refs')
        .select(['block_id', 'footnote_id', 'offset'])
        .where(
          'block_id',
          'in',
          blocks.map((b) => b.id),
        )
        .execute();
      const para1 = blocks[2]!;
      const fn = blocks[7]!;
      assert.ok(
        refs.some(
          (r) =>
            r.block_id === para1.id &&
            r.footnote_id === fn.id &&
            r.offset === para1.text.indexOf('three times') + 'three times'.length,
        ),
        'the footnote is linked to its marker in para 1',
      );
      const report = JSON.parse(lv.import_report) as { corrections?: { applied: number } };
      assert.equal(report.corrections?.applied, 5);
      const kept = await o.db
        .selectFrom('import_corrections')
        .select('language_version_id')
        .where('draft_id', '=', draftPath.split('/').pop()!)
        .execute();
      assert.equal(kept.length, 5);
      assert.ok(
        kept.every((k) => k.language_version_id === lv.id),
        'kept with the language version',
      );
      assert.equal((await secretariat.get(draftPath)).status, 404, 'the draft is closed');
      const actions = (
        await o.db.selectFrom('events').select('action').where('subject_id', '=', lv.id).execute()
      ).map((e) => e.action);
      assert.deepEqual(actions, ['language_version.imported']);
      await drain(o.db, engine);
      const found = (await (await anonymous.get('/api/search?q=resolvers')).json()) as {
        hits: unknown[];
      };
      assert.ok(found.hits.length > 0, 'searchable once published');
    });

    test('the same file uploaded again, or imported by the CLI, gets its corrections re-applied', async () => {
      const res = await secretariat.post('/processes/twg/import-drafts', {
        file: file(draftFile, 'resolvers-again.md'),
        symbol: 'TWG/2026/RES',
        language: 'en',
        version: 'Rev.1',
      });
      assert.equal(res.status, 303);
      const again = res.headers.get('location')!;
      const page = await (await secretariat.get(again)).text();
      assert.match(page, /Corrections re-applied from an earlier import of this file: 5\./);
      const blocks = await draftBlocks(again);
      assert.ok(blocks.some((l) => /\|para 2bis\|Operators publish/.test(l)));
      assert.ok(blocks.some((l) => /A closing remark by the Chair\.$/.test(l)));

      const report = await importFile(o.db, new TextEncoder().encode(draftFile), {
        process: 'twg',
        symbol: 'TWG/2026/RES',
        version: 'Rev.2',
        language: 'en',
        format: 'markdown',
      });
      assert.deepEqual(report.corrections, { applied: 5, notApplied: [] });
      const stored = await o.db
        .selectFrom('blocks')
        .select('address')
        .where('language_version_id', '=', report.ids.languageVersion)
        .execute();
      assert.ok(stored.some((b) => b.address === 'para 2bis'));
      assert.equal(stored.length, 8);

      const discarded = await secretariat.post(`${again}/discard`, {});
      assert.equal(discarded.status, 303);
      assert.equal((await secretariat.get(again)).status, 404);
    });
  });
}
