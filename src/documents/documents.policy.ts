/**
 * Who may read what, the one rule every read path of documents uses: every public version to
 * anyone, a version in preparation to the process staff; a document is known (its title, symbol,
 * existence) to whoever may read one of its versions. Whatever the viewer may not read answers
 * exactly as if it did not exist.
 */
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

/**
 * A document is public (`public`) once one of its versions is; before that (every version in
 * preparation, or none yet) only its process staff know it exists.
 */
export function canReadDocument(
  viewer: Viewer | null,
  document: { processId: string; public: boolean },
): boolean {
  return canReadVersion(viewer, document, document.processId);
}

/**
 * The document with only the versions the viewer may read, or undefined when the viewer may not
 * know it exists (callers answer that as they answer a missing document).
 */
export function readableDocument(
  viewer: Viewer | null,
  document: PlenumDocument,
): PlenumDocument | undefined {
  const access = { processId: document.processId, public: document.versions.some((v) => v.public) };
  if (!canReadDocument(viewer, access)) return undefined;
  return {
    ...document,
    versions: document.versions.filter((v) => canReadVersion(viewer, v, document.processId)),
  };
}

/**
 * How many of a process's documents the viewer may know of, from the count of all and of those
 * with a public version.
 */
export function readableDocumentCount(
  viewer: Viewer | null,
  processId: string,
  counts: { all: number; public: number },
): number {
  return canReadVersion(viewer, { public: false }, processId) ? counts.all : counts.public;
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
