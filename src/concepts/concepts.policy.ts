/** Who may edit the taxonomy: administrators; everyone may read it. */
import type { Viewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';

/** True when the viewer may add concepts and terms. */
export function canEditConcepts(viewer: Viewer | null): boolean {
  return viewer?.isAdmin === true;
}

/** Refuses a viewer who may not edit the taxonomy. */
export function checkCanEditConcepts(viewer: Viewer | null): void {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  if (!canEditConcepts(viewer)) throw new PlenumError('FORBIDDEN');
}
