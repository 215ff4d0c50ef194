/** Who may keep watches and see one: a watch is its owner's alone. */
import type { Viewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';
import type { Watch } from './watches.schema.ts';

/** Only a signed-in reader keeps watches. */
export function checkCanWatch(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
}

/** The viewer's own watch, or WATCH_NOT_FOUND: another's watch is not found either, so it does not leak. */
export function checkOwnsWatch(viewer: Viewer, watch: Watch | undefined): asserts watch is Watch {
  if (!watch || watch.accountId !== viewer.id) throw new PlenumError('WATCH_NOT_FOUND');
}
