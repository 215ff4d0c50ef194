/** Who may do what with organisations. */
import { holds, type Viewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';

/** Anyone signed in may register an organisation (it starts unverified). */
export function checkCanRegisterOrganisation(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
}

/** Only an admin or a secretariat (of any process) verifies organisations. */
export function checkCanVerify(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  if (!viewer.isAdmin && !viewer.grants.some((g) => g.role === 'secretariat')) {
    throw new PlenumError('FORBIDDEN', 'Only a secretariat verifies organisations.');
  }
}

/** A representative of the organisation (or an admin) may add another representative. */
export function checkCanAddRepresentative(
  viewer: Viewer | null,
  organisationId: string,
): asserts viewer is Viewer {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  if (!holds(viewer, 'representative', organisationId)) {
    throw new PlenumError(
      'FORBIDDEN',
      'Only a representative of this organisation can add another.',
    );
  }
}

/** True when the viewer may act for the organisation (submit, co-sign). */
export function representsOrganisation(viewer: Viewer | null, organisationId: string): boolean {
  return holds(viewer, 'representative', organisationId);
}
