/** Who may do what with organisations. */
import { holds, requireRole, type Viewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';

/** Anyone signed in may register an organisation (it starts unverified). */
export function checkCanRegisterOrganisation(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
}

/**
 * Only an admin or a secretariat (of any process) verifies organisations and their
 * representatives, and revokes a verification. Verification is a fact about the organisation,
 * not about one process: a period open to verified organisations only needs them verified
 * before they can submit there, so it cannot wait for them to take part. Every verification
 * and revocation is an event naming who made it, shown on the organisation's page.
 */
export function checkCanVerify(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  if (!canVerify(viewer)) {
    throw new PlenumError('FORBIDDEN', 'Only a secretariat verifies organisations.');
  }
}

/** True when the viewer verifies organisations: an admin, or the secretariat of any process. */
export function canVerify(viewer: Viewer | null): boolean {
  return Boolean(viewer && (viewer.isAdmin || viewer.grants.some((g) => g.role === 'secretariat')));
}

/** True when the viewer represents the organisation (or is an admin), and so may add a representative. */
export function canAddRepresentative(viewer: Viewer | null, organisationId: string): boolean {
  return holds(viewer, 'representative', organisationId);
}

/** A representative of the organisation (or an admin) may add another representative. */
export function checkCanAddRepresentative(
  viewer: Viewer | null,
  organisationId: string,
): asserts viewer is Viewer {
  requireRole(
    viewer,
    'representative',
    organisationId,
    'Only a representative of this organisation can add another.',
  );
}
