/**
 * Which blocks of a parse a secretariat should look at twice: the blocks the parser was not sure
 * of. A warning is tied to the block it names (by address, footnote number or quoted words); a
 * block whose `confidence` (given by the whole-document numbering, numbering-plan.ts) is below the
 * threshold is flagged as well, with or without a warning.
 */
import type { ParsedBlock, ParseResult, ParseWarning } from '../documents/blocks.ts';

/** Below this confidence (0 to 1) a block is highlighted. */
export const lowConfidence = 0.5;

/** What is doubtful about one block: the warnings that name it, and its confidence if known. */
export interface BlockConcern {
  warnings: ParseWarning[];
  confidence: number | null;
}

/** The doubtful blocks of a parse by key, and the warnings tied to no block. */
export function findConcerns(result: ParseResult): {
  byBlock: Map<string, BlockConcern>;
  unplaced: ParseWarning[];
} {
  const byBlock = new Map<string, BlockConcern>();
  const concernOf = (key: string): BlockConcern => {
    let concern = byBlock.get(key);
    if (!concern) byBlock.set(key, (concern = { warnings: [], confidence: null }));
    return concern;
  };
  for (const block of result.blocks) {
    const confidence = confidenceOf(block);
    if (confidence !== null && confidence < lowConfidence)
      concernOf(block.key).confidence = confidence;
  }
  const unplaced: ParseWarning[] = [];
  for (const warning of result.warnings) {
    const named = result.blocks.filter((b) => namesBlock(warning.message, b));
    if (named.length === 0) unplaced.push(warning);
    for (const block of named) concernOf(block.key).warnings.push(warning);
  }
  return { byBlock, unplaced };
}

/** A block's own confidence, when the parser gives one (numbering-plan.ts, for decided numbers). */
function confidenceOf(block: ParsedBlock): number | null {
  const value = block.confidence;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** True when a warning's message names the block: its address, its footnote, or its words. */
function namesBlock(message: string, block: ParsedBlock): boolean {
  if (mentions(message, block.address)) return true;
  if (block.kind === 'footnote' && block.number !== null) {
    if (new RegExp(`\\bFootnote ${escape(block.number)}(?![\\w(]|\\.\\d)`).test(message))
      return true;
  }
  const quoted = /^"([^"]{3,})"/.exec(message)?.[1];
  return quoted !== undefined && block.text.includes(quoted);
}

/** True when the address stands in the message as a whole ("para 1" is not in "para 12"). */
function mentions(message: string, address: string): boolean {
  return new RegExp(`(^|[\\s(])${escape(address)}(?![\\w(]|\\.\\d)`).test(message);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
