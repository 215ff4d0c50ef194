/** Who runs a process: its secretariat opens comment periods and publishes versions. */
import { holds, requireRole, type Viewer } from '../accounts/accounts.schema.ts';

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
