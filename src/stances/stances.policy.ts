/** Who may do what with stances: any signed-in account records; its recorder or an admin removes. */
import type { Viewer } from '../accounts/accounts.schema.ts';

/** True when the viewer may remove this stance: whoever recorded it, or an administrator. */
export function canRemoveStance(viewer: Viewer | null, stance: { recordedBy: string }): boolean {
  return viewer !== null && (viewer.isAdmin || viewer.id === stance.recordedBy);
}
