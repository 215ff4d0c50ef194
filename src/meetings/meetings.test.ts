/**
 * Meetings through the routes, on both engines: who may announce and change them, the history
 * every change leaves, the timeline's order, the iCalendar feeds (parsed with ical.js) and the
 * personal calendar of followed processes, and bad input that must store nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  builtPassword,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { TestClient } from '../test-client.ts';

/** The VEVENTs of a calendar, by UID, with the properties the tests look at. */
function parseCalendar(
  text: string,
): Map<
  string,
  { sequence: number; start: string; end: string; status: string; summary: string; url: string }
> {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const out = new Map();
  for (const event of calendar.getAllSubcomponents('vevent')) {
    const time = (name: string) =>
      (event.getFirstPropertyValue(name) as ICAL.Time).toJSDate().toISOString();
    out.set(String(event.getFirstPropertyValue('uid')), {
      sequence: Number(event.getFirstPropertyValue('sequence')),
      start: time('dtstart'),
      end: time('dtend'),
      status: String(event.getFirstPropertyValue('status')),
      summary: String(event.getFirstPropertyValue('summary')),
      url: String(event.getFirstPropertyValue('url')),
    });
  }
  return out;
}

const geneva = {
  title: 'Substantive session',
  session: 'Third substantive session',
  kind: 'formal',
  format: 'in_person',
  place: 'Geneva, Palais des Nations, Room XX',
  startsAt: '2026-07-06T10:00',
  endsAt: '2026-07-10T18:00',
  timeZone: 'Europe/Zurich',
  webcastUrl: 'https://webtv.example.org/session-3',
};

for (const engine of testEngines()) {
  describe(`meetings (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    const clients = new Map<'anonymous' | 'outsider' | 'secretariat' | 'moderator', TestClient>();
    const client = (role: 'anonymous' | 'outsider' | 'secretariat' | 'moderator') =>
      clients.get(role)!;

    const countMeetings = async () =>
      Number(
        (
          await o.db
            .selectFrom('meetings')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    /** Announces a meeting as the secretariat; returns its id. */
    const announce = async (form: Record<string, string>): Promise<string> => {
      const res = await client('secretariat').post('/processes/twg/meetings', form);
      assert.equal(res.status, 303, await res.text());
      const id = /^\/meetings\/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '')?.[1];
      assert.ok(id, 'redirected to the meeting page');
      return id;
    };

    const apiMeeting = async (id: string) => {
      const res = await client('anonymous').get(`/api/meetings/${id}`);
      assert.equal(res.status, 200);
      return (await res.json()) as {
        meeting: { sequence: number; status: string; startsAt: string; datesPending: boolean };
        changes: { field: string; from: string | null; to: string | null; reason: string }[];
      };
    };

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db);
      app = createApp({ db: o.db, engine, now: () => new Date('2026-06-01T12:00:00Z') });
      for (const role of ['anonymous', 'outsider', 'secretariat', 'moderator'] as const) {
        const c = new TestClient(app);
        if (role !== 'anonymous') await c.signIn(built.accounts[role].email, builtPassword);
        clients.set(role, c);
      }
    });
    after(async () => o.close());

    test('only the secretariat of the process announces a meeting; others are refused and nothing is stored', async () => {
      assert.equal((await client('anonymous').post('/processes/twg/meetings', geneva)).status, 401);
      assert.equal((await client('outsider').post('/processes/twg/meetings', geneva)).status, 403);
      assert.equal((await client('moderator').post('/processes/twg/meetings', geneva)).status, 403);
      assert.equal((await client('outsider').get('/processes/twg/meetings/new')).status, 403);
      assert.equal(
        (await client('secretariat').post('/processes/twg/meetings', geneva, { csrf: false }))
          .status,
        403,
      );
      assert.equal(await countMeetings(), 0);

      assert.equal((await client('secretariat').get('/processes/twg/meetings/new')).status, 200);
      const id = await announce(geneva);
      const page = await client('anonymous').get(`/meetings/${id}`);
      assert.equal(page.status, 200);
      const body = await page.text();
      assert.match(body, /Third substantive session/);
      assert.match(body, /Palais des Nations/);
      // 10:00 in Geneva in July is 08:00 UTC; both are shown.
      assert.match(body, /datetime="2026-07-06T08:00:00.000Z"/);
      assert.match(body, /GMT\+2/);
      assert.doesNotMatch(body, /action="\/meetings\/[^"]+\/change"/, 'no forms for a reader');
      const { meeting } = await apiMeeting(id);
      assert.equal(meeting.sequence, 0);
      assert.equal(meeting.status, 'scheduled');
      assert.equal(meeting.startsAt, '2026-07-06T08:00:00.000Z');
      assert.match(
        await (await client('secretariat').get(`/meetings/${id}`)).text(),
        /action="\/meetings\/[^"]+\/change"/,
      );
    });

    test('a postponement keeps its history with the reason, raises SEQUENCE and moves DTSTART in the feed', async () => {
      const id = await announce({ ...geneva, title: 'Session to postpone' });
      const uid = (text: string) =>
        [...parseCalendar(text).entries()].find(([u]) => u.includes(id))!;
      const feed = async () =>
        uid(await (await client('anonymous').get('/processes/twg/calendar.ics')).text())[1];
      const before = await feed();
      assert.equal(before.sequence, 0);
      assert.equal(before.status, 'CONFIRMED');
      assert.equal(before.start, '2026-07-06T08:00:00.000Z');
      assert.match(before.url, new RegExp(`/meetings/${id}$`));
      const feedText = await (await client('anonymous').get('/processes/twg/calendar.ics')).text();
      assert.match(feedText, new RegExp(`UID:meeting-${id}@plenum\r\n`));
      assert.match(feedText, /DTSTAMP:\d{8}T\d{6}Z\r\n/);

      const postpone = {
        action: 'postpone',
        startsAt: '2026-09-14T10:00',
        endsAt: '2026-09-18T18:00',
        reason: 'The conference rooms are under renovation.',
      };
      assert.equal((await client('outsider').post(`/meetings/${id}/change`, postpone)).status, 403);
      assert.equal((await feed()).sequence, 0, 'a refused change changes nothing');

      const res = await client('secretariat').post(`/meetings/${id}/change`, postpone);
      assert.equal(res.status, 303);
      const after = await feed();
      assert.equal(after.sequence, 1);
      assert.equal(after.start, '2026-09-14T08:00:00.000Z');
      assert.equal(after.end, '2026-09-18T16:00:00.000Z');
      assert.equal(after.status, 'CONFIRMED');
      assert.match(after.summary, /^POSTPONED: /);
      assert.match(
        await (await client('anonymous').get('/processes/twg/calendar.ics')).text(),
        new RegExp(`UID:meeting-${id}@plenum\r\n`),
        'the UID stays the same, so calendars update the entry',
      );

      const { meeting, changes } = await apiMeeting(id);
      assert.equal(meeting.status, 'postponed');
      assert.deepEqual(
        changes.map((c) => [c.field, c.from, c.to, c.reason]),
        [
          ['status', 'scheduled', 'postponed', postpone.reason],
          [
            'dates',
            '2026-07-06T08:00:00.000Z/2026-07-10T16:00:00.000Z',
            '2026-09-14T08:00:00.000Z/2026-09-18T16:00:00.000Z',
            postpone.reason,
          ],
        ],
      );
      const events = await o.db
        .selectFrom('events')
        .select(['action', 'actor'])
        .where('subject_type', '=', 'meeting')
        .where('subject_id', '=', id)
        .orderBy('at')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        events.map((e) => e.action),
        ['meeting.created', 'meeting.postponed'],
      );
      assert.equal(events[1]!.actor, built.accounts.secretariat.id);
      const page = await (await client('anonymous').get(`/meetings/${id}`)).text();
      assert.match(page, /conference rooms are under renovation/);
      assert.match(page, /postponed/);
      const arabic = await (
        await client('anonymous').get(`/meetings/${id}`, { 'accept-language': 'ar' })
      ).text();
      assert.match(arabic, /<html lang="ar" dir="rtl">/);
      assert.match(arabic, /مؤجل/);
      assert.match(arabic, /سجل التغييرات/);
    });

    test('postponed without new dates is TENTATIVE; moved online changes the format; cancelled is CANCELLED and final', async () => {
      const id = await announce({ ...geneva, title: 'Session with troubles' });
      const event = async () =>
        [
          ...parseCalendar(
            await (await client('anonymous').get('/processes/twg/calendar.ics')).text(),
          ),
        ].find(([u]) => u.includes(id))![1];
      const change = (form: Record<string, string>) =>
        client('secretariat').post(`/meetings/${id}/change`, form);

      assert.equal(
        (
          await change({
            action: 'postpone',
            reason: 'Budget not approved.',
            startsAt: '',
            endsAt: '',
          })
        ).status,
        303,
      );
      let e = await event();
      assert.equal(e.status, 'TENTATIVE');
      assert.equal(e.sequence, 1);
      assert.equal((await apiMeeting(id)).meeting.datesPending, true);
      assert.match(
        await (await client('anonymous').get(`/meetings/${id}`)).text(),
        /new dates are not known yet/,
      );

      // Postponing again without dates changes nothing: refused, sequence unchanged.
      const again = await change({ action: 'postpone', reason: 'Still no budget.' });
      assert.equal(again.status, 400);
      assert.equal((await event()).sequence, 1);

      assert.equal(
        (
          await change({
            action: 'move_online',
            reason: 'Travel restrictions.',
            webcastUrl: 'https://meet.example.org/s',
          })
        ).status,
        303,
      );
      const moved = await apiMeeting(id);
      assert.equal(moved.meeting.status, 'moved_online');
      assert.deepEqual(
        moved.changes.filter((c) => c.reason === 'Travel restrictions.').map((c) => c.field),
        ['status', 'format', 'place', 'webcast'],
      );
      const feedText = await (await client('anonymous').get('/processes/twg/calendar.ics')).text();
      const vevent = feedText.split('BEGIN:VEVENT').find((v) => v.includes(id))!;
      assert.match(
        vevent,
        /LOCATION:https:\/\/meet.example.org\/s\r\n/,
        'online: the link is where',
      );

      assert.equal((await change({ action: 'cancel', reason: 'Mandate ended.' })).status, 303);
      e = await event();
      assert.equal(e.status, 'CANCELLED');
      assert.equal(e.sequence, 3);
      const refused = await change({ action: 'cancel', reason: 'Again.' });
      assert.equal(refused.status, 409);
      assert.match(await refused.text(), /MEETING_CANCELLED/);
    });

    test('bad input is refused with a clear message and stores nothing', async () => {
      const n = await countMeetings();
      const cases: [Record<string, string>, RegExp][] = [
        [{ endsAt: '2026-07-05T10:00' }, /endsAt: the meeting must end after it starts/],
        [{ timeZone: 'Mars/Olympus_Mons' }, /timeZone: Use an IANA time zone name/],
        [{ webcastUrl: 'javascript:alert(1)' }, /webcastUrl: Give the webcast address as an http/],
        [{ startsAt: '2026-02-30T10:00' }, /startsAt: not a real date and time/],
        [{ kind: 'secret' }, /kind: Choose formal or informal/],
        [{ place: '' }, /place: say where people meet/],
        [{ title: '' }, /title: Give the meeting a title/],
      ];
      for (const [change, message] of cases) {
        const res = await client('secretariat').post('/processes/twg/meetings', {
          ...geneva,
          ...change,
        });
        assert.equal(res.status, 400, JSON.stringify(change));
        assert.match(await res.text(), message);
      }
      assert.equal(await countMeetings(), n);

      const id = await announce({ ...geneva, title: 'A meeting to edit badly' });
      const bad = await client('secretariat').post(`/meetings/${id}/change`, {
        action: 'update',
        ...geneva,
        title: 'A meeting to edit badly',
        endsAt: '2026-07-01T10:00',
      });
      assert.equal(bad.status, 400);
      const unchanged = await apiMeeting(id);
      assert.equal(unchanged.meeting.sequence, 0);
      assert.equal(unchanged.changes.length, 0);
      const unknown = await client('secretariat').post(`/meetings/${id}/change`, {
        action: 'explode',
      });
      assert.equal(unknown.status, 400);
      assert.equal((await client('anonymous').get('/meetings/not-an-id')).status, 404);
      assert.equal(
        (await client('anonymous').get('/api/meetings/0190d1a8-0000-7000-8000-000000000000'))
          .status,
        404,
      );
    });

    test('a script in a title renders as text', async () => {
      const id = await announce({
        ...geneva,
        title: '<script>alert("x")</script> Informal briefing',
        place: '<img src=x onerror=alert(1)>',
      });
      for (const path of [`/meetings/${id}`, '/processes/twg/timeline', '/processes/twg']) {
        const body = await (await client('anonymous').get(path)).text();
        assert.doesNotMatch(body, /<script>alert/, path);
        assert.doesNotMatch(body, /<img src=x/, path);
        assert.match(body, /&lt;script&gt;alert/, path);
      }
    });

    test('the timeline shows periods, meetings and documents in date order', async () => {
      await announce({
        ...geneva,
        title: 'Organisational session',
        startsAt: '2026-03-02T10:00',
        endsAt: '2026-03-02T13:00',
      });
      await announce({
        ...geneva,
        title: 'Final session far ahead',
        startsAt: '2040-03-02T10:00',
        endsAt: '2040-03-02T13:00',
      });
      const res = await client('anonymous').get('/processes/twg/timeline');
      assert.equal(res.status, 200);
      const body = await res.text();
      const at = (text: string) => {
        const i = body.indexOf(text);
        assert.ok(i >= 0, `the timeline shows ${text}`);
        return i;
      };
      // The period opens 1 January 2026; the document arrived when the test ran (no date of its own).
      const period = at('Written comments on the zero draft');
      const organisational = at('Organisational session');
      const substantive = at('Substantive session');
      const document = at('Draft report of the test working group');
      const final = at('Final session far ahead');
      assert.ok(period < organisational, 'period before the March meeting');
      assert.ok(organisational < substantive, 'March before July');
      assert.ok(document < final, 'the document before a meeting in 2040');
      assert.ok(substantive < final);

      const processPage = await (await client('anonymous').get('/processes/twg')).text();
      assert.match(processPage, /href="\/processes\/twg\/timeline"/);
      assert.match(processPage, /href="\/processes\/twg\/calendar.ics"/);
      assert.match(processPage, /Upcoming meetings/);
      assert.doesNotMatch(
        processPage,
        /Organisational session/,
        'a meeting that ended is not upcoming',
      );
      assert.match(processPage, /Substantive session/, 'a meeting in July 2026 is upcoming');
    });

    test('the API lists the meetings of a process and is in the OpenAPI document', async () => {
      const res = await client('anonymous').get('/api/processes/twg/meetings');
      assert.equal(res.status, 200);
      const { meetings } = (await res.json()) as { meetings: { startsAt: string }[] };
      assert.ok(meetings.length >= 3);
      const starts = meetings.map((m) => m.startsAt);
      assert.deepEqual(starts, starts.toSorted());
      const openApi = (await (await client('anonymous').get('/api/openapi.json')).json()) as {
        paths: Record<string, unknown>;
      };
      assert.ok(openApi.paths['/api/processes/{process}/meetings']);
      assert.ok(openApi.paths['/api/meetings/{id}']);
      assert.equal((await client('anonymous').get('/api/processes/nope/meetings')).status, 404);
    });

    test('a follower gets a secret calendar of followed processes; a new address replaces the old', async () => {
      const outsider = client('outsider');
      assert.equal(
        (await client('anonymous').post('/processes/twg/follow', { follow: '1' })).status,
        401,
      );
      assert.match(await (await outsider.get('/processes/twg')).text(), /Follow this process/);
      assert.equal((await outsider.post('/processes/twg/follow', { follow: '1' })).status, 303);
      assert.match(await (await outsider.get('/processes/twg')).text(), /Stop following/);

      const made = await outsider.post('/account/calendar', {});
      assert.equal(made.status, 200);
      const page = await made.text();
      const address = /(http[^<\s"]*\/calendar\/([A-Za-z0-9_-]+)\.ics)/.exec(page);
      assert.ok(address, 'the new address is shown');
      const path = new URL(address[1]!).pathname;
      const hashes = await o.db.selectFrom('calendar_addresses').select('secret_hash').execute();
      assert.ok(
        hashes.every((h) => !h.secret_hash.includes(address[2]!)),
        'only a hash is stored',
      );

      const calendar = await client('anonymous').get(path);
      assert.equal(calendar.status, 200);
      assert.match(calendar.headers.get('content-type') ?? '', /^text\/calendar/);
      const events = parseCalendar(await calendar.text());
      const processFeed = parseCalendar(
        await (await client('anonymous').get('/processes/twg/calendar.ics')).text(),
      );
      assert.ok(events.size > 0);
      assert.deepEqual([...events.keys()].toSorted(), [...processFeed.keys()].toSorted());
      assert.match(await (await outsider.get('/account')).text(), /Processes you follow[\s\S]*TWG/);

      const renewed = await (await outsider.post('/account/calendar', {})).text();
      const second = /\/calendar\/([A-Za-z0-9_-]+)\.ics/.exec(renewed)![0];
      assert.notEqual(second, path);
      assert.equal((await client('anonymous').get(path)).status, 404, 'the old address stops');
      assert.equal((await client('anonymous').get(second)).status, 200);

      assert.equal((await outsider.post('/processes/twg/follow', { follow: '0' })).status, 303);
      const empty = parseCalendar(await (await client('anonymous').get(second)).text());
      assert.equal(empty.size, 0, 'unfollowed: no meetings');
      assert.equal(
        (await client('anonymous').get('/calendar/wrong-secret-value-0000000.ics')).status,
        404,
      );
    });
  });
}
