/**
 * The secretariat's translations of a process's texts: who may read the form and save it (every
 * role), what readers then see in their language, the marked English fallback, and a refused form
 * that keeps what was typed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  builtPassword,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { TestClient } from '../test-client.ts';

type Role =
  | 'anonymous'
  | 'outsider'
  | 'civil'
  | 'tech'
  | 'government'
  | 'moderator'
  | 'secretariat'
  | 'admin';
const roles: Role[] = [
  'anonymous',
  'outsider',
  'civil',
  'tech',
  'government',
  'moderator',
  'secretariat',
  'admin',
];

for (const engine of testEngines()) {
  describe(`translations of a process's texts (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    const clients = new Map<Role, TestClient>();

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db);
      app = createApp({ db: o.db, engine, now: () => new Date('2026-06-01T12:00:00Z') });
      for (const role of roles) {
        const client = new TestClient(app);
        if (role !== 'anonymous') await client.signIn(built.accounts[role].email, builtPassword);
        clients.set(role, client);
      }
    });
    after(() => o.close());

    const field = (type: string, id: string, name: string, lang: string): string =>
      `t.${type}.${id}.${name}.${lang}`;

    const matrix = async (
      what: string,
      expected: Record<Role, number>,
      request: (client: TestClient, role: Role) => Promise<Response>,
    ): Promise<void> => {
      const got: Partial<Record<Role, number>> = {};
      for (const role of roles) got[role] = (await request(clients.get(role)!, role)).status;
      assert.deepEqual(got, expected, what);
    };

    const secretariatOnly = {
      anonymous: 401,
      outsider: 403,
      civil: 403,
      tech: 403,
      government: 403,
      moderator: 403,
      secretariat: 303,
      admin: 303,
    };

    test('only the secretariat (and admins) see the form and save translations', async () => {
      await matrix('the form', { ...secretariatOnly, secretariat: 200, admin: 200 }, (c) =>
        c.get('/processes/twg/translations'),
      );
      await matrix('save', secretariatOnly, (c, role) =>
        c.post('/processes/twg/translations', {
          [field('process', built.process.id, 'name', 'fr')]: `Groupe de travail (${role})`,
        }),
      );
      const rows = await o.db
        .selectFrom('content_translations')
        .select(['text', 'updated_by'])
        .where('subject_id', '=', built.process.id)
        .where('language', '=', 'fr')
        .execute();
      // The last of the two who may save wrote the one row; nobody else wrote anything.
      assert.deepEqual(
        rows.map((r) => r.text),
        ['Groupe de travail (admin)'],
      );
    });

    test('readers see the texts in their language, and the English original marked where none is entered', async () => {
      const secretariat = clients.get('secretariat')!;
      const saved = await secretariat.post('/processes/twg/translations', {
        [field('process', built.process.id, 'name', 'fr')]: 'Groupe de travail technique',
        [field('process', built.process.id, 'mandate', 'fr')]: 'Le mandat, en français.',
        [field('period', built.period.id, 'title', 'fr')]: 'Consultation sur le projet',
        [field('version', built.versionId, 'label', 'fr')]: 'Avant-projet',
        [field('process', built.process.id, 'name', 'ar')]: 'الفريق العامل التقني',
      });
      assert.equal(saved.status, 303);
      assert.equal(saved.headers.get('location'), '/processes/twg/translations?saved=1');
      const reader = clients.get('anonymous')!;
      const french = await (await reader.get('/processes/twg', { 'accept-language': 'fr' })).text();
      assert.match(french, /<h1>Groupe de travail technique/);
      assert.match(french, /Le mandat, en français\./);
      assert.match(french, /Consultation sur le projet/);
      assert.match(french, /Avant-projet/);
      assert.doesNotMatch(french, /\(en anglais\)/);
      const home = await (await reader.get('/', { 'accept-language': 'fr' })).text();
      assert.match(home, /Groupe de travail technique/);
      assert.match(home, /Consultation sur le projet/);
      // Arabic has a name but no mandate: the mandate is the English original, marked.
      const arabic = await (await reader.get('/processes/twg', { 'accept-language': 'ar' })).text();
      assert.match(arabic, /<h1>الفريق العامل التقني/);
      assert.match(
        arabic,
        /<span lang="en" dir="ltr">[^<]+<\/span> <small class="fallback">\(بالإنكليزية\)<\/small>/,
      );
      const english = await (
        await reader.get('/processes/twg', { 'accept-language': 'en' })
      ).text();
      assert.doesNotMatch(english, /Groupe de travail technique|class="fallback"/);
      // An empty field removes the translation.
      await secretariat.post('/processes/twg/translations', {
        [field('version', built.versionId, 'label', 'fr')]: '',
      });
      const after = await (await reader.get('/processes/twg', { 'accept-language': 'fr' })).text();
      assert.doesNotMatch(after, /Avant-projet/);
      assert.match(after, /\(en anglais\)/);
    });

    test('a translation too long is refused on the form, which keeps what was typed', async () => {
      const secretariat = clients.get('secretariat')!;
      const typed = 'Titre gardé';
      const res = await secretariat.post('/processes/twg/translations', {
        [field('period', built.period.id, 'title', 'es')]: 'x'.repeat(4001),
        [field('period', built.period.id, 'title', 'ru')]: typed,
        _page: '/processes/twg/translations',
      });
      assert.equal(res.status, 400);
      const body = await res.text();
      assert.match(body, /role="alert"/);
      assert.match(body, new RegExp(`value="${typed}"`));
      const stored = await o.db
        .selectFrom('content_translations')
        .select('text')
        .where('subject_id', '=', built.period.id)
        .where('language', 'in', ['es', 'ru'])
        .execute();
      assert.deepEqual(stored, [], 'nothing of the refused form is stored');
    });
  });
}
