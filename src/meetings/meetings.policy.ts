/** Who may announce and change meetings: the process's secretariat (and admins). Anyone reads them. */
import { holds, requireRole, type Viewer } from '../accounts/accounts.schema.ts';

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
