/** Who may open and extend comment periods, moderate, and read versions not yet public. */
import { isProcessStaff, requireRole, type Viewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';
import type { PeriodState } from './consultations.schema.ts';

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
