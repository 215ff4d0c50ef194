/** Who may change an account: only its holder, signed in. */
import { PlenumError } from '../errors.ts';
import type { Viewer } from './accounts.schema.ts';

/** A password, a token or a calendar address is changed only by the signed-in holder of the account. */
export function checkSignedIn(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
}
