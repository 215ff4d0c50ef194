import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import { installShippedConcepts, tagIndexedPassages } from '../concepts/concepts.service.ts';
import { drain } from '../followers.ts';
import {
  buildConsultation,
  paragraphBlock,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { createMeeting } from '../meetings/meetings.service.ts';
import {
  registerOrganisation,
  verifyOrganisation,
} from '../organisations/organisations.service.ts';
import { recordStance } from '../stances/stances.service.ts';
import { submitComment } from '../submissions/submissions.service.ts';
import { draftBriefing } from './briefings.service.ts';

const brazilSays =
  'Brazil considers that the IT infrastructures underpinning electoral processes deserve the same protection as the public core of the Internet. We have no view on other matters.';
const igoSays =
  'The Office stands ready to support capacity-building. Protecting the public core of the Internet requires cooperation.';
const techSays = 'The root servers are operated by independent organisations.';

for (const engine of testEngines()) {
  describe(`briefing papers (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    const query = '/briefings?processes=twg&concepts=public-core&from=2026-01-01&to=2026-06-30';

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
      const submitFor = async (
        who: 'government' | 'tech',
        organisationId: string,
        body: string,
        key: string,
      ) => {
        const viewer: Viewer = {
          id: built.accounts[who].id,
          email: built.accounts[who].email,
          name: who,
          isAdmin: false,
          via: 'session',
          grants: [{ role: 'representative', scopeId: organisationId }],
        };
        await o.db
          .transaction()
          .execute((trx) =>
            submitComment(
              trx,
              viewer,
              built.period.id,
              { organisationId, body, idempotencyKey: key },
              [],
              new Date('2026-06-02T10:00:00Z'),
            ),
          );
      };
      await submitFor(
        'government',
        built.organisations.government.id,
        brazilSays,
        'briefing-key-1',
      );
      await submitFor('tech', built.organisations.tech.id, techSays, 'briefing-key-2');
      const techViewer: Viewer = {
        id: built.accounts.tech.id,
        email: built.accounts.tech.email,
        name: 'tech',
        isAdmin: false,
        via: 'session',
        grants: [],
      };
      const igo = await registerOrganisation(o.db, techViewer, {
        name: 'Inter-Regional Office of Tests',
        stakeholderGroup: 'igo',
      });
      // Counted as an IGO only once verified.
      await verifyOrganisation(o.db, operatorViewer, igo.id, {
        kind: 'letter',
        reason: 'Letter of the Office to the secretariat',
      });
      await submitFor('tech', igo.id, igoSays, 'briefing-key-3');
      await drain(o.db, engine);
      await tagIndexedPassages(o.db);
      const para2 = await paragraphBlock(o.db, built.versionId, 'para 2');
      await recordStance(o.db, techViewer, {
        source: para2,
        concept: 'public-core',
        stance: 'supports',
        exact: 'integrity of the public core of the Internet',
        country: 'KEN',
        saidOn: '2026-06-03',
      });
      const staff = { ...operatorViewer };
      const meeting = (title: string, day: string) =>
        createMeeting(
          o.db,
          staff,
          built.process.id,
          {
            title,
            kind: 'formal',
            format: 'in_person',
            place: 'New York',
            startsAt: `${day}T10:00`,
            endsAt: `${day}T13:00`,
            timeZone: 'America/New_York',
          },
          new Date('2026-05-01T00:00:00Z'),
        );
      await meeting('Second substantive session', '2026-06-10');
      await meeting('Third substantive session', '2026-09-14');
      app = createApp({ db: o.db, engine });
    });
    after(async () => o.close());

    test('the form asks for processes, a period, concepts, a language and a format', async () => {
      const page = await (await app.request('/briefings')).text();
      assert.match(page, /<h1>Draft a briefing paper<\/h1>/);
      assert.match(page, /name="processes" value="twg"/);
      assert.match(page, /name="concepts" value="public-core"/);
      assert.match(page, /<option value="docx"/);
    });

    test('the paper follows the sample: what happened, states in order, IGOs, others, coming up, notes', async () => {
      const res = await app.request(`${query}&format=md`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /text\/markdown/);
      const md = await res.text();
      const order = [
        '# Briefing: Public core of the Internet',
        '### What happened',
        'Meeting: Second substantive session, New York',
        '### Comments by member states (in alphabetical order)',
        '**Brazil**: “Brazil considers that the IT infrastructures underpinning electoral processes deserve the same protection as the public core of the Internet.”',
        '**Kenya**: “integrity of the public core of the Internet”',
        '### Comments by intergovernmental organisations',
        '**Inter-Regional Office of Tests**: “Protecting the public core of the Internet requires cooperation.”',
        '### Comments by other organisations',
        '**Root Operators Forum**: “The root servers are operated by independent organisations.”',
        '### Coming up',
        'Meeting: Third substantive session, New York',
        '## Notes',
      ];
      let at = 0;
      for (const piece of order) {
        const found = md.indexOf(piece, at);
        assert.ok(found >= 0, `"${piece}" after position ${at}:\n${md}`);
        at = found + piece.length;
      }
      assert.doesNotMatch(
        md,
        /We have no view on other matters/,
        'only the sentences that touch on the concept',
      );
      assert.doesNotMatch(md, /capacity-building/);
      assert.match(
        md,
        /\[\^2\]: Second substantive session <http:\/\/localhost\/meetings\/[0-9a-f-]{36}>/,
      );
    });

    test('every quotation is the exact text of its source, and every note links to it', async () => {
      const briefing = await draftBriefing(o.db, {
        processes: ['twg'],
        concepts: ['public-core'],
        from: '2026-01-01',
        to: '2026-06-30',
      });
      const quotes = briefing.processes.flatMap((p) =>
        [...p.documents, ...p.states, ...p.igos, ...p.others].flatMap((s) => s.quotes),
      );
      assert.ok(quotes.length >= 4, `${quotes.length} quotations`);
      for (const q of quotes) {
        const source = await o.db
          .selectFrom('search_items')
          .select(['text', 'href'])
          .where('source_id', '=', q.sourceId)
          .executeTakeFirstOrThrow();
        assert.ok(source.text.includes(q.text), `"${q.text}" is in its source`);
        assert.equal(briefing.notes[q.note - 1]!.href, source.href);
      }
      const html = await (await app.request(query)).text();
      for (const q of quotes)
        assert.ok(html.includes(q.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')), q.text);
    });

    test('paragraphs of documents dated in the period are quoted under "In the documents"', async () => {
      // The test draft has no date of its own: it is dated the day it was imported (today).
      const md = await (
        await app.request(
          '/briefings?processes=twg&concepts=public-core&from=2026-01-01&to=2099-12-31&format=md',
        )
      ).text();
      assert.match(
        md,
        /### In the documents\n\n\*\*TWG\/twg\/1\*\*: “The Group notes the importance of the general availability and integrity of the public core of the Internet\.”\[\^\d+\]/,
      );
    });

    test('in French the states are in French alphabetical order, with French quotation marks', async () => {
      const md = await (await app.request(`${query}&format=md&language=fr`)).text();
      assert.match(md, /### Commentaires des États Membres \(par ordre alphabétique\)/);
      assert.ok(md.indexOf('**Brésil**') < md.indexOf('**Kenya**'));
      assert.match(md, /\*\*Kenya\*\*: « integrity of the public core of the Internet »/);
    });

    test('the HTML is a printable page, right to left in Arabic', async () => {
      const res = await app.request(`${query}&language=ar`);
      const html = await res.text();
      assert.match(html, /<html lang="ar" dir="rtl">/);
      // The page's own stylesheet is allowed by the content security policy, by its hash.
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
      const hash = createHash('sha256').update(style).digest('base64');
      assert.ok(res.headers.get('content-security-policy')!.includes(`'sha256-${hash}'`));
      assert.match(html, /@page \{ size: A4/);
      assert.match(html, /<h3>تعليقات الدول الأعضاء \(بالترتيب الأبجدي\)<\/h3>/);
      assert.match(html, /<li id="note-1">/);
    });

    test('the DOCX has the quotations and a Word footnote for each source', async () => {
      const res = await app.request(`${query}&format=docx`);
      assert.equal(res.status, 200);
      assert.match(
        res.headers.get('content-disposition')!,
        /plenum-briefing-2026-01-01-2026-06-30\.docx/,
      );
      const zip = await JSZip.loadAsync(await res.arrayBuffer());
      const document = await zip.file('word/document.xml')!.async('string');
      const footnotes = await zip.file('word/footnotes.xml')!.async('string');
      assert.match(document, /Protecting the public core of the Internet requires cooperation\./);
      assert.match(document, /w:footnoteReference/);
      assert.match(footnotes, /Inter-Regional Office of Tests/);
    });

    test('a request without processes, with the period backwards, or with an unknown concept gets the form and a clear error', async () => {
      const backwards = await app.request(
        '/briefings?processes=twg&concepts=public-core&from=2026-06-30&to=2026-01-01',
      );
      assert.equal(backwards.status, 400);
      assert.match(await backwards.text(), /The period ends before it starts/);
      const none = await app.request(
        '/briefings?concepts=public-core&from=2026-01-01&to=2026-06-30',
      );
      assert.equal(none.status, 400);
      assert.match(await none.text(), /Choose at least one process/);
      const unknown = await app.request(
        '/briefings?processes=twg&concepts=nothing&from=2026-01-01&to=2026-06-30',
      );
      assert.equal(unknown.status, 404);
      const script = await app.request(
        '/briefings?processes=<script>&concepts=x&from=2026-01-01&to=2026-06-30',
      );
      assert.ok(script.status === 404 || script.status === 400);
      assert.doesNotMatch(await script.text(), /<script>/);
    });
  });
}
