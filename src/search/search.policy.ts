/** Who finds what: every public passage to anyone; a version in preparation to its process staff. */
import type { Viewer } from '../accounts/accounts.schema.ts';
import { canReadVersion } from '../documents/documents.policy.ts';

/** The versions whose passages (and submissions on them) the viewer must not find. */
export function versionsHiddenFrom(
  viewer: Viewer | null,
  hidden: { versionId: string; processId: string }[],
): string[] {
  return hidden
    .filter((v) => !canReadVersion(viewer, { public: false }, v.processId))
    .map((v) => v.versionId);
}
