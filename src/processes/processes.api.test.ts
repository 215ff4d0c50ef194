/**
 * Making a process through the JSON API (issue 17): an administrator's token with the scope
 * `admin` makes it with the service the command line uses; every refusal (no scope, not an
 * administrator, an unknown field, a taken slug) writes nothing, on both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeApiToken } from '../accounts/accounts.service.ts';
import type { Viewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, rowCounts, testEngines } from '../db/test-databases.ts';
import { addProcess } from './processes.service.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers
type Json = any;

const newProcess = {
  slug: 'ewg',
  name: 'Expert Working Group on Names',
  shortName: 'EWG',
  parentBody: 'Test Assembly',
  mandate: 'To draft in tests.',
  established: '2026',
  aliases: ['Names Group'],
};

for (const engine of testEngines()) {
  describe(`making a process through the API (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    const clock = new Date('2026-06-10T12:00:00Z');
    const tokens = new Map<string, string>();
    let secretariat: Viewer;

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db);
      app = createApp({ db: o.db, engine, now: () => clock });
      const admin: Viewer = {
        ...built.accounts.admin,
        name: 'admin',
        isAdmin: true,
        grants: [],
        via: 'session',
      };
      secretariat = {
        ...built.accounts.secretariat,
        name: 'secretariat',
        isAdmin: false,
        grants: [{ role: 'secretariat', scopeId: built.process.id }],
        via: 'session',
      };
      const make = async (name: string, viewer: Viewer, scopes: string[]) =>
        tokens.set(name, (await makeApiToken(o.db, viewer, { name, scopes }, clock)).secret);
      await make('admin', admin, ['read', 'admin']);
      await make('adminWithoutScope', admin, ['read', 'submit', 'moderate', 'secretariat']);
      await make('secretariat', secretariat, ['read', 'secretariat', 'moderate', 'submit']);
    });
    after(async () => o.close());

    const post = async (token: string, body: unknown) => {
      const res = await app.request('/api/processes', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens.get(token)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      return {
        status: res.status,
        location: res.headers.get('location'),
        body: (await res.json()) as Json,
      };
    };

    test('refusals name the scope, the role or the field, and write nothing', async () => {
      const counts = await rowCounts(o, ['rate_limits']);
      const noScope = await post('adminWithoutScope', newProcess);
      assert.equal(noScope.status, 403);
      assert.equal(noScope.body.error.code, 'TOKEN_SCOPE_MISSING');
      assert.match(noScope.body.error.message, /“admin”/);
      const notAdmin = await post('secretariat', newProcess);
      assert.equal(notAdmin.status, 403, 'a secretariat token cannot ask for the scope admin');
      assert.equal(notAdmin.body.error.code, 'TOKEN_SCOPE_MISSING');
      const unknown = await post('admin', { ...newProcess, colour: 'blue' });
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body.error.code, 'UNKNOWN_FIELD');
      assert.match(unknown.body.error.message, /“colour”/);
      const badSlug = await post('admin', { ...newProcess, slug: 'Not A Slug' });
      assert.equal(badSlug.status, 400);
      assert.equal(badSlug.body.error.code, 'INVALID_REQUEST');
      assert.match(badSlug.body.error.message, /slug/);
      const taken = await post('admin', { ...newProcess, slug: 'twg' });
      assert.equal(taken.status, 409);
      assert.equal(taken.body.error.code, 'PROCESS_CONFLICT');
      const takenName = await post('admin', { ...newProcess, aliases: ['TWG'] });
      assert.equal(takenName.status, 409, 'an alias another process has');
      await assert.rejects(
        addProcess(o.db, { ...secretariat, via: 'token' }, newProcess),
        (e: Error & { code?: string }) => e.code === 'FORBIDDEN',
        'the policy: only an administrator makes a process',
      );
      assert.deepEqual(await rowCounts(o, ['rate_limits']), counts, 'no refusal writes anything');
    });

    test('an administrator’s token makes a process: 201, its address, the event', async () => {
      const made = await post('admin', newProcess);
      assert.equal(made.status, 201, JSON.stringify(made.body));
      assert.equal(made.location, '/api/processes/ewg');
      assert.equal(made.body.slug, 'ewg');
      assert.equal(made.body.status, 'active', 'the default, as the command line has it');
      assert.deepEqual(made.body.aliases.toSorted(), ['EWG', 'Names Group']);
      const read = await app.request(made.location!);
      assert.equal(read.status, 200);
      assert.equal(((await read.json()) as Json).process.id, made.body.id);
      const byAlias = await app.request('/api/processes/names%20group');
      assert.equal(((await byAlias.json()) as Json).process.id, made.body.id);
      const event = await o.db
        .selectFrom('events')
        .select(['actor', 'subject_id'])
        .where('action', '=', 'process.created')
        .where('subject_id', '=', made.body.id)
        .executeTakeFirstOrThrow();
      assert.equal(event.actor, built.accounts.admin.id);
    });
  });
}
