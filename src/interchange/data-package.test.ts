/**
 * A consultation downloads as one ZIP that is a Frictionless Data Package (issue 17, point 6):
 * read back with nothing but its `datapackage.json` (each file found by its path, its size and
 * hash checked, each CSV cell typed by its Table Schema), it holds the draft in every language,
 * the submissions with co-signers, attachments, receipts, the anchors with their history after
 * Rev.1, the moderation counts and the events, and the attachments' files byte for byte; a reader
 * sees published submissions (and their attachments) only, the process's staff every one. Read a
 * submission at a time, the package is the same bytes as read a thousand at a time, and its
 * counts are the database's. Both engines.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { operatorViewer } from '../accounts/accounts.schema.ts';
import { createApiToken } from '../accounts/accounts.service.ts';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  draftParagraphs,
  draftText,
  paragraphBlock,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { importFile } from '../imports/imports.service.ts';
import { checkAttachment } from '../submissions/attachments.ts';
import {
  answerCosignature,
  moderateSubmission,
  submitComment,
} from '../submissions/submissions.service.ts';
import { consultationPackage } from './data-package.service.ts';

const now = new Date('2026-06-01T12:00:00Z');

/** RFC 4180 records of a CSV text (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

interface Field {
  name: string;
  type: string;
  constraints: { required: boolean };
}
interface Resource {
  name: string;
  path: string;
  /** Absent for a file that is not a table (an attachment). */
  format?: 'csv' | 'json';
  bytes: number;
  hash: string;
  schema: { fields: Field[]; primaryKey?: string[] };
}

/** A cell typed by its field, or a problem naming where it is. */
function typed(value: string, field: Field, where: string): unknown {
  if (value === '') {
    assert.ok(!field.constraints.required, `${where}: a required ${field.name} is empty`);
    return null;
  }
  switch (field.type) {
    case 'integer':
      assert.match(value, /^-?\d+$/, where);
      return Number(value);
    case 'boolean':
      assert.ok(value === 'true' || value === 'false', where);
      return value === 'true';
    case 'datetime':
      assert.ok(!Number.isNaN(Date.parse(value)), where);
      return value;
    case 'date':
      assert.match(value, /^\d{4}-\d{2}-\d{2}$/, where);
      return value;
    case 'object':
    case 'array':
      return JSON.parse(value) as unknown;
    default:
      return value;
  }
}

/** Every resource of a package ZIP as rows of typed values, read through its descriptor alone. */
async function readPackage(bytes: Uint8Array): Promise<{
  descriptor: Record<string, unknown>;
  tables: Map<string, Record<string, unknown>[]>;
  files: Map<string, Uint8Array>;
}> {
  const zip = await JSZip.loadAsync(bytes);
  const descriptor = JSON.parse(await zip.file('datapackage.json')!.async('string')) as {
    resources: Resource[];
  };
  const tables = new Map<string, Record<string, unknown>[]>();
  const files = new Map<string, Uint8Array>();
  for (const resource of descriptor.resources) {
    const file = zip.file(resource.path);
    assert.ok(file, `${resource.path} is in the ZIP`);
    const raw = await file.async('uint8array');
    assert.equal(raw.length, resource.bytes, `${resource.path}: bytes`);
    assert.equal(
      `sha256:${createHash('sha256').update(raw).digest('hex')}`,
      resource.hash,
      `${resource.path}: hash`,
    );
    if (resource.format === undefined) {
      files.set(resource.path, raw);
      continue;
    }
    const fields = resource.schema.fields;
    const text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    let rows: Record<string, unknown>[];
    if (resource.format === 'csv') {
      const [header, ...records] = parseCsv(text);
      assert.deepEqual(
        header,
        fields.map((f) => f.name),
        `${resource.path}: header`,
      );
      rows = records.map((record, r) => {
        assert.equal(record.length, fields.length, `${resource.path} row ${r + 1}: width`);
        return Object.fromEntries(
          fields.map((f, i) => [f.name, typed(record[i]!, f, `${resource.path} row ${r + 1}`)]),
        );
      });
    } else {
      rows = JSON.parse(text) as Record<string, unknown>[];
      for (const row of rows) {
        assert.deepEqual(
          Object.keys(row),
          fields.map((f) => f.name),
          resource.path,
        );
        for (const f of fields)
          if (f.constraints.required)
            assert.notEqual(row[f.name], null, `${resource.path}.${f.name}`);
      }
    }
    const key = resource.schema.primaryKey;
    if (key) {
      const keys = rows.map((r) => JSON.stringify(key.map((k) => r[k])));
      assert.equal(new Set(keys).size, keys.length, `${resource.path}: primary key unique`);
    }
    tables.set(resource.name, rows);
  }
  return { descriptor, tables, files };
}

/** A migrated SQLite database in a file of its own, removed when closed. */
async function openFileDatabase(): Promise<OpenDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-package-test-'));
  const opened = await openDatabase(join(dir, 'package.sqlite'));
  await migrateToLatest(opened.db);
  return {
    ...opened,
    close: async () => {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The bytes of a streamed package, whole. */
async function collect(bytes: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of bytes) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

// On a SQLite file too: the export then reads through a connection of its own (openBulkReader),
// which an in-memory database cannot have.
for (const where of [...testEngines(), 'sqlite file'] as const) {
  const engine = where === 'sqlite file' ? 'sqlite' : where;
  describe(`a consultation's data package (${where})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    const ids: Record<string, string> = {};
    // A PDF's bytes, with some that are not UTF-8, to be read back exactly.
    const annex = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.from([0, 0xff, 0xfe, 0x80, 0x0d, 0x0a, 0xc3]),
      Buffer.from('\n%%EOF\n'),
    ]);

    before(async () => {
      o = where === 'sqlite file' ? await openFileDatabase() : await openTestDatabase(engine);
      built = await buildConsultation(o.db, { moderation: 'review' });
      app = createApp({ db: o.db, engine, now: () => now });
      const submit = async (
        name: string,
        address: string,
        extra: { exact?: string; cosigners?: string[]; body?: string; attach?: Buffer } = {},
      ) => {
        const blockId = await paragraphBlock(o.db, built.versionId, address);
        const attachments = extra.attach
          ? [await checkAttachment(`${name} annex.pdf`, extra.attach)]
          : [];
        const receipt = await o.db.transaction().execute((trx) =>
          submitComment(
            trx,
            representativeViewer(built, 'civil'),
            built.period.id,
            {
              organisationId: built.organisations.civil.id,
              body: extra.body ?? `Comment ${name}, with "quotes", commas and a\nnew line.`,
              idempotencyKey: `package-${name}`,
              anchors: [{ blockId, ...(extra.exact ? { exact: extra.exact } : {}) }],
              ...(extra.cosigners ? { cosigners: extra.cosigners } : {}),
            },
            attachments,
            now,
          ),
        );
        ids[name] = receipt.submissionId;
      };
      await submit('joint', 'para 3', {
        exact: 'should not conduct',
        cosigners: [built.organisations.tech.id],
        attach: annex,
      });
      await submit('orphaned', 'para 4');
      await submit('formula', 'para 1', { body: '=1+1 stays as written in the data' });
      await submit('spam', 'para 2', { attach: Buffer.from('%PDF-1.4\nspam\n%%EOF\n') });
      await o.db
        .transaction()
        .execute((trx) =>
          answerCosignature(
            trx,
            representativeViewer(built, 'tech'),
            ids.joint!,
            built.organisations.tech.id,
            true,
            now,
          ),
        );
      for (const [name, action] of [
        ['joint', 'publish'],
        ['orphaned', 'publish'],
        ['formula', 'publish'],
        ['spam', 'reject'],
      ] as const)
        await o.db
          .transaction()
          .execute((trx) =>
            moderateSubmission(
              trx,
              operatorViewer,
              ids[name]!,
              { action, ...(action === 'reject' ? { reason: 'spam' } : {}) },
              now,
            ),
          );
      const revised = draftParagraphs.filter((_, i) => i !== 3);
      await importFile(o.db, new TextEncoder().encode(draftText(revised)), {
        process: 'twg',
        document: built.documentId,
        version: 'Rev.1',
        language: 'en',
        format: 'text',
      });
    });
    after(() => o?.close());

    const download = async (headers: Record<string, string> = {}) => {
      const res = await app.request(`/consultations/${built.period.id}/datapackage.zip`, {
        headers,
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/zip');
      assert.match(res.headers.get('content-disposition') ?? '', /consultation-.*\.zip/);
      return readPackage(new Uint8Array(await res.arrayBuffer()));
    };

    test('reads back with its descriptor alone and holds the whole published consultation', async () => {
      const { descriptor, tables, files } = await download();
      // With the attachments' files in it, not every resource is a table.
      assert.equal(descriptor.profile, 'data-package');
      const versions = tables.get('versions')!;
      assert.deepEqual(
        versions.map((v) => [v.seq, v.label, v.language]),
        [
          [1, 'Zero draft', 'en'],
          [2, 'Rev.1', 'en'],
        ],
      );
      const blocks = tables.get('blocks')!;
      for (const v of versions)
        assert.ok(blocks.some((b) => b.language_version_id === v.language_version_id));
      assert.ok(blocks.some((b) => b.text === draftParagraphs[3]));

      const submissions = tables.get('submissions')!;
      assert.deepEqual(
        submissions.map((s) => s.id).sort(),
        [ids.joint, ids.orphaned, ids.formula].sort(),
        'published only',
      );
      const joint = submissions.find((s) => s.id === ids.joint)!;
      assert.equal(joint.body, 'Comment joint, with "quotes", commas and a\nnew line.');
      assert.equal(joint.verified, false);
      assert.equal(
        submissions.find((s) => s.id === ids.formula)!.body,
        '=1+1 stays as written in the data',
      );

      assert.deepEqual(
        tables.get('cosigners')!.map((c) => [c.submission_id, c.organisation_id, c.state]),
        [[ids.joint, built.organisations.tech.id, 'confirmed']],
      );
      const anchors = tables.get('anchors')!;
      const stepsOf = (name: string) =>
        anchors
          .filter((a) => a.submission_id === ids[name])
          .map((a) => [a.step, a.address, a.exact, a.outcome]);
      assert.deepEqual(stepsOf('joint'), [
        [0, 'para 3', 'should not conduct', 'made'],
        [1, 'para 3', 'should not conduct', 'carried'],
      ]);
      assert.deepEqual(stepsOf('orphaned'), [
        [0, 'para 4', null, 'made'],
        [1, null, null, 'orphan'],
      ]);
      assert.deepEqual(
        tables
          .get('receipts')!
          .map((r) => r.submission_id)
          .sort(),
        [ids.joint, ids.orphaned, ids.formula].sort(),
      );
      assert.deepEqual(
        tables.get('moderation_counts')!.map((r) => [r.status, r.reason, r.count]),
        [
          ['published', null, 3],
          ['rejected', 'spam', 1],
        ],
      );
      const events = tables.get('events')!;
      assert.ok(events.some((e) => e.subject_id === built.period.id));
      assert.ok(
        events.some((e) => e.subject_id === ids.joint && e.action === 'submission.published'),
      );
      assert.ok(!events.some((e) => e.subject_id === ids.spam), 'nothing of the rejected one');
      const [attachment, ...others] = tables.get('attachments')!;
      assert.deepEqual(others, [], "the rejected submission's attachment is not there");
      assert.equal(attachment!.submission_id, ids.joint);
      assert.equal(attachment!.sha256, createHash('sha256').update(annex).digest('hex'));
      const path = `attachments/${String(attachment!.id)}/joint annex.pdf`;
      assert.deepEqual([...files.keys()], [path]);
      assert.deepEqual(Buffer.from(files.get(path)!), annex, 'the file byte for byte');
      const full = tables.get('submissions_full')!;
      assert.deepEqual(
        (full.find((s) => s.id === ids.orphaned)!.anchors as { history: unknown[] }[])[0]!.history
          .length,
        1,
      );
    });

    test('the process staff get every submission, the rejected one too', async () => {
      const token = await createApiToken(
        o.db,
        {
          id: built.accounts.moderator.id,
          email: built.accounts.moderator.email,
          name: 'moderator',
          isAdmin: false,
          via: 'session',
          grants: [{ role: 'moderator', scopeId: built.process.id }],
        },
        'package',
      );
      const { tables, files } = await download({ authorization: `Bearer ${token}` });
      assert.ok(tables.get('submissions')!.some((s) => s.id === ids.spam));
      assert.ok(tables.get('events')!.some((e) => e.subject_id === ids.spam));
      const spamAttachment = tables.get('attachments')!.find((a) => a.submission_id === ids.spam)!;
      assert.equal(
        Buffer.from(
          files.get(`attachments/${String(spamAttachment.id)}/spam annex.pdf`)!,
        ).toString(),
        '%PDF-1.4\nspam\n%%EOF\n',
      );
    });

    test('read a submission at a time, it is the same package, and its counts are the database’s', async () => {
      for (const viewer of [null, operatorViewer]) {
        const whole = await collect(
          (await consultationPackage(o.db, viewer, built.period.id, now)).bytes,
        );
        for (const pageSize of [1, 2]) {
          const paged = await collect(
            (await consultationPackage(o.db, viewer, built.period.id, now, { pageSize })).bytes,
          );
          assert.deepEqual(paged, whole, `pages of ${pageSize}`);
        }
        const { tables, files } = await readPackage(whole);
        const count = async (
          table: 'submissions' | 'submission_anchors' | 'submission_cosigners' | 'attachments',
        ) => {
          const own = o.db
            .selectFrom('submissions')
            .select('id')
            .where('period_id', '=', built.period.id)
            .$if(viewer === null, (q) => q.where('status', '=', 'published'));
          const row = await (
            table === 'submissions'
              ? own.clearSelect().select((eb) => eb.fn.countAll<number>().as('n'))
              : o.db
                  .selectFrom(table)
                  .select((eb) => eb.fn.countAll<number>().as('n'))
                  .where('submission_id', 'in', own.clearSelect().select('id'))
          ).executeTakeFirstOrThrow();
          return Number(row.n);
        };
        const submissions = await count('submissions');
        assert.ok(submissions >= 3, 'more than one page of one or two');
        assert.equal(tables.get('submissions')!.length, submissions);
        assert.equal(tables.get('receipts')!.length, submissions);
        assert.equal(tables.get('submissions_full')!.length, submissions);
        assert.equal(
          tables.get('anchors')!.filter((a) => a.step === 0).length,
          await count('submission_anchors'),
        );
        assert.equal(tables.get('cosigners')!.length, await count('submission_cosigners'));
        const attachments = await count('attachments');
        assert.equal(tables.get('attachments')!.length, attachments);
        assert.equal(files.size, attachments);
      }
    });

    test('an unknown period is a 404, not a broken ZIP', async () => {
      for (const ref of ['nope', '01900000-0000-7000-8000-000000000000'])
        assert.equal((await app.request(`/consultations/${ref}/datapackage.zip`)).status, 404, ref);
    });
  });
}
