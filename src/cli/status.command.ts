/** plenum status: how far each follower of the event log is, and what it fails on. */
import { loadConfig } from '../config.ts';
import { followerStatus, type FollowerStatus } from '../events/followers.service.ts';
import { outboxStatus, type OutboxStatus } from '../notifications/notifications.service.ts';
import { openCliDatabase, parseFlags } from './output.ts';

/** Usage of plenum status. */
export const statusUsage = `plenum status [--db URL|PATH] [--json]

Shows each follower of the event log (search, concepts, watches): the last event it handled,
how many events and seconds it is behind, and the event it fails on with its error (it retries
that event with a growing delay and never skips it); then the e-mail outbox: whether an SMTP
server is configured, the messages by state, and those given up. Exits with 1 when a follower is
failing or a message was given up.`;

/** The outbox as lines for a person. */
export function mailText(status: OutboxStatus): string {
  const how = {
    smtp: 'an SMTP server is configured',
    development: 'development: no SMTP server, messages are shown on /dev/mail',
    none: 'NO SMTP SERVER IS CONFIGURED: no e-mail is sent (set PLENUM_SMTP_HOST)',
  }[status.mode];
  const c = status.counts;
  const lines = [
    `mail: ${how}; ${c.pending} waiting, ${c.sending} being sent, ${c.sent} sent, ${c.failed} given up`,
    ...status.failed.map(
      (f) =>
        `  GIVEN UP ${f.kind} to ${f.recipient} after ${f.attempts} attempt(s): ${f.lastError ?? ''}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** The status as lines for a person. */
export function statusText(statuses: FollowerStatus[]): string {
  if (statuses.length === 0) return 'No follower has started yet.\n';
  return statuses
    .map((s) => {
      const lines = [
        `${s.name}: at event ${s.seq}, ${s.lagEvents} event(s) behind (${s.lagSeconds} s); moved ${s.updatedAt}`,
      ];
      if (s.failing) {
        const what = s.failing.action ? ` (${s.failing.action} on ${s.failing.subject})` : '';
        lines.push(
          `  FAILING on event ${s.failing.seq}${what} since ${s.failing.since}, ${s.failing.attempts} attempt(s), next at ${s.failing.retryAt}: ${s.failing.error}`,
        );
      }
      return `${lines.join('\n')}\n`;
    })
    .join('');
}

/** Runs plenum status; returns the exit code (1 when a follower is failing). */
export async function statusCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const opened = await openCliDatabase(values.db);
  try {
    const statuses = await followerStatus(opened.db);
    const config = loadConfig();
    const mail = await outboxStatus(
      opened.db,
      config.smtp ? 'smtp' : config.mailDevelopment ? 'development' : 'none',
    );
    process.stdout.write(
      values.json
        ? `${JSON.stringify({ followers: statuses, mail }, null, 2)}\n`
        : statusText(statuses) + mailText(mail),
    );
    return statuses.some((s) => s.failing) || mail.failed.length > 0 ? 1 : 0;
  } finally {
    await opened.close();
  }
}
