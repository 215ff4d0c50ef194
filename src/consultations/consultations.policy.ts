/** Who may open and extend comment periods, moderate, and read versions not yet public. */
import { isProcessStaff, requireRole, type Viewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';

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
