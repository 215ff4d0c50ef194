/** Who may announce and change meetings: the process's secretariat (and admins). Anyone reads them. */
import { holds, requireRole, type Viewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';

/** Only the process's secretariat (or an admin) announces or changes its meetings. */
export function checkCanManageMeetings(
  viewer: Viewer | null,
  processId: string,
): asserts viewer is Viewer {
  requireRole(
    viewer,
    'secretariat',
    processId,
    'Only the secretariat of this process announces or changes its meetings.',
  );
}

/** True when the viewer may announce and change the process's meetings (to show the forms). */
export function canManageMeetings(viewer: Viewer | null, processId: string): boolean {
  return holds(viewer, 'secretariat', processId);
}

/** A personal calendar (the processes followed, its secret address) is the signed-in reader's own. */
export function checkHasCalendar(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
}
