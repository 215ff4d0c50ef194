/** Who may submit, co-sign and read submissions that are not published. */
import { holds, requireRole, requireVerified, type Viewer } from '../accounts/accounts.schema.ts';
import { canModerate } from '../consultations/consultations.policy.ts';

/** True when the viewer represents the organisation (or is an admin): submits and co-signs for it. */
export function canActFor(viewer: Viewer | null, organisationId: string): boolean {
  return holds(viewer, 'representative', organisationId);
}

/** Only a representative of the organisation submits on its behalf. */
export function checkCanSubmitFor(
  viewer: Viewer | null,
  organisationId: string,
): asserts viewer is Viewer {
  requireVerified(viewer);
  requireRole(
    viewer,
    'representative',
    organisationId,
    'You can only submit on behalf of an organisation you represent.',
  );
}

/** Only a representative of the co-signing organisation confirms or declines for it. */
export function checkCanCosignFor(
  viewer: Viewer | null,
  organisationId: string,
): asserts viewer is Viewer {
  requireVerified(viewer);
  requireRole(
    viewer,
    'representative',
    organisationId,
    'Only a representative of the co-signing organisation can answer for it.',
  );
}

/**
 * Published submissions are public; the others are read by their author, the submitting and
 * co-signing organisations' representatives and the process's moderators and secretariat.
 */
export function canReadSubmission(
  viewer: Viewer | null,
  submission: {
    status: string;
    authorId: string;
    organisationId: string;
    cosignerIds: string[];
    processId: string;
  },
): boolean {
  if (submission.status === 'published') return true;
  if (!viewer) return false;
  if (viewer.id === submission.authorId) return true;
  if (canModerate(viewer, submission.processId)) return true;
  return [submission.organisationId, ...submission.cosignerIds].some((id) =>
    holds(viewer, 'representative', id),
  );
}
