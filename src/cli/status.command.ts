/** plenum status: how far each follower of the event log is, and what it fails on. */
import { followerStatus, type FollowerStatus } from '../events/followers.service.ts';
import { openCliDatabase, parseFlags } from './output.ts';

/** Usage of plenum status. */
export const statusUsage = `plenum status [--db URL|PATH] [--json]

Shows each follower of the event log (search, concepts, watches): the last event it handled,
how many events and seconds it is behind, and the event it fails on with its error (it retries
that event with a growing delay and never skips it). Exits with 1 when a follower is failing.`;

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
    process.stdout.write(
      values.json ? `${JSON.stringify({ followers: statuses }, null, 2)}\n` : statusText(statuses),
    );
    return statuses.some((s) => s.failing) ? 1 : 0;
  } finally {
    await opened.close();
  }
}
