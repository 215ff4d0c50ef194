/**
 * Who a briefing reads as. Anyone, signed in or not, may draft one, and it is written to be sent
 * on: so it quotes only what the public may read (public versions, published submissions, the
 * public timeline of meetings and periods), whoever asks for it. A member of a secretariat who
 * drafts one must not find a version in preparation or a held comment in a paper they forward.
 */
import type { Viewer } from '../accounts/accounts.schema.ts';

/** The reader as whom a briefing reads every source: the public, for every requester. */
export function briefingReader(_requester: Viewer | null): null {
  return null;
}
