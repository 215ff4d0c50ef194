/** Who may do what with stances: any signed-in account records; its recorder or an admin removes. */
import type { Viewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';

/** True when the viewer may remove this stance: whoever recorded it, or an administrator. */
export function canRemoveStance(viewer: Viewer | null, stance: { recordedBy: string }): boolean {
  return viewer !== null && (viewer.isAdmin || viewer.id === stance.recordedBy);
}

/** Any signed-in account records stances (and only a signed-in one removes one). */
export function checkCanRecordStances(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
}

/** Only whoever recorded the stance, or an administrator, removes it. */
export function checkCanRemoveStance(viewer: Viewer, stance: { recordedBy: string }): void {
  if (!canRemoveStance(viewer, stance)) throw new PlenumError('FORBIDDEN');
}
