/**
 * Deadline straddle: API submissions sent without pause across the close of comment periods set in
 * several time zones (closing times given as wall-clock seconds in each zone), through the
 * submission intake and through the app. None may be accepted after the close and none refused
 * while open, judged by the server's clock (the receipt's time) and by when each request was
 * sent and answered on the same machine.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { operatorViewer } from '../../src/accounts/accounts.schema.ts';
import { createApiToken } from '../../src/accounts/accounts.service.ts';
import {
  buildConsultation,
  representativeViewer,
} from '../../src/consultations/consultation.builder.ts';
import { openCommentPeriod } from '../../src/consultations/consultations.service.ts';
import { openTestDatabase } from '../../src/db/test-databases.ts';
import { createHttpServer, listen } from '../../src/http-server.ts';
import { noLimits } from '../../src/limits/limits.ts';
import { reliabilityEngines } from './support.ts';

/** Zones with whole, half and three-quarter hour offsets, east and west of UTC. */
const zones = ['Pacific/Chatham', 'Asia/Kolkata', 'America/St_Johns'];
/** Clients sending to each period at once. */
const clientsPerPeriod = 5;

/** The wall-clock time of an instant in a zone, to the second (YYYY-MM-DDTHH:MM:SS). */
function wallClock(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}

interface Outcome {
  zone: string;
  sentAt: number;
  answeredAt: number;
  status: number;
  code?: string;
  receivedAt?: string;
  submissionId?: string;
}

for (const engine of reliabilityEngines()) {
  describe(`deadline straddle (${engine})`, () => {
    test('no submission accepted after the close, none refused while open, in three time zones', async () => {
      const opened = await openTestDatabase(engine);
      // The close is what is tested, not the quota: one account sends hundreds in a few seconds.
      const { server, deps } = await createHttpServer({
        db: opened.db,
        engine,
        limitSettings: noLimits,
      });
      try {
        const built = await buildConsultation(opened.db, { now: new Date() });
        const token = await createApiToken(
          opened.db,
          representativeViewer(built, 'civil', 'session'),
          'straddle',
        );
        const port = await listen(server, 0, '127.0.0.1');
        // Each zone's period closes on a whole second, one after the other, far enough ahead that
        // opening the periods on a loaded machine does not eat the time before the first close.
        const first = Math.ceil((Date.now() + 6000) / 1000) * 1000;
        const periods: { zone: string; id: string; closes: number }[] = [];
        for (const [i, zone] of zones.entries()) {
          const closes = new Date(first + i * 1000);
          const period = await openCommentPeriod(
            opened.db,
            operatorViewer,
            built.process.id,
            {
              versionId: built.versionId,
              title: `Straddle in ${zone}`,
              opensAt: wallClock(new Date(Date.now() - 3_600_000), zone),
              closesAt: wallClock(closes, zone),
              timeZone: zone,
              moderation: 'immediate',
            },
            new Date(),
          );
          assert.equal(period.closesAt, closes.toISOString(), `${zone}: the close as intended`);
          periods.push({ zone, id: period.id, closes: closes.getTime() });
        }

        const outcomes: Outcome[] = [];
        let n = 0;
        const client = async (period: (typeof periods)[number], viaApp: boolean) => {
          // Send until a second after the close, so that both sides of it are covered.
          while (Date.now() < period.closes + 1000) {
            const sentAt = Date.now();
            const res = await fetch(
              `http://127.0.0.1:${port}/api/consultations/${period.id}/submissions${viaApp ? '?via=app' : ''}`,
              {
                method: 'POST',
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                body: JSON.stringify({
                  organisationId: built.organisations.civil.id,
                  body: `Straddle comment ${n++} on the draft, sent close to the deadline.`,
                }),
              },
            );
            const json = (await res.json()) as {
              receivedAt?: string;
              submissionId?: string;
              error?: { code: string };
            };
            outcomes.push({
              zone: period.zone,
              sentAt,
              answeredAt: Date.now(),
              status: res.status,
              ...(json.error ? { code: json.error.code } : {}),
              ...(json.receivedAt ? { receivedAt: json.receivedAt } : {}),
              ...(json.submissionId ? { submissionId: json.submissionId } : {}),
            });
          }
        };
        await Promise.all(
          periods.flatMap((period) =>
            Array.from({ length: clientsPerPeriod }, (_, i) => client(period, i % 2 === 1)),
          ),
        );

        const problems: string[] = [];
        for (const o of outcomes) {
          const closes = periods.find((p) => p.zone === o.zone)!.closes;
          if (o.status === 201) {
            if (o.sentAt >= closes || Date.parse(o.receivedAt!) >= closes)
              problems.push(`accepted after the close: ${JSON.stringify(o)}`);
          } else if (o.code === 'PERIOD_CLOSED') {
            if (o.answeredAt < closes) problems.push(`refused while open: ${JSON.stringify(o)}`);
          } else problems.push(`unexpected answer: ${JSON.stringify(o)}`);
        }
        assert.deepEqual(problems.slice(0, 10), []);
        const accepted = outcomes.filter((o) => o.status === 201);
        const rows = await opened.db
          .selectFrom('submissions')
          .select(['id', 'received_at'])
          .where(
            'period_id',
            'in',
            periods.map((p) => p.id),
          )
          .execute();
        assert.deepEqual(
          rows.map((r) => r.id).sort(),
          accepted.map((o) => o.submissionId).sort(),
          'every receipt is a stored row, and nothing else was stored',
        );
        for (const period of periods) {
          const mine = outcomes.filter((o) => o.zone === period.zone);
          assert.ok(mine.some((o) => o.status === 201) && mine.some((o) => o.status === 409));
        }
        console.log(
          `deadline straddle (${engine}): ${outcomes.length} requests across ${zones.length} closes (${zones.join(', ')}): ${accepted.length} accepted before the close, ${outcomes.length - accepted.length} refused after it`,
        );
      } finally {
        await new Promise((resolve) => server.close(resolve));
        await deps.followers.stop();
        await opened.close();
      }
    });
  });
}
