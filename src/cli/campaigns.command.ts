/** plenum campaigns regroup --period ID: group a period's submissions into campaigns again. */
import { operatorViewer } from '../accounts/accounts.schema.ts';
import { getCampaigns, regroupPeriod } from '../campaigns/campaigns.service.ts';
import { getPeriodContext } from '../consultations/consultations.service.ts';
import { inWriteTransaction } from '../db/database.ts';
import { openCliDatabase, parseFlags, UsageError } from './output.ts';

/** Usage of plenum campaigns. */
export const campaignsUsage = `plenum campaigns regroup --period ID [--json] [--db URL|PATH]

Groups every submission of a comment period into campaigns again, from their texts, in the order
they were received: near-duplicates (mail-merge variants, reordered sentences, small edits) in one
language are one campaign. The campaigns follower does this as submissions arrive; a regroup is
for after a change of the rule, or to be sure. It runs in one transaction: readers see the old
grouping until it commits. --json prints the counts.`;

/** Runs plenum campaigns; returns the exit code. */
export async function campaignsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    period: { type: 'string' },
    json: { type: 'boolean', default: false },
    db: { type: 'string' },
  });
  if (positionals[0] !== 'regroup' || positionals.length !== 1)
    throw new UsageError('usage: plenum campaigns regroup --period ID');
  if (!values.period) throw new UsageError('--period is required: the comment period id');
  const opened = await openCliDatabase(values.db);
  try {
    const now = new Date();
    const { period } = await getPeriodContext(
      opened.db,
      operatorViewer,
      values.period.toLowerCase(),
      now,
    );
    const started = performance.now();
    const submissions = await inWriteTransaction(opened.db, opened.engine, (trx) =>
      regroupPeriod(trx, period.id, now),
    );
    const seconds = (performance.now() - started) / 1000;
    const campaigns = await getCampaigns(opened.db, operatorViewer, period.id, now);
    const counts = {
      periodId: period.id,
      submissions,
      campaigns: campaigns.length,
      inCampaigns: campaigns.reduce((sum, c) => sum + c.submissions, 0),
      seconds: Number(seconds.toFixed(2)),
    };
    if (values.json) process.stdout.write(`${JSON.stringify(counts)}\n`);
    else
      process.stdout.write(
        `regrouped ${submissions} submissions of period ${period.id} in ${counts.seconds} s: ${counts.campaigns} campaigns of two published submissions or more, holding ${counts.inCampaigns}\n`,
      );
    return 0;
  } finally {
    await opened.close();
  }
}
