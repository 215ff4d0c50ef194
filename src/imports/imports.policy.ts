/**
 * Who imports documents through the web: the secretariat of the process (or an admin). An import
 * draft is seen by them only; to anyone else it answers as if it did not exist.
 */
import { holds, requireRole, type Viewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';

/** Refuses anyone but the process's secretariat (or an admin) the upload of a document. */
export function checkCanImport(viewer: Viewer | null, processId: string): asserts viewer is Viewer {
  requireRole(
    viewer,
    'secretariat',
    processId,
    'Only the secretariat of this process imports its documents.',
  );
}

/** True when the viewer may see and work on the process's import drafts. */
export function canSeeImportDrafts(viewer: Viewer | null, processId: string): boolean {
  return holds(viewer, 'secretariat', processId);
}

/** Answers a draft the viewer may not see exactly as a missing one. */
export function checkCanSeeImportDraft(
  viewer: Viewer | null,
  processId: string,
): asserts viewer is Viewer {
  if (!canSeeImportDrafts(viewer, processId)) throw new PlenumError('IMPORT_DRAFT_NOT_FOUND');
}
