/**
 * The mail follower: turns events into messages in the outbox, in the transaction that moves its
 * cursor, so a message is written exactly once per event; the features that log the events know
 * nothing of e-mail. Which event becomes which message is in notifications.service.ts.
 */
import type { Db } from '../db/database.ts';
import type { Follower } from '../events/followers.ts';
import type { LoggedEvent } from '../events/followers.store.ts';
import {
  mailResetLink,
  mailRoundReminder,
  mailSubmissionNotice,
  mailVerificationLink,
} from './notifications.service.ts';

type Reaction = (db: Db, event: LoggedEvent, now: Date) => Promise<void>;

/** Each event plenum writes mail for, and the reaction. */
const reactions: Record<string, Reaction> = {
  'account.created': (db, event, now) =>
    event.data.verified === false ? mailVerificationLink(db, event, now) : Promise.resolve(),
  'account.verification_requested': mailVerificationLink,
  'account.password_reset_requested': mailResetLink,
  'submission.received': (db, event, now) =>
    event.data.status === 'awaiting_cosigners'
      ? mailSubmissionNotice(db, event, now)
      : Promise.resolve(),
  'submission.cosigned': mailSubmissionNotice,
  'submission.cosign_declined': mailSubmissionNotice,
  'submission.published': mailSubmissionNotice,
  'submission.rejected': mailSubmissionNotice,
  'registry.round_reminded': mailRoundReminder,
};

/** Writes the messages events call for. */
export const mailFollower: Follower = {
  name: 'mail',
  wants: (event: LoggedEvent) => Object.hasOwn(reactions, event.action),
  async handle(db: Db, events: LoggedEvent[], now: Date): Promise<void> {
    for (const event of events) await reactions[event.action]!(db, event, now);
  },
};
