/**
 * The page actions' JSON counterparts (issue 17, point 1): concepts and their terms, import
 * drafts (upload, correct, publish with the import report, discard), publishing a version,
 * meetings, follows, translations, removing a stance and watches. Each calls the page's service;
 * each refuses a token without its scope (403, naming it) and an unknown field (422, naming it),
 * and no refusal writes anything: the row count of every table is the same after, on both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeApiToken } from '../accounts/accounts.service.ts';
import type { Viewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  paragraphBlock,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { buildHiddenDocument } from '../consultations/hidden-document.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import {
  assertRefusedWithoutWriting,
  openTestDatabase,
  rowCounts,
  testEngines,
  type ExpectedRefusal,
} from '../db/test-databases.ts';
import { apiImportUploadBodyLimit } from '../imports/import-drafts.routes.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of many shapes
type Json = any;

const markdown = (title: string) =>
  `# ${title}\n\n1. The first paragraph of the draft.\n\n2. The second paragraph, on the public core.\n`;
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

for (const engine of testEngines()) {
  describe(`the page actions through the API (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let hiddenVersion: string;
    const clock = new Date('2026-06-10T12:00:00Z');
    const tokens = new Map<string, string>();

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db);
      const hidden = await buildHiddenDocument(o.db, engine, built, clock);
      hiddenVersion = hidden.ids.version;
      app = createApp({ db: o.db, engine, now: () => clock });
      const admin: Viewer = {
        ...built.accounts.admin,
        name: 'admin',
        isAdmin: true,
        grants: [],
        via: 'session',
      };
      const secretariat: Viewer = {
        ...built.accounts.secretariat,
        name: 'secretariat',
        isAdmin: false,
        grants: [{ role: 'secretariat', scopeId: built.process.id }],
        via: 'session',
      };
      const civil = representativeViewer(built, 'civil');
      const make = async (name: string, viewer: Viewer, scopes: string[]) =>
        tokens.set(name, (await makeApiToken(o.db, viewer, { name, scopes }, clock)).secret);
      await make('admin', admin, ['read', 'admin']);
      await make('adminReader', admin, ['read', 'submit', 'moderate', 'secretariat']);
      await make('secretariat', secretariat, ['read', 'secretariat']);
      await make('secretariatReader', secretariat, ['read', 'submit', 'moderate']);
      await make('civil', civil, ['read', 'submit']);
      await make('civilReader', civil, ['read']);
      await make(
        'elsewhere',
        { ...hidden.elsewhere, name: 'elsewhere', isAdmin: false, grants: [], via: 'session' },
        ['read', 'secretariat'],
      );
    });
    after(async () => o.close());

    const post = async (token: string, path: string, body: unknown) => {
      const res = await app.request(path, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens.get(token)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Json };
    };
    const get = async (token: string, path: string) => {
      const res = await app.request(path, {
        headers: { authorization: `Bearer ${tokens.get(token)}` },
      });
      return { status: res.status, body: (await res.json()) as Json };
    };
    const ok = (res: { status: number; body: Json }, status: number) =>
      assert.equal(res.status, status, JSON.stringify(res.body).slice(0, 500));

    test('every counterpart refuses a token without its scope and an unknown field, writing nothing', async () => {
      const watch = (await post('civil', '/api/watches', { name: 'Kept', query: 'core' })).body
        .watch.id as string;
      const meeting = (
        await post('secretariat', '/api/processes/twg/meetings', {
          title: 'Kept meeting',
          kind: 'formal',
          format: 'in_person',
          place: 'Geneva',
          startsAt: '2026-07-06T10:00',
          endsAt: '2026-07-06T13:00',
          timeZone: 'Europe/Zurich',
        })
      ).body.id as string;
      const draft = (
        await post('secretariat', '/api/processes/twg/import-drafts', {
          file: { name: 'kept.md', content: base64(markdown('Kept draft')) },
          symbol: 'TWG/KEPT/1',
        })
      ).body.id as string;
      const term = (await get('admin', '/api/concepts/public-core')).body.terms[0].id as string;
      // [path, body that the route takes, the scope, a token that lacks it, the owner's token]
      const routes: [string, Record<string, unknown>, string, string, string][] = [
        [
          '/api/concepts',
          { slug: 'refused', names: { en: 'Refused' } },
          'admin',
          'adminReader',
          'admin',
        ],
        [
          '/api/concepts/public-core/terms',
          { language: 'en', term: 'refused term' },
          'admin',
          'adminReader',
          'admin',
        ],
        [`/api/concepts/public-core/terms/${term}/delete`, {}, 'admin', 'adminReader', 'admin'],
        [
          '/api/processes/twg/import-drafts',
          { file: { name: 'a.md', content: base64('# A\n\n1. B.\n') } },
          'secretariat',
          'secretariatReader',
          'secretariat',
        ],
        [
          `/api/import-drafts/${draft}/corrections`,
          { type: 'join', block: 'b1' },
          'secretariat',
          'secretariatReader',
          'secretariat',
        ],
        [
          `/api/import-drafts/${draft}/publish`,
          {},
          'secretariat',
          'secretariatReader',
          'secretariat',
        ],
        [
          `/api/import-drafts/${draft}/discard`,
          {},
          'secretariat',
          'secretariatReader',
          'secretariat',
        ],
        [
          `/api/versions/${hiddenVersion}/publish`,
          {},
          'secretariat',
          'secretariatReader',
          'secretariat',
        ],
        [
          '/api/processes/twg/meetings',
          {
            title: 'Refused',
            kind: 'formal',
            format: 'virtual',
            startsAt: '2026-07-01T10:00',
            endsAt: '2026-07-01T11:00',
            timeZone: 'UTC',
          },
          'secretariat',
          'secretariatReader',
          'secretariat',
        ],
        [
          `/api/meetings/${meeting}/change`,
          { action: 'cancel', reason: 'Refused.' },
          'secretariat',
          'secretariatReader',
          'secretariat',
        ],
        [
          '/api/processes/twg/translations',
          { translations: [] },
          'secretariat',
          'secretariatReader',
          'secretariat',
        ],
        ['/api/processes/twg/follow', { follow: true }, 'submit', 'civilReader', 'civil'],
        [
          '/api/stances/00000000-0000-4000-8000-000000000000/delete',
          {},
          'submit',
          'civilReader',
          'civil',
        ],
        ['/api/watches', { name: 'Refused', query: 'core' }, 'submit', 'civilReader', 'civil'],
        [
          `/api/watches/${watch}`,
          { name: 'Refused', query: 'core' },
          'submit',
          'civilReader',
          'civil',
        ],
        [`/api/watches/${watch}/feed-key`, {}, 'submit', 'civilReader', 'civil'],
        [`/api/watches/${watch}/delete`, {}, 'submit', 'civilReader', 'civil'],
      ];
      const counts = await rowCounts(o, ['rate_limits']);
      await assertRefusedWithoutWriting(
        o,
        routes.flatMap(([path, body, scope, lacking, owner]): ExpectedRefusal[] => [
          [
            `${path} without ${scope}`,
            post(lacking, path, body),
            403,
            'TOKEN_SCOPE_MISSING',
            new RegExp(`“${scope}”`),
          ],
          [
            `${path} with an unknown field`,
            post(owner, path, { ...body, colour: 'blue' }),
            422,
            'UNKNOWN_FIELD',
            /“colour”/,
          ],
        ]),
        counts,
      );
      assert.equal(routes.length, 17, 'one row for each page action of the former “not yet” list');
    });

    test('an administrator adds a concept and a term and removes the term', async () => {
      const made = await post('admin', '/api/concepts', {
        slug: 'dns-abuse',
        parent: 'public-core',
        names: { en: 'DNS abuse', fr: 'Abus du DNS' },
      });
      ok(made, 201);
      assert.equal(made.body.parent, 'public-core');
      assert.equal(made.body.names.fr, 'Abus du DNS');
      assert.equal(made.body.names.es, 'DNS abuse', 'a missing name is the English one');
      const again = await post('admin', '/api/concepts', {
        slug: 'dns-abuse',
        names: { en: 'X y' },
      });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'CONCEPT_CONFLICT');
      const forbidden = await post('secretariat', '/api/concepts', {
        slug: 'x',
        names: { en: 'X y' },
      });
      assert.equal(forbidden.status, 403, 'no admin scope on a secretariat token');

      const term = await post('admin', '/api/concepts/dns-abuse/terms', {
        language: 'en',
        term: 'domain abuse',
      });
      ok(term, 201);
      const added = term.body.concept.terms.find((t: Json) => t.term === 'domain abuse');
      assert.ok(added, JSON.stringify(term.body));
      assert.equal(typeof term.body.tagged, 'number');
      const removed = await post('admin', `/api/concepts/dns-abuse/terms/${added.id}/delete`, {});
      ok(removed, 200);
      assert.equal(
        removed.body.terms.some((t: Json) => t.term === 'domain abuse'),
        false,
      );
      const events = await o.db
        .selectFrom('events')
        .select('action')
        .where('action', 'in', ['concept.created', 'concept.term_added', 'concept.term_removed'])
        .execute();
      assert.deepEqual(events.map((e) => e.action).sort(), [
        'concept.created',
        'concept.term_added',
        'concept.term_removed',
      ]);
    });

    test('the secretariat uploads a draft, corrects it, publishes it, and adds a language', async () => {
      const upload = await post('secretariat', '/api/processes/twg/import-drafts', {
        file: { name: 'draft.md', content: base64(markdown('Elements of a framework')) },
        symbol: 'TWG/API/1',
        title: 'Elements of a framework',
        version: 'pre-draft',
        language: 'en',
      });
      ok(upload, 201);
      const draft = upload.body;
      assert.equal(draft.format, 'markdown');
      assert.equal(draft.target.symbol, 'TWG/API/1');
      const numbered = draft.blocks.filter((b: Json) => b.number !== null);
      assert.deepEqual(
        numbered.map((b: Json) => b.address),
        ['para 1', 'para 2'],
      );
      const refused = await post('secretariat', `/api/import-drafts/${draft.id}/corrections`, {
        type: 'link_footnote',
        block: 'no-such-block',
      });
      assert.equal(refused.status, 422);
      assert.equal(refused.body.error.code, 'CORRECTION_INVALID');
      const corrected = await post('secretariat', `/api/import-drafts/${draft.id}/corrections`, {
        type: 'number',
        block: numbered[1].key,
        number: '3',
      });
      ok(corrected, 200);
      assert.equal(corrected.body.corrections, 1);
      assert.equal(corrected.body.blocks.find((b: Json) => b.key === numbered[1].key).number, '3');
      const read = await get('secretariat', `/api/import-drafts/${draft.id}`);
      ok(read, 200);
      assert.equal(read.body.corrections, 1);
      assert.equal((await get('civil', `/api/import-drafts/${draft.id}`)).status, 404);

      const published = await post('secretariat', `/api/import-drafts/${draft.id}/publish`, {});
      ok(published, 201);
      const report = published.body;
      assert.deepEqual(report.created, { document: true, version: true });
      assert.equal(report.document.symbol, 'TWG/API/1');
      assert.equal(report.blocks.numberedParagraphs, 2);
      assert.equal(report.numberedParagraphRange.last, '3', 'the correction was published');
      const stored = await get(
        'secretariat',
        `/api/language-versions/${report.ids.languageVersion}`,
      );
      ok(stored, 200);
      assert.equal(stored.body.importReport.ids.version, report.ids.version, 'the same report');
      assert.equal((await get('secretariat', `/api/import-drafts/${draft.id}`)).status, 404);

      const french = await post('secretariat', '/api/processes/twg/import-drafts', {
        file: { name: 'projet.md', content: base64(markdown('Éléments d’un cadre')) },
        symbol: 'TWG/API/1',
        version: 'pre-draft',
        language: 'fr',
      });
      ok(french, 201);
      const frenchReport = await post(
        'secretariat',
        `/api/import-drafts/${french.body.id}/publish`,
        {},
      );
      ok(frenchReport, 201);
      assert.deepEqual(frenchReport.body.created, { document: false, version: false });
      assert.equal(frenchReport.body.ids.version, report.ids.version, 'a language of the version');
      assert.equal(frenchReport.body.language, 'fr');

      const revision = await post('secretariat', '/api/processes/twg/import-drafts', {
        file: { name: 'rev1.md', content: base64(markdown('Elements of a framework')) },
        symbol: 'TWG/API/1',
        version: 'Rev.1',
        language: 'en',
      });
      ok(revision, 201);
      const revised = await post(
        'secretariat',
        `/api/import-drafts/${revision.body.id}/publish`,
        {},
      );
      ok(revised, 201);
      assert.deepEqual(revised.body.created, { document: false, version: true });
      assert.equal(revised.body.version.seq, 2);

      const discarded = await post('secretariat', '/api/processes/twg/import-drafts', {
        file: { name: 'other.md', content: base64(markdown('Another text')) },
      });
      ok(discarded, 201);
      ok(await post('secretariat', `/api/import-drafts/${discarded.body.id}/discard`, {}), 200);
      assert.equal(
        (await get('secretariat', `/api/import-drafts/${discarded.body.id}`)).status,
        404,
      );
    });

    test('an upload the importer cannot read is refused with its reason, and nothing is stored', async () => {
      const counts = await rowCounts(o, ['rate_limits']);
      const binary = await post('secretariat', '/api/processes/twg/import-drafts', {
        file: {
          name: 'image.txt',
          content: Buffer.from([0, 1, 2, 0, 255, 0, 7, 0]).toString('base64'),
        },
      });
      assert.equal(binary.status, 415, JSON.stringify(binary.body));
      assert.equal(binary.body.error.code, 'IMPORT_BINARY');
      const notDocx = await post('secretariat', '/api/processes/twg/import-drafts', {
        file: { name: 'draft.docx', content: base64('PK this is no zip archive') },
      });
      assert.equal(notDocx.status, 415, JSON.stringify(notDocx.body));
      assert.equal(notDocx.body.error.code, 'IMPORT_BAD_DOCX');
      const notBase64 = await post('secretariat', '/api/processes/twg/import-drafts', {
        file: { name: 'a.md', content: '# not base64!' },
      });
      assert.equal(notBase64.status, 400, JSON.stringify(notBase64.body));
      assert.match(notBase64.body.error.message, /base64/);
      // A body over the upload's limit is refused as it streams in, before it is parsed.
      const chunk = new Uint8Array(1024 * 1024).fill(65);
      let sent = 0;
      const tooLarge = await app.request('/api/processes/twg/import-drafts', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens.get('secretariat')}`,
          'content-type': 'application/json',
        },
        body: new ReadableStream({
          pull(controller) {
            if (sent > apiImportUploadBodyLimit) return controller.close();
            sent += chunk.length;
            controller.enqueue(chunk);
          },
        }),
        duplex: 'half',
      } as RequestInit);
      assert.equal(tooLarge.status, 413);
      assert.deepEqual(await rowCounts(o, ['rate_limits']), counts, 'no refusal writes anything');
    });

    test('the secretariat publishes a version in preparation', async () => {
      assert.equal((await get('civil', `/api/versions/${hiddenVersion}`)).status, 404);
      const denied = await post('elsewhere', `/api/versions/${hiddenVersion}/publish`, {});
      assert.equal(denied.status, 404, 'another process’s secretariat does not find it');
      const published = await post('secretariat', `/api/versions/${hiddenVersion}/publish`, {});
      ok(published, 200);
      assert.equal(published.body.id, hiddenVersion);
      assert.equal((await get('civil', `/api/versions/${hiddenVersion}`)).status, 200);
      const row = await o.db
        .selectFrom('versions')
        .select('public')
        .where('id', '=', hiddenVersion)
        .executeTakeFirstOrThrow();
      assert.equal(Number(row.public), 1);
    });

    test('the secretariat announces and changes a meeting; an account follows the process', async () => {
      const made = await post('secretariat', '/api/processes/twg/meetings', {
        title: 'Second substantive session',
        kind: 'formal',
        format: 'in_person',
        place: 'New York, Conference Room 4',
        startsAt: '2026-09-07T10:00',
        endsAt: '2026-09-11T18:00',
        timeZone: 'America/New_York',
      });
      ok(made, 201);
      assert.equal(made.body.startsAt, '2026-09-07T14:00:00.000Z');
      assert.equal(made.body.session, null);
      const moved = await post('secretariat', `/api/meetings/${made.body.id}/change`, {
        action: 'postpone',
        reason: 'The room is needed for the Council.',
        startsAt: '2026-10-05T10:00',
        endsAt: '2026-10-09T18:00',
      });
      ok(moved, 200);
      assert.equal(moved.body.status, 'postponed');
      assert.equal(moved.body.sequence, 1);
      const history = await get('civil', `/api/meetings/${made.body.id}`);
      assert.equal(history.body.changes.length > 0, true);
      const wrongAction = await post('secretariat', `/api/meetings/${made.body.id}/change`, {
        action: 'adjourn',
        reason: 'No.',
      });
      assert.equal(wrongAction.status, 400);

      const follows = () =>
        o.db
          .selectFrom('process_follows')
          .select('process_id')
          .where('account_id', '=', built.accounts.civil.id)
          .execute();
      ok(await post('civil', '/api/processes/twg/follow', {}), 200);
      assert.deepEqual(await follows(), [{ process_id: built.process.id }]);
      const stop = await post('civil', '/api/processes/twg/follow', { follow: false });
      ok(stop, 200);
      assert.equal(stop.body.following, false);
      assert.deepEqual(await follows(), []);
    });

    test('the secretariat saves translations; a text of another process is refused by name', async () => {
      const saved = await post('secretariat', '/api/processes/twg/translations', {
        translations: [
          {
            subjectType: 'process',
            subjectId: built.process.id,
            field: 'name',
            language: 'fr',
            text: 'Groupe de travail technique',
          },
          {
            subjectType: 'period',
            subjectId: built.period.id,
            field: 'title',
            language: 'es',
            text: 'Consulta',
          },
        ],
      });
      ok(saved, 200);
      assert.equal(saved.body.changed, 2);
      const stored = await o.db
        .selectFrom('content_translations')
        .select(['language', 'text'])
        .orderBy('language')
        .execute();
      assert.deepEqual(stored, [
        { language: 'es', text: 'Consulta' },
        { language: 'fr', text: 'Groupe de travail technique' },
      ]);
      const elsewhere = await post('secretariat', '/api/processes/twg/translations', {
        translations: [
          {
            subjectType: 'process',
            subjectId: built.period.id,
            field: 'name',
            language: 'fr',
            text: 'Non',
          },
        ],
      });
      assert.equal(elsewhere.status, 400);
      assert.match(
        elsewhere.body.error.message,
        new RegExp(`process\\.${built.period.id}\\.name\\.fr`),
      );
      const removed = await post('secretariat', '/api/processes/twg/translations', {
        translations: [
          {
            subjectType: 'period',
            subjectId: built.period.id,
            field: 'title',
            language: 'es',
            text: '',
          },
        ],
      });
      ok(removed, 200);
      assert.equal(removed.body.changed, 1);
    });

    test('whoever recorded a stance removes it; another account may not', async () => {
      const source = await paragraphBlock(o.db, built.versionId, 'para 2');
      const stance = await post('civil', '/api/stances', {
        source,
        concept: 'public-core',
        stance: 'supports',
        exact: 'public core of the Internet',
        country: 'KEN',
      });
      ok(stance, 201);
      const other = await post('secretariatReader', `/api/stances/${stance.body.id}/delete`, {});
      assert.equal(other.status, 403);
      const removed = await post('civil', `/api/stances/${stance.body.id}/delete`, {});
      ok(removed, 200);
      assert.deepEqual(removed.body, { removed: stance.body.id, concept: 'public-core' });
      const left = await o.db
        .selectFrom('stances')
        .select('id')
        .where('id', '=', stance.body.id)
        .execute();
      assert.deepEqual(left, []);
    });

    test('an account makes, changes, renews the feed of and deletes a watch', async () => {
      const made = await post('civil', '/api/watches', {
        name: 'Routing security',
        query: 'routing',
        concepts: ['public-core'],
        groups: ['civil_society'],
        emailDigest: true,
      });
      ok(made, 201);
      const { watch, feedUrl } = made.body;
      assert.deepEqual(watch.groups, ['civil_society']);
      assert.equal(watch.emailDigest, true);
      const feedPath = new URL(feedUrl).pathname;
      assert.equal((await app.request(feedPath)).status, 200);

      const changed = await post('civil', `/api/watches/${watch.id}`, {
        name: 'Routing',
        query: 'routing security',
      });
      ok(changed, 200);
      assert.equal(changed.body.watch.name, 'Routing');
      assert.deepEqual(changed.body.watch.concepts, []);
      const noWords = await post('civil', `/api/watches/${watch.id}`, { name: 'Empty' });
      assert.equal(noWords.status, 400);
      assert.match(noWords.body.error.message, /\bquery: Give words/);

      const renewed = await post('civil', `/api/watches/${watch.id}/feed-key`, {});
      ok(renewed, 200);
      assert.notEqual(renewed.body.feedUrl, feedUrl);
      assert.equal((await app.request(feedPath)).status, 404, 'the old feed address stops');
      assert.equal((await app.request(new URL(renewed.body.feedUrl).pathname)).status, 200);

      const others = await post('secretariatReader', `/api/watches/${watch.id}/delete`, {});
      assert.equal(others.status, 404, 'another’s watch is not found');
      ok(await post('civil', `/api/watches/${watch.id}/delete`, {}), 200);
      const left = await o.db
        .selectFrom('watches')
        .select('id')
        .where('id', '=', watch.id)
        .execute();
      assert.deepEqual(left, []);
    });

    test('the secretariat closes an open period early; refusals write nothing', async () => {
      const path = `/api/consultations/${built.period.id}/close`;
      const reason = { reason: 'The mandate of the group ended.' };
      const counts = await rowCounts(o, ['rate_limits']);
      const noScope = await post('secretariatReader', path, reason);
      assert.equal(noScope.status, 403);
      assert.match(noScope.body.error.message, /“secretariat”/);
      const unknown = await post('secretariat', path, { ...reason, when: 'now' });
      assert.equal(unknown.status, 422);
      assert.match(unknown.body.error.message, /“when”/);
      const noReason = await post('secretariat', path, { reason: '' });
      assert.equal(noReason.status, 400);
      assert.match(noReason.body.error.message, /reason: Say why/);
      assert.equal((await post('elsewhere', path, reason)).status, 403, 'another process’s staff');
      assert.deepEqual(await rowCounts(o, ['rate_limits']), counts, 'no refusal writes anything');

      const closed = await post('secretariat', path, reason);
      ok(closed, 200);
      assert.equal(closed.body.state, 'closed');
      assert.equal(closed.body.closesAt, clock.toISOString());
      assert.equal(closed.body.extensions, built.period.extensions, 'no extension counted');
      const event = await o.db
        .selectFrom('events')
        .select('data')
        .where('action', '=', 'period.closed')
        .executeTakeFirstOrThrow();
      assert.match(String(event.data), /mandate of the group ended/);
      const late = await post('civil', `/api/consultations/${built.period.id}/submissions`, {
        organisationId: built.organisations.civil.slug,
        body: 'After the close.',
      });
      assert.equal(late.status, 409, JSON.stringify(late.body));
      const again = await post('secretariat', path, reason);
      assert.equal(again.status, 400);
      assert.match(again.body.error.message, /closed/);
    });
  });
}
