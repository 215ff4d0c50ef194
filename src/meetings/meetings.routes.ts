/** Routes of meetings: pages, the secretariat's forms, timelines, follows, iCalendar feeds and the JSON API. */
import { siteBase } from '../site-base.ts';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { checkForm } from '../accounts/accounts.middleware.ts';
import { isId } from '../db/ids.ts';
import { PlenumError } from '../errors.ts';
import { requireProcess } from '../processes/processes.service.ts';
import type { ApiRegistry } from '../api/api-registry.ts';
import {
  decodeKeyCursor,
  nextCursorOf,
  nextCursorSchema,
  pageQuery,
  textAndIdKey,
} from '../api/cursor.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { meetingsCalendar } from './meetings.calendar.ts';
import { canManageMeetings, checkCanManageMeetings } from './meetings.policy.ts';
import {
  meetingChangeInputSchema,
  meetingChangeSchema,
  meetingDetailsSchema,
  meetingSchema,
} from './meetings.schema.ts';
import {
  changeMeeting,
  createMeeting,
  getFollowedCalendar,
  getMeeting,
  getMeetingsOfProcess,
  getMeetingsOfProcessPage,
  getTimeline,
  setFollow,
} from './meetings.service.ts';
import { meetingHref, meetingPage, newMeetingPage, timelinePage } from './meetings.views.ts';

/** The meeting an address names, or MEETING_NOT_FOUND (also for ids that are not UUIDs). */
function meetingId(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!isId(id)) throw new PlenumError('MEETING_NOT_FOUND');
  return id.toLowerCase();
}

const calendarHeaders = { 'content-type': 'text/calendar; charset=utf-8' };

/** Mounts the meeting pages and feeds and registers their API routes. */
export function meetingRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/processes/:process/meetings/new', async (c) => {
    const process = await requireProcess(c.var.deps.db, c.req.param('process'));
    checkCanManageMeetings(c.var.viewer, process.id);
    return c.html(newMeetingPage(c.var.page, process));
  });

  app.post('/processes/:process/meetings', async (c) => {
    const body = await checkForm(c);
    const { db } = c.var.deps;
    const process = await requireProcess(db, c.req.param('process'));
    const meeting = await db
      .transaction()
      .execute((trx) => createMeeting(trx, c.var.viewer, process.id, body, clockOf(c.var.deps)));
    return c.redirect(meetingHref(meeting), 303);
  });

  app.get('/meetings/:id', async (c) => {
    const context = await getMeeting(c.var.deps.db, meetingId(c));
    return c.html(
      meetingPage(c.var.page, context, {
        canManage: canManageMeetings(c.var.viewer, context.process.id),
      }),
    );
  });

  app.post('/meetings/:id/change', async (c) => {
    const body = await checkForm(c);
    const id = meetingId(c);
    await c.var.deps.db
      .transaction()
      .execute((trx) => changeMeeting(trx, c.var.viewer, id, body, clockOf(c.var.deps)));
    return c.redirect(`/meetings/${id}`, 303);
  });

  app.get('/processes/:process/timeline', async (c) => {
    const { db } = c.var.deps;
    const process = await requireProcess(db, c.req.param('process'));
    const entries = await getTimeline(db, c.var.viewer, process, clockOf(c.var.deps));
    return c.html(timelinePage(c.var.page, process, entries));
  });

  app.get('/processes/:process/calendar.ics', async (c) => {
    const { db } = c.var.deps;
    const process = await requireProcess(db, c.req.param('process'));
    const ics = meetingsCalendar({
      name: `${process.shortName ?? process.name}: meetings · plenum`,
      base: siteBase(c),
      meetings: await getMeetingsOfProcess(db, process.id),
      processes: new Map([[process.id, process]]),
    });
    return c.body(ics, 200, calendarHeaders);
  });

  app.post('/processes/:process/follow', async (c) => {
    const body = await checkForm(c);
    const { db } = c.var.deps;
    const process = await requireProcess(db, c.req.param('process'));
    const follow = body.follow !== '0';
    await db
      .transaction()
      .execute((trx) => setFollow(trx, c.var.viewer, process.id, follow, clockOf(c.var.deps)));
    return c.redirect(`/processes/${process.slug}`, 303);
  });

  // Calendar applications send no cookie: the secret in the address says whose calendar it is.
  app.get('/calendar/:file', async (c) => {
    const file = c.req.param('file');
    if (!file.endsWith('.ics')) throw new PlenumError('NOT_FOUND');
    const { meetings, processes } = await getFollowedCalendar(c.var.deps.db, file.slice(0, -4));
    const ics = meetingsCalendar({
      name: 'Meetings of the processes I follow · plenum',
      base: siteBase(c),
      meetings,
      processes,
    });
    return c.body(ics, 200, { ...calendarHeaders, 'cache-control': 'private, no-store' });
  });

  const processRef = z.object({
    process: z.string().min(1).max(200).describe('Process id, slug or alias'),
  });
  const meetingRef = z.object({
    id: z.uuid({ message: 'meeting ids are UUIDs' }).describe('Meeting id'),
  });

  api.post({
    path: '/api/processes/:process/meetings',
    summary: 'Announce a meeting of a process (the secretariat); times are wall-clock in the zone',
    tag: 'meetings',
    scope: 'secretariat',
    status: 201,
    params: processRef,
    body: meetingDetailsSchema.meta({ id: 'NewMeeting' }),
    response: meetingSchema,
    errors: ['PROCESS_NOT_FOUND', 'FORBIDDEN'],
    // The service reads the body as sent: its schema makes empty fields null, which it would refuse again.
    handler: async (c, { params, sent }) => {
      const { db } = c.var.deps;
      const process = await requireProcess(db, params.process);
      return db
        .transaction()
        .execute((trx) => createMeeting(trx, c.var.viewer, process.id, sent, clockOf(c.var.deps)));
    },
  });

  api.post({
    path: '/api/meetings/:id/change',
    summary:
      'Change a meeting (the secretariat): new details, postpone, move online or cancel, with the reason',
    tag: 'meetings',
    scope: 'secretariat',
    params: meetingRef,
    body: meetingChangeInputSchema.meta({ id: 'MeetingChangeRequest' }),
    response: meetingSchema,
    errors: ['MEETING_NOT_FOUND', 'FORBIDDEN', 'MEETING_CANCELLED', 'MEETING_CHANGED'],
    handler: async (c, { params, sent }) =>
      c.var.deps.db
        .transaction()
        .execute((trx) =>
          changeMeeting(trx, c.var.viewer, params.id.toLowerCase(), sent, clockOf(c.var.deps)),
        ),
  });

  api.post({
    path: '/api/processes/:process/follow',
    summary:
      'Follow a process (its meetings join your calendar), or stop following it with `follow: false`',
    tag: 'meetings',
    scope: 'submit',
    params: processRef,
    body: z.object({ follow: z.boolean().default(true) }).meta({ id: 'Follow' }),
    response: z.object({ process: z.string(), following: z.boolean() }),
    errors: ['PROCESS_NOT_FOUND', 'SIGN_IN_REQUIRED'],
    handler: async (c, { params, body }) => {
      const { db } = c.var.deps;
      const process = await requireProcess(db, params.process);
      await db
        .transaction()
        .execute((trx) =>
          setFollow(trx, c.var.viewer, process.id, body.follow, clockOf(c.var.deps)),
        );
      return { process: process.slug, following: body.follow };
    },
  });

  api.get({
    path: '/api/processes/:process/meetings',
    summary: 'The meetings of a process, earliest first (by start, then id), a page at a time',
    tag: 'meetings',
    params: z.object({ process: z.string().min(1).max(200).describe('Process id, slug or alias') }),
    query: pageQuery,
    response: z.object({ meetings: z.array(meetingSchema), nextCursor: nextCursorSchema }),
    errors: ['PROCESS_NOT_FOUND'],
    handler: async (c, { params, query }) => {
      const process = await requireProcess(c.var.deps.db, params.process);
      const page = await getMeetingsOfProcessPage(c.var.deps.db, process.id, {
        after: decodeKeyCursor(query.cursor, textAndIdKey),
        limit: query.limit,
      });
      return { meetings: page.items, nextCursor: nextCursorOf(page) };
    },
  });

  api.get({
    path: '/api/meetings/:id',
    summary: 'A meeting with its process and the history of its changes, oldest first',
    tag: 'meetings',
    params: z.object({ id: z.uuid({ message: 'meeting ids are UUIDs' }).describe('Meeting id') }),
    response: z.object({
      meeting: meetingSchema,
      process: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
      changes: z.array(meetingChangeSchema),
    }),
    errors: ['MEETING_NOT_FOUND'],
    handler: async (c, { params }) => {
      const { meeting, process, changes } = await getMeeting(
        c.var.deps.db,
        params.id.toLowerCase(),
      );
      return {
        meeting,
        process: { id: process.id, slug: process.slug, name: process.name },
        changes,
      };
    },
  });
}
