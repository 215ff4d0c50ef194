/** Who may see the outbox: administrators (operators). */
import type { Viewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';

/** Refuses a viewer who is not an administrator. */
export function checkCanSeeOutbox(viewer: Viewer | null): void {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  if (!viewer.isAdmin) throw new PlenumError('FORBIDDEN');
}
