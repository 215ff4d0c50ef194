/** Who may read what: every public version to anyone; a version in preparation to the process staff. */
import { isProcessStaff, requireRole, type Viewer } from '../accounts/accounts.schema.ts';
import type { PlenumDocument } from './documents.schema.ts';

/** A version not yet public is read only by the process's secretariat and moderators. */
export function canReadVersion(
  viewer: Viewer | null,
  version: { public: boolean },
  processId: string,
): boolean {
  return version.public || isProcessStaff(viewer, processId);
}

/** The document with only the versions the viewer may read. */
export function readableDocument(viewer: Viewer | null, document: PlenumDocument): PlenumDocument {
  return {
    ...document,
    versions: document.versions.filter((v) => canReadVersion(viewer, v, document.processId)),
  };
}

/** Only the process's secretariat (or an admin) makes a version in preparation public. */
export function checkCanPublishVersion(
  viewer: Viewer | null,
  processId: string,
): asserts viewer is Viewer {
  requireRole(
    viewer,
    'secretariat',
    processId,
    'Only the secretariat of this process publishes its versions.',
  );
}
