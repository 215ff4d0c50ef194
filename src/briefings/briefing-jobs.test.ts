/**
 * Briefings as jobs through the API (issue 17, point 1): asked for with 202 and a Location, polled
 * until done, then read in Markdown, HTML and DOCX; a job that cannot be drafted fails with its
 * reason; jobs live in the database, so one queued or left running before a restart is drafted
 * after it. Only the owner sees a job; a token without `read` and an unknown field are refused,
 * writing nothing. Both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeApiToken } from '../accounts/accounts.service.ts';
import { createApp } from '../app.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { runQueuedBriefingJobs, staleAfterMs } from './briefing-jobs.service.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers
type Json = any;

const request = {
  processes: ['twg'],
  concepts: ['public-core'],
  from: '2026-01-01',
  to: '2026-06-30',
};

for (const engine of testEngines()) {
  describe(`briefing jobs through the API (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    const clock = new Date('2026-06-10T12:00:00Z');
    const tokens = new Map<string, string>();

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db);
      app = createApp({ db: o.db, engine, now: () => clock });
      const make = async (name: string, who: 'civil' | 'tech', scopes: string[]) =>
        tokens.set(
          name,
          (await makeApiToken(o.db, representativeViewer(built, who), { name, scopes }, clock))
            .secret,
        );
      await make('civil', 'civil', ['read']);
      await make('civilWriter', 'civil', ['submit']);
      await make('tech', 'tech', ['read']);
    });
    after(async () => o.close());

    const call = async (token: string, path: string, body?: unknown) => {
      const res = await app.request(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${tokens.get(token)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return res;
    };
    const json = async (res: Response) => ({
      status: res.status,
      body: (await res.json()) as Json,
    });
    const jobRows = async () =>
      Number(
        (
          await o.db
            .selectFrom('briefing_jobs')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    /** Polls a job until it is done or failed, as a client would. */
    const settled = async (id: string): Promise<Json> => {
      for (let i = 0; i < 600; i++) {
        const { body } = await json(await call('civil', `/api/briefings/${id}`));
        if (body.status === 'done' || body.status === 'failed') return body;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`job ${id} did not end`);
    };

    test('a job is asked for (202, Location), polled until done, and read in each format', async () => {
      const asked = await call('civil', '/api/briefings', request);
      assert.equal(asked.status, 202);
      const job = (await asked.json()) as Json;
      assert.equal(asked.headers.get('location'), `/api/briefings/${job.id}`);
      assert.ok(['queued', 'running', 'done'].includes(job.status), job.status);
      assert.equal(job.request.language, 'en');

      const done = await settled(job.id);
      assert.equal(done.status, 'done', JSON.stringify(done));
      assert.equal(done.error, null);
      assert.ok(done.startedAt && done.finishedAt);
      assert.deepEqual(Object.keys(done.results).sort(), ['docx', 'html', 'md', 'pdf']);

      const md = await call('civil', done.results.md);
      assert.equal(md.status, 200);
      assert.match(md.headers.get('content-type') ?? '', /text\/markdown/);
      const text = await md.text();
      assert.match(text, /^# /m, 'a paper with a title');
      const html = await call('civil', done.results.html);
      assert.equal(html.status, 200);
      assert.match(await html.text(), /<html/i);
      const docx = await call('civil', done.results.docx);
      assert.equal(docx.status, 200);
      const bytes = new Uint8Array(await docx.arrayBuffer());
      assert.equal(String.fromCharCode(bytes[0]!, bytes[1]!), 'PK', 'a DOCX is a ZIP archive');

      assert.equal((await call('tech', `/api/briefings/${job.id}`)).status, 404, 'another’s job');
      assert.equal((await call('tech', done.results.md)).status, 404, 'another’s paper');
      assert.equal((await call('civil', `/api/briefings/${job.id}/result/odt`)).status, 404);
    });

    test('a job that cannot be drafted fails and says why', async () => {
      const asked = await json(
        await call('civil', '/api/briefings', { ...request, concepts: ['no-such-concept'] }),
      );
      assert.equal(asked.status, 202);
      const failed = await settled(asked.body.id);
      assert.equal(failed.status, 'failed');
      assert.equal(failed.error.code, 'CONCEPT_NOT_FOUND');
      assert.match(failed.error.message, /no-such-concept/);
      assert.equal(failed.results, null);
      const paper = await call('civil', `/api/briefings/${asked.body.id}/result/md`);
      assert.equal(paper.status, 404);
    });

    test('a refused request writes nothing', async () => {
      const before = await jobRows();
      const noScope = await json(await call('civilWriter', '/api/briefings', request));
      assert.equal(noScope.status, 403);
      assert.equal(noScope.body.error.code, 'TOKEN_SCOPE_MISSING');
      assert.match(noScope.body.error.message, /“read”/);
      const unknown = await json(
        await call('civil', '/api/briefings', { ...request, format: 'docx' }),
      );
      assert.equal(unknown.status, 422);
      assert.match(unknown.body.error.message, /“format”/);
      const backwards = await json(
        await call('civil', '/api/briefings', { ...request, from: '2026-07-01' }),
      );
      assert.equal(backwards.status, 400);
      assert.match(backwards.body.error.message, /to: The period ends before it starts/);
      const session = await app.request('/api/briefings', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      assert.equal(session.status, 401);
      assert.equal(await jobRows(), before);
    });

    test('jobs queued, or left running by a process that stopped, are drafted after a restart', async () => {
      const row = (id: string, status: string, startedAt: string | null) => ({
        id,
        account_id: built.accounts.civil.id,
        request: JSON.stringify({ ...request, language: 'fr', paper: 'a4' }),
        status,
        error_code: null,
        error_message: null,
        result: null,
        created_at: '2026-06-10T11:00:00.000Z',
        started_at: startedAt,
        finished_at: null,
      });
      const queued = newId();
      const lost = newId();
      const recent = newId();
      const longAgo = new Date(clock.getTime() - staleAfterMs - 1000).toISOString();
      await o.db
        .insertInto('briefing_jobs')
        .values([
          row(queued, 'queued', null),
          row(lost, 'running', longAgo),
          // Still running elsewhere, for all this process knows: left alone.
          row(recent, 'running', clock.toISOString()),
        ])
        .execute();
      // What a process does when it starts (src/cli/serve.command.ts kicks the same run).
      await runQueuedBriefingJobs(o.db, () => clock);
      const statuses = await o.db
        .selectFrom('briefing_jobs')
        .select(['id', 'status'])
        .where('id', 'in', [queued, lost, recent])
        .execute();
      assert.deepEqual(Object.fromEntries(statuses.map((s) => [s.id, s.status])), {
        [queued]: 'done',
        [lost]: 'done',
        [recent]: 'running',
      });
      const paper = await call('civil', `/api/briefings/${queued}/result/md`);
      assert.equal(paper.status, 200);
    });

    test('the owner lists their jobs a page at a time; a job added between pages is not missed', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let added: string | undefined;
      do {
        const page: { status: number; body: Json } = await json(
          await call('civil', `/api/briefings?limit=2${cursor ? `&cursor=${cursor}` : ''}`),
        );
        assert.equal(page.status, 200);
        seen.push(...page.body.jobs.map((j: Json) => j.id));
        cursor = page.body.nextCursor;
        if (!added)
          added = ((await (await call('civil', '/api/briefings', request)).json()) as Json).id;
      } while (cursor);
      const all = await o.db
        .selectFrom('briefing_jobs')
        .select('id')
        .where('account_id', '=', built.accounts.civil.id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        seen,
        all.map((r) => r.id),
      );
      const others = await json(await call('tech', '/api/briefings'));
      assert.deepEqual(others.body.jobs, []);
      assert.ok(added && seen.includes(added));
      await settled(added);
    });
  });
}
