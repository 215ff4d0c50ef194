/** Who runs a process: its secretariat opens comment periods and publishes versions. */
import { holds, requireRole, type Viewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';

/** True when the viewer is the process's secretariat (or an admin). */
export function canActAsSecretariat(viewer: Viewer | null, processId: string): boolean {
  return holds(viewer, 'secretariat', processId);
}

/** Only the process's secretariat (or an admin) enters translations of its texts. */
export function checkCanTranslate(
  viewer: Viewer | null,
  processId: string,
): asserts viewer is Viewer {
  requireRole(
    viewer,
    'secretariat',
    processId,
    'Only the secretariat of this process enters translations of its texts.',
  );
}

/**
 * Only an administrator (or the operator at the command line) makes a process: before it exists
 * there is no secretariat of it to hold the role.
 */
export function checkCanCreateProcess(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  if (!viewer.isAdmin) throw new PlenumError('FORBIDDEN', 'Only an administrator makes a process.');
}
