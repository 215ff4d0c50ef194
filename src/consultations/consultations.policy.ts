/** Who may open and extend comment periods, moderate, and read versions not yet public. */
import { isProcessStaff, requireRole, type Viewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';
import type { CommentPeriod, PeriodState } from './consultations.schema.ts';

/** Only the process's secretariat (or an admin) opens or extends a comment period. */
export function checkCanManagePeriods(
  viewer: Viewer | null,
  processId: string,
): asserts viewer is Viewer {
  requireRole(
    viewer,
    'secretariat',
    processId,
    'Only the secretariat of this process opens or extends comment periods.',
  );
}

/**
 * Why the period takes no submission now, by the server's clock: not open yet, or closed (an
 * extended period is open); undefined while it takes them.
 */
export function periodRefusal(period: {
  state: PeriodState;
}): 'PERIOD_NOT_OPEN_YET' | 'PERIOD_CLOSED' | undefined {
  if (period.state === 'scheduled') return 'PERIOD_NOT_OPEN_YET';
  if (period.state === 'closed') return 'PERIOD_CLOSED';
  return undefined;
}

/** Who a submission speaks for: an organisation (verified or not), a person by name, or anonymously. */
export type SubmitterVoice =
  { kind: 'organisation'; verified: boolean } | { kind: 'individual' } | { kind: 'anonymous' };

/**
 * Why the period takes no submission from this voice, as its rules say (who may submit, whether
 * individuals' names are published): a sentence for SUBMITTER_NOT_ACCEPTED; undefined when it
 * takes it. The submission service and the submission form alike ask this.
 */
export function submitterRefusal(
  period: Pick<CommentPeriod, 'submitters' | 'individualNames'>,
  voice: SubmitterVoice,
): string | undefined {
  if (voice.kind === 'organisation') {
    if (period.submitters === 'verified_organisations' && !voice.verified)
      return 'This period takes submissions from verified organisations only: ask the secretariat to verify yours.';
    return undefined;
  }
  if (period.submitters !== 'individuals')
    return 'This period takes submissions from organisations only: submit on behalf of one you represent.';
  if (voice.kind === 'anonymous' && period.individualNames === 'published')
    return "This period publishes individuals' names: submit in your own name.";
  if (voice.kind === 'individual' && period.individualNames === 'withheld')
    return "This period publishes no individual's name: submit anonymously.";
  return undefined;
}

/** The ways a person may submit for themselves in the period: in their name, anonymously, or neither. */
export function individualChoices(
  period: Pick<CommentPeriod, 'submitters' | 'individualNames'>,
): ('myself' | 'anonymous')[] {
  return (['myself', 'anonymous'] as const).filter(
    (kind) =>
      submitterRefusal(period, { kind: kind === 'myself' ? 'individual' : 'anonymous' }) ===
      undefined,
  );
}

/** True when the viewer moderates the process (its moderators and its secretariat). */
export function canModerate(viewer: Viewer | null, processId: string): boolean {
  return isProcessStaff(viewer, processId);
}

/** Only the process's moderators and secretariat moderate its submissions. */
export function checkCanModerate(
  viewer: Viewer | null,
  processId: string,
): asserts viewer is Viewer {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  if (!canModerate(viewer, processId)) {
    throw new PlenumError(
      'FORBIDDEN',
      'Only the moderators and secretariat of this process moderate its submissions.',
    );
  }
}
