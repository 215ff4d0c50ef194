/**
 * A whole consultation through the JSON API alone (issue 17, point 2), with the client typed from
 * /api/openapi.json (openapi-typescript types, openapi-fetch) against a real `plenum serve` on a
 * SQLite file: make a process, upload and publish its zero draft, open a period, register an
 * organisation, submit a joint comment, co-sign it, moderate it, read where it went after Rev.1,
 * export the consultation as a data package.
 *
 * Accounts, the roles an administrator gives on pages and the tokens people make on their account
 * page come from the builder (a token never makes another, nor an account); the builder's own
 * process and draft are not used: everything the consultation is made of is made through the API.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import createClient from 'openapi-fetch';
import { createApiToken, grantRole } from '../../src/accounts/accounts.service.ts';
import type { Viewer } from '../../src/accounts/accounts.schema.ts';
import type { paths } from '../../src/api/openapi-types.generated.ts';
import {
  buildConsultation,
  draftParagraphs,
  draftText,
  paragraphBlock,
  type BuiltConsultation,
} from '../../src/consultations/consultation.builder.ts';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/db/database.ts';
import { startServer, type StartedServer } from '../support/start-server.ts';

/** The operation that uploads a draft (a new document, version or language) for checking. */
const draftUpload = '/api/processes/{process}/import-drafts';

/** `YYYY-MM-DDTHH:MM` in UTC, as a period's wall-clock times are given. */
const wallClockUtc = (at: Date): string => at.toISOString().slice(0, 16);

describe('a consultation through the API alone, with the typed client, over HTTP', () => {
  let dir: string;
  let o: OpenDatabase;
  let built: BuiltConsultation;
  let server: StartedServer;
  let client: ReturnType<typeof createClient<paths>>;
  let described: { paths: Record<string, unknown> };
  const tokens: Record<string, string> = {};
  const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const state: Record<string, string> = {};
  let file: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plenum-api-e2e-'));
    file = join(dir, 'plenum.sqlite');
    o = await openDatabase(file);
    await migrateToLatest(o.db);
    // Accounts and tokens are a person's, made on pages (a token never makes another).
    built = await buildConsultation(o.db, { moderation: 'review' });
    const viewerOf = (who: keyof BuiltConsultation['accounts'], grants: Viewer['grants']) => ({
      id: built.accounts[who].id,
      email: built.accounts[who].email,
      name: who,
      isAdmin: who === 'admin',
      via: 'session' as const,
      grants,
    });
    tokens.admin = await createApiToken(o.db, viewerOf('admin', []), 'e2e');
    tokens.secretariat = await createApiToken(
      o.db,
      viewerOf('secretariat', [{ role: 'secretariat', scopeId: built.process.id }]),
      'e2e',
    );
    tokens.moderator = await createApiToken(
      o.db,
      viewerOf('moderator', [{ role: 'moderator', scopeId: built.process.id }]),
      'e2e',
    );
    tokens.civil = await createApiToken(
      o.db,
      viewerOf('civil', [{ role: 'representative', scopeId: built.organisations.civil.id }]),
      'e2e',
    );
    tokens.outsider = await createApiToken(o.db, viewerOf('outsider', []), 'e2e');
    await o.close();
    server = startServer(['--db', file, '--no-demo'], { TZ: 'UTC' }, { timeoutMs: 120_000 });
    const base = await server.ready;
    client = createClient<paths>({ baseUrl: base });
    o = await openDatabase(file);
    described = (await (await fetch(`${base}/api/openapi.json`)).json()) as typeof described;
  });

  after(async () => {
    server?.child.kill();
    await o?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('an administrator makes a process', async () => {
    const made = await client.POST('/api/processes', {
      headers: auth('admin'),
      body: {
        slug: 'api-ewg',
        name: 'Expert Working Group made through the API',
        shortName: 'AEWG',
        parentBody: 'Test Assembly',
        mandate: 'To draft a report in the open, through the API alone.',
      },
    });
    assert.equal(made.response.status, 201, JSON.stringify(made.error));
    assert.equal(made.response.headers.get('location'), '/api/processes/api-ewg');
    state.process = made.data!.id;
    const read = await client.GET('/api/processes/{process}', {
      params: { path: { process: 'AEWG' } },
    });
    assert.equal(read.data?.process.id, state.process);
    // Staff roles are given by an administrator on the account pages, as for any process.
    for (const [who, role] of [
      ['secretariat', 'secretariat'],
      ['moderator', 'moderator'],
    ] as const)
      await grantRole(
        o.db,
        { email: built.accounts[who].email, role, scopeId: state.process },
        built.accounts.admin.id,
      );
  });

  test('the secretariat uploads the zero draft and publishes it', async () => {
    assert.ok(described.paths[draftUpload], `${draftUpload} is described`);
    const uploaded = await client.POST('/api/processes/{process}/import-drafts', {
      params: { path: { process: 'api-ewg' } },
      headers: auth('secretariat'),
      body: {
        file: { name: 'zero-draft.txt', content: Buffer.from(draftText()).toString('base64') },
        symbol: 'AEWG/2026/1',
        version: 'Zero draft',
        language: 'en',
      },
    });
    assert.equal(uploaded.response.status, 201, JSON.stringify(uploaded.error));
    assert.equal(uploaded.data!.blocks.filter((b) => b.number !== null).length, 12);
    const published = await client.POST('/api/import-drafts/{id}/publish', {
      params: { path: { id: uploaded.data!.id } },
      headers: auth('secretariat'),
      body: {},
    });
    assert.equal(published.response.status, 201, JSON.stringify(published.error));
    assert.deepEqual(published.data!.created, { document: true, version: true });
    state.version = published.data!.ids.version;
  });

  test('the secretariat opens a comment period on the draft', async () => {
    const now = Date.now();
    const opened = await client.POST('/api/processes/{process}/consultations', {
      params: { path: { process: 'api-ewg' } },
      headers: auth('secretariat'),
      body: {
        versionId: state.version!,
        title: 'Comments on the zero draft, through the API',
        opensAt: wallClockUtc(new Date(now - 86_400_000)),
        closesAt: wallClockUtc(new Date(now + 30 * 86_400_000)),
        timeZone: 'UTC',
        moderation: 'review',
      },
    });
    assert.equal(opened.response.status, 201, JSON.stringify(opened.error));
    state.period = opened.data!.id;
    const read = await client.GET('/api/consultations/{id}', {
      params: { path: { id: state.period } },
    });
    assert.equal(read.data?.period.title, 'Comments on the zero draft, through the API');
  });

  test('a person registers an organisation and becomes its representative', async () => {
    const registered = await client.POST('/api/organisations', {
      headers: auth('outsider'),
      body: {
        name: 'Registry Operators Forum',
        stakeholderGroup: 'technical_community',
        country: 'KEN',
      },
    });
    assert.equal(registered.response.status, 201, JSON.stringify(registered.error));
    state.forum = registered.data!.organisation.id;
  });

  test('a representative submits a joint comment; the co-signer confirms; a moderator publishes it', async () => {
    const blockId = await paragraphBlock(o.db, state.version!, 'para 4');
    const sent = await client.POST('/api/consultations/{id}/submissions', {
      params: { path: { id: state.period! }, header: { 'Idempotency-Key': 'e2e-joint-1' } },
      headers: auth('civil'),
      body: {
        organisationId: built.organisations.civil.slug,
        body: 'The root server system needs its operators at the table.',
        language: 'en',
        anchors: [{ blockId, exact: 'the root server system' }],
        cosigners: [state.forum!],
      },
    });
    assert.equal(sent.response.status, 201, JSON.stringify(sent.error));
    state.submission = sent.data!.submissionId;

    const signed = await client.POST('/api/submissions/{id}/cosign', {
      params: { path: { id: state.submission } },
      headers: auth('outsider'),
      body: { organisationId: state.forum!, answer: 'confirm' },
    });
    assert.equal(signed.response.status, 200, JSON.stringify(signed.error));

    const hidden = await client.GET('/api/submissions/{id}', {
      params: { path: { id: state.submission } },
    });
    assert.equal(hidden.response.status, 404, 'not public while in review');
    const published = await client.POST('/api/submissions/{id}/moderate', {
      params: { path: { id: state.submission } },
      headers: auth('moderator'),
      body: { action: 'publish' },
    });
    assert.equal(published.response.status, 200, JSON.stringify(published.error));
    const read = await client.GET('/api/submissions/{id}', {
      params: { path: { id: state.submission } },
    });
    assert.equal(read.data?.submission.status, 'published');
    assert.deepEqual(
      read.data?.submission.cosigners.map((c) => [c.organisation.id, c.state]),
      [[state.forum, 'confirmed']],
    );
  });

  test('after Rev.1 the API says where the comment went', async () => {
    // Rev.1 moves the paragraph: one inserted before it, so para 4 is para 5.
    const revised = [...draftParagraphs];
    revised.splice(1, 0, 'The Group underlines that the Internet is a global resource.');
    const uploaded = await client.POST('/api/processes/{process}/import-drafts', {
      params: { path: { process: 'api-ewg' } },
      headers: auth('secretariat'),
      body: {
        file: {
          name: 'rev1.txt',
          content: Buffer.from(draftText(revised)).toString('base64'),
        },
        symbol: 'AEWG/2026/1',
        version: 'Rev.1',
        language: 'en',
      },
    });
    assert.equal(uploaded.response.status, 201, JSON.stringify(uploaded.error));
    const published = await client.POST('/api/import-drafts/{id}/publish', {
      params: { path: { id: uploaded.data!.id } },
      headers: auth('secretariat'),
      body: {},
    });
    assert.equal(published.response.status, 201, JSON.stringify(published.error));
    assert.deepEqual(published.data!.created, { document: false, version: true });
    // The search, carrying and the rest follow the event log: wait until the anchor is carried.
    for (let i = 0; i < 100; i++) {
      const probe = await client.GET('/api/submissions/{id}', {
        params: { path: { id: state.submission! } },
      });
      if ((probe.data?.submission.anchors[0]?.history.length ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const read = await client.GET('/api/submissions/{id}', {
      params: { path: { id: state.submission! } },
    });
    const [anchor] = read.data!.submission.anchors;
    assert.deepEqual(
      anchor!.history.map((h) => [
        h.versionLabel,
        h.address,
        h.outcome,
        h.selector?.textQuote.exact,
      ]),
      [['Rev.1', 'para 5', 'carried', 'the root server system']],
    );
  });

  test('the consultation exports as a data package and as JSON', async () => {
    const base = await server.ready;
    const res = await fetch(`${base}/consultations/${state.period}/datapackage.zip`);
    assert.equal(res.status, 200);
    const zip = await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()));
    const descriptor = JSON.parse(await zip.file('datapackage.json')!.async('string')) as {
      resources: { name: string; path: string }[];
    };
    const anchors = await zip
      .file(descriptor.resources.find((r) => r.name === 'anchors')!.path)!
      .async('string');
    assert.match(
      anchors,
      new RegExp(`${state.submission},0,1,[^\\r]*,para 5,[^\\r]*,carried\\r\\n`),
    );
    const json = (await (
      await fetch(`${base}/consultations/${state.period}/submissions.json`)
    ).json()) as { submissions: { id: string }[] };
    assert.deepEqual(
      json.submissions.map((s) => s.id),
      [state.submission],
    );
  });
});
