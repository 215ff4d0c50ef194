/**
 * Who may do what in the registry: any signed-in account with a verified e-mail address records
 * a measure (as a report); only a verified representative of a State's government states it as
 * the State's own word (the service checks that against the organisation); whoever recorded a
 * measure, a representative of the organisation it was recorded for, or an administrator revises
 * it; only administrators edit the elements and kinds of measure; a legal text attached to an
 * answer is read by everyone once its round publishes the submitted answer, before by the
 * answering organisation's representatives and the secretariat.
 */
import { holds, requireVerified, type Viewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';

/** A signed-in account with a verified e-mail address records measures. */
export function checkCanRecordMeasure(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  requireVerified(viewer);
}

/** The viewer speaks for the organisation only when they hold its representative role. */
export function checkCanSpeakFor(viewer: Viewer, organisationId: string): void {
  if (!viewer.grants.some((g) => g.role === 'representative' && g.scopeId === organisationId))
    throw new PlenumError('FORBIDDEN', 'organisationId: you do not represent this organisation.');
}

/** True when the viewer may revise this measure. */
export function canReviseMeasure(
  viewer: Viewer | null,
  measure: { createdBy: string; organisationId: string | null },
): boolean {
  if (!viewer) return false;
  return (
    viewer.isAdmin ||
    viewer.id === measure.createdBy ||
    (measure.organisationId !== null && holds(viewer, 'representative', measure.organisationId))
  );
}

/** Refuses a revision by anyone but the recorder, the organisation's representatives or an admin. */
export function checkCanReviseMeasure(
  viewer: Viewer | null,
  measure: { createdBy: string; organisationId: string | null },
): asserts viewer is Viewer {
  checkCanRecordMeasure(viewer);
  if (!canReviseMeasure(viewer, measure))
    throw new PlenumError(
      'FORBIDDEN',
      'Only whoever recorded this measure, its organisation or an administrator revises it.',
    );
}

/** Only administrators edit the elements and kinds of measure. */
export function checkCanEditTerms(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  if (!viewer.isAdmin)
    throw new PlenumError('FORBIDDEN', 'Only administrators edit the elements and kinds.');
}

/**
 * Who reads a legal text attached to an answer: everyone once the round is published and the
 * answer submitted (it stands behind published measures); before, and for a draft always, the
 * representatives of the organisation that answered for the State and the round's secretariat.
 */
export function canReadAnswerFile(
  viewer: Viewer | null,
  file: {
    answerStatus: string;
    publishedAt: string | null;
    organisationId: string;
    processId: string;
  },
): boolean {
  if (file.publishedAt !== null && file.answerStatus === 'submitted') return true;
  return (
    holds(viewer, 'secretariat', file.processId) ||
    holds(viewer, 'representative', file.organisationId)
  );
}
