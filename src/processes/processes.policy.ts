/** Who runs a process: its secretariat opens comment periods and publishes versions. */
import { holds, type Viewer } from '../accounts/accounts.schema.ts';

/** True when the viewer is the process's secretariat (or an admin). */
export function canActAsSecretariat(viewer: Viewer | null, processId: string): boolean {
  return holds(viewer, 'secretariat', processId);
}
