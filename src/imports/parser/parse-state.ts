/**
 * What every pass of the parser shares: the text taken out (`removed`), the warnings, and the explicit
 * footnote markers, which stand in the line text as sentinels (`\uE000<index>\uE001`) until the
 * blocks are finished.
 */
import type { ParseWarning, RemovedReason, RemovedText } from '../../documents/blocks.ts';

/** Opens a marker sentinel (a private-use character, removed from the input beforehand). */
export const S0 = '\uE000';
/** Closes a marker sentinel. */
export const S1 = '\uE001';
/** A marker sentinel; group 1 is the marker's index in {@link ParseState.markers}. */
export const RE_SENTINEL = /\uE000(\d+)\uE001/g;

/** An explicit footnote marker found in the text, and the line it was on. */
export interface Marker {
  value: string;
  line: number;
}

/** State shared by the passes of one parse. */
export interface ParseState {
  markdown: boolean;
  removed: RemovedText[];
  warnings: ParseWarning[];
  markers: Marker[];
}

/** A fresh state for parsing one document. */
export function createParseState(markdown: boolean): ParseState {
  return { markdown, removed: [], warnings: [], markers: [] };
}

/** Records text taken out of the document; blank text is not worth recording. */
export function noteRemoved(
  state: ParseState,
  reason: RemovedReason,
  t: string,
  line: number | null,
): void {
  if (t.trim()) state.removed.push({ reason, text: t, line });
}

/** Records a footnote marker and returns the sentinel that stands for it in the text. */
export function addMarker(state: ParseState, value: string, line: number): string {
  state.markers.push({ value, line });
  return `${S0}${state.markers.length - 1}${S1}`;
}

/** The text with each sentinel replaced by its marker's value, as it was written. */
export function expandMarkers(state: ParseState, s: string): string {
  return s.replace(RE_SENTINEL, (_m, id) => state.markers[+id]!.value);
}

/** The text without its sentinels. */
export function stripSentinels(s: string): string {
  return s.replace(RE_SENTINEL, '');
}
