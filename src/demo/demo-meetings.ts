/**
 * The demo's meetings: sessions and informal meetings of two real processes, dated around the day
 * the demo is loaded, with one postponement and one move online so the history, the timeline and
 * the calendar feeds have something to show. They are illustrative: every title says so, and no
 * reason given for a change is attributed to a real State, body or organisation.
 */
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { findAccountByEmail } from '../accounts/accounts.store.ts';
import { utcToZonedTime } from '../consultations/time-zones.ts';
import type { Db } from '../db/database.ts';
import { changeMeeting, createMeeting } from '../meetings/meetings.service.ts';
import { findProcess } from '../processes/processes.store.ts';

const day = 86_400_000;

/** Adds the demo meetings; the processes and the demo accounts must be loaded first. Returns how many it made. */
export async function loadDemoMeetings(db: Db, now = new Date()): Promise<number> {
  const oewg = await findProcess(db, { slug: 'oewg' });
  const ahc = await findProcess(db, { slug: 'ad-hoc-committee-cybercrime' });
  if (!oewg || !ahc) throw new Error('the demo processes must be loaded first');
  const officer = await findAccountByEmail(db, 'secretariat@demo.plenum.example');
  const secretariat: Viewer = officer
    ? {
        id: officer.id,
        email: officer.email,
        name: officer.name,
        isAdmin: false,
        grants: [{ role: 'secretariat', scopeId: oewg.id }],
        via: 'session',
      }
    : operatorViewer;
  const admin = await findAccountByEmail(db, 'admin@demo.plenum.example');
  const administrator: Viewer = admin
    ? {
        id: admin.id,
        email: admin.email,
        name: admin.name,
        isAdmin: true,
        grants: [],
        via: 'session',
      }
    : operatorViewer;

  /** A wall-clock time `days` from now at `hour`:00 in the zone. */
  const at = (days: number, hour: number, zone: string): string =>
    `${utcToZonedTime(new Date(now.getTime() + days * day), zone).slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
  const ago = (days: number) => new Date(now.getTime() - days * day);
  const ny = 'America/New_York';
  const vienna = 'Europe/Vienna';

  await createMeeting(
    db,
    secretariat,
    oewg.id,
    {
      title: 'Organisational session (illustrative demo meeting)',
      kind: 'formal',
      format: 'in_person',
      place: 'New York, United Nations Headquarters',
      startsAt: at(-40, 10, ny),
      endsAt: at(-40, 13, ny),
      timeZone: ny,
    },
    ago(70),
  );

  const informal = await createMeeting(
    db,
    secretariat,
    oewg.id,
    {
      title: 'Informal dialogue with stakeholders (illustrative demo meeting)',
      kind: 'informal',
      format: 'hybrid',
      place: 'New York, United Nations Headquarters',
      startsAt: at(12, 10, ny),
      endsAt: at(12, 13, ny),
      timeZone: ny,
      webcastUrl: 'https://webcast.example.org/oewg-informal-dialogue',
    },
    ago(30),
  );
  await changeMeeting(
    db,
    secretariat,
    informal.id,
    {
      action: 'move_online',
      reason: 'Demo: moved online to show how a change is recorded (no real meeting was moved).',
      webcastUrl: 'https://meet.example.org/oewg-informal-dialogue',
    },
    ago(5),
  );

  const session = await createMeeting(
    db,
    secretariat,
    oewg.id,
    {
      title: 'Substantive session (illustrative demo meeting)',
      session: 'Second substantive session',
      kind: 'formal',
      format: 'in_person',
      place: 'New York, United Nations Headquarters, Conference Room 4',
      startsAt: at(30, 10, ny),
      endsAt: at(34, 18, ny),
      timeZone: ny,
      webcastUrl: 'https://webcast.example.org/oewg-second-session',
    },
    ago(45),
  );
  await changeMeeting(
    db,
    secretariat,
    session.id,
    {
      action: 'postpone',
      startsAt: at(58, 10, ny),
      endsAt: at(62, 18, ny),
      reason:
        'Demo: postponed by four weeks to show how a postponement is recorded and reaches calendars (no real session was postponed).',
    },
    ago(3),
  );

  await createMeeting(
    db,
    administrator,
    ahc.id,
    {
      title: 'Informal briefing on the draft text (illustrative demo meeting)',
      kind: 'informal',
      format: 'virtual',
      startsAt: at(20, 14, vienna),
      endsAt: at(20, 16, vienna),
      timeZone: vienna,
      webcastUrl: 'https://meet.example.org/ahc-briefing',
    },
    ago(10),
  );
  await createMeeting(
    db,
    administrator,
    ahc.id,
    {
      title: 'Formal session (illustrative demo meeting)',
      session: 'Concluding session',
      kind: 'formal',
      format: 'hybrid',
      place: 'Vienna, Vienna International Centre',
      startsAt: at(75, 10, vienna),
      endsAt: at(86, 18, vienna),
      timeZone: vienna,
      webcastUrl: 'https://webcast.example.org/ahc-concluding-session',
    },
    ago(10),
  );
  return 5;
}
