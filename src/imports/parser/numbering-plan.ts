/**
 * Numbering decided from the whole document (pass 3b, before the reading-order pass): every number that
 * starts a line or stands alone on one is a candidate, and the reading chosen is the one that explains
 * the most candidates consistently: one increasing paragraph sequence (restarting at 1 only after an
 * annex heading), one section sequence before titles, footnote numbers where a marker for them exists
 * (or, without markers, after a separator or a notes heading: end-notes), page numbers; what fits none
 * is a stray number. A beam search over the candidates in reading order scores each reading (see
 * {@link ROLE_SCORES}); the pass that reads the lines then follows the plan for numbers alone on a line
 * and numbers without a full stop, where a line-by-line guess cannot decide.
 *
 * A sequence of one number alone on its line, without a full stop, is no evidence of a sequence: such a
 * number is left out, as a footnote number the extraction displaced when a marker of it stands in the
 * text, else as a stray, with a warning naming its line. The rule is written down in
 * docs/ARCHITECTURE.md, "How the importer decides numbering".
 */
import {
  continuesReference,
  followedByBody,
  isTocTitle,
  nextLiveIndex,
  titleLike,
} from './classify.ts';
import type { LineContext } from './classify.ts';
import { RE_ANNEX, RE_AR_NUM, RE_NUM, RE_NUM_LIST, RE_SEPARATOR } from './line-patterns.ts';
import { isLive } from './lines.ts';
import { asciiDigits } from './numbering.ts';
import { stripSentinels } from './parse-state.ts';
import type { ParsedBlock, ParseWarning } from '../../documents/blocks.ts';
import { startsBodyish, startsLower } from './text-shape.ts';

/** What a candidate number is, in the reading chosen. */
export type NumberRole = 'paragraph' | 'section' | 'footnote' | 'displaced' | 'page' | 'stray';

/** The role of one candidate, and how sure the reading is of it (0..1). */
export interface PlannedNumber {
  role: NumberRole;
  value: number;
  /** The number stood alone on its line. */
  alone: boolean;
  confidence: number;
  /** Read first as the only number of a paragraph or section sequence, then left out. */
  demoted?: boolean;
}

/** The plan: the role of the number of each candidate line, by line number (1-based). */
export type NumberingPlan = Map<number, PlannedNumber>;

/** A number at a line start or alone on a line, with what the reading needs to know of it. */
interface Candidate {
  line: number;
  value: number;
  alone: boolean;
  dot: boolean;
  /** Written `3)`: a paragraph number only where the whole paragraph numbering is written so. */
  paren: boolean;
  /** An explicit footnote definition (`[^3]:`, `[3] `): a footnote whatever the scores say. */
  explicitFootnote: boolean;
  /** The title the number would head: the next line (alone) or the rest of the line. */
  titled: boolean;
  /** Body text follows: the next line (alone) or the rest of the line starts like body text. */
  bodyNext: boolean;
  /** A footnote marker with this number stands in the text before this line. */
  markerBefore: boolean;
  /** Annex headings read before this line. */
  annexes: number;
  /** After a separator line or a notes heading: end-notes may follow without markers. */
  notesZone: boolean;
  /** A footnote of this number is defined explicitly elsewhere (`[^3]:`): this one is no footnote. */
  definedElsewhere: boolean;
}

/** A partial reading: the last number of each sequence, its score and the roles chosen so far. */
interface Reading {
  para: number;
  paraAnnexes: number;
  section: number;
  footnote: number;
  page: number;
  score: number;
  roles: RoleLink | null;
}

/** The roles of a reading as a linked list, newest first, so that readings share their past. */
interface RoleLink {
  role: NumberRole;
  margin: number;
  prev: RoleLink | null;
}

/**
 * What each role earns. A number continuing its sequence earns the most; the first number of a
 * sequence earns less, so that one number alone does not make a sequence.
 */
const ROLE_SCORES = {
  next: 3,
  firstWithDot: 3,
  firstAlone: 1,
  restart: 1.5,
  gap: 1,
  sectionFirst: 1.5,
  footnoteGap: 2,
  displaced: 0.8,
  titledPenalty: 1,
  notFirstPenalty: 0.5,
  page: 0.4,
  markerBonus: 0.5,
} as const;

const BEAM = 12;
const RE_NOTES =
  /^(?:notes?|endnotes?|notes de fin|notas|примечания|сноски|注释?|尾注|الحواشي|الهوامش)\s*[:：]?$/iu;

/** Plans the numbering of the live lines; warnings about numbers left out go to `warnings`. */
export function planNumbering(ctx: LineContext, warnings: ParseWarning[]): NumberingPlan {
  const candidates = collectCandidates(ctx);
  const best = searchBestReading(candidates);
  const plan: NumberingPlan = new Map();
  const roles: { role: NumberRole; margin: number }[] = [];
  for (let r = best.roles; r; r = r.prev) roles.push(r);
  roles.reverse();
  const supported = sequenceSupport(candidates, roles);
  candidates.forEach((c, k) => {
    const { role, margin } = roles[k]!;
    const confidence = confidenceOf(margin + (supported[k] ? SUPPORT : 0));
    plan.set(c.line, { role, value: c.value, alone: c.alone, confidence });
  });
  demoteLoneSequences(candidates, plan);
  keepParenParagraphsOnlyAlone(candidates, plan);
  warnAboutStrays(plan, warnings);
  warnIfUndecided(plan, warnings);
  return plan;
}

/** Below this confidence, a number's reading is worth a warning. */
export const LOW_CONFIDENCE = 0.34;

/**
 * Gives the blocks whose number the plan decided their confidence, and warns about those read with
 * little: the reader should check them before publishing.
 */
export function applyConfidence(
  plan: NumberingPlan,
  drafts: { block: ParsedBlock; firstLine: { no: number } | null }[],
  warnings: ParseWarning[],
): void {
  for (const d of drafts) {
    const p = d.firstLine ? plan.get(d.firstLine.no) : undefined;
    if (!p || d.block.number === null || p.role === 'stray' || p.role === 'page') continue;
    d.block.confidence = Math.round(p.confidence * 100) / 100;
    if (p.confidence < LOW_CONFIDENCE && p.alone) {
      warnings.push({
        code: 'NUMBER_UNCERTAIN',
        message: `Line ${d.firstLine!.no}: the number ${p.value} was read as a ${p.role} number, but another reading was almost as likely.`,
        line: d.firstLine!.no,
      });
    }
  }
}

/** When a third or more of the numbers alone on a line fit nothing, the numbering could not be decided. */
function warnIfUndecided(plan: NumberingPlan, warnings: ParseWarning[]): void {
  const alone = [...plan.values()].filter((p) => p.alone);
  const unplaced = alone.filter((p) => p.role === 'stray').length;
  if (alone.length >= 4 && unplaced * 3 >= alone.length) {
    warnings.push({
      code: 'NUMBERING_UNDECIDED',
      message: `The numbering of this document could not be decided: ${unplaced} of the ${alone.length} numbers standing alone on a line fit neither the paragraph, the section nor the footnote numbering. Check the numbers before publishing.`,
      line: null,
    });
  }
}

/** Every number at a line start or alone on a line, in reading order, with its features. */
function collectCandidates(ctx: LineContext): Candidate[] {
  const out: Candidate[] = [];
  const markers = new Set<number>();
  const defined = new Set<number>();
  for (const L of ctx.lines) if (isLive(L) && L.fnDef) defined.add(+asciiDigits(L.fnDef.value));
  let annexes = 0;
  let notesZone = false;
  ctx.lines.forEach((L, i) => {
    if (!isLive(L)) return;
    const t = stripSentinels(L.text).trim();
    if (RE_ANNEX.test(t)) annexes++;
    if (RE_SEPARATOR.test(t) || /^_{5,}$/.test(t) || RE_NOTES.test(t)) notesZone = true;
    const c = candidateOf(ctx, i, markers, annexes, notesZone);
    if (c) out.push({ ...c, definedElsewhere: !c.explicitFootnote && defined.has(c.value) });
    for (const v of L.refValues) markers.add(v);
  });
  return out;
}

/** The candidate on line `i`, if the line starts with a number or is one. */
function candidateOf(
  ctx: LineContext,
  i: number,
  markers: Set<number>,
  annexes: number,
  notesZone: boolean,
): Omit<Candidate, 'definedElsewhere'> | null {
  const L = ctx.lines[i]!;
  const base = { line: L.no, annexes, notesZone };
  if (L.fnDef) {
    const value = +asciiDigits(L.fnDef.value);
    if (Number.isNaN(value)) return null;
    return {
      ...base,
      value,
      alone: false,
      dot: false,
      paren: false,
      explicitFootnote: true,
      titled: false,
      bodyNext: true,
      markerBefore: markers.has(value),
    };
  }
  if (continuesReference(ctx, i)) return null;
  const paren = RE_NUM_LIST.exec(L.text);
  if (paren) return parenCandidate(ctx, i, paren, { ...base, markerBefore: false });
  const m = RE_AR_NUM.exec(L.text) ?? RE_NUM.exec(L.text);
  if (!m) return null;
  const value = +asciiDigits(m[1]!);
  // a year or a count is no number of a sequence
  if (value > 999) return null;
  const rest = (m[3] ?? '').trim();
  const alone = rest === '';
  const j = alone ? nextLiveIndex(ctx.lines, i, true) : -1;
  const next = j >= 0 ? ctx.lines[j]! : null;
  if (alone && !next) return null;
  const follows = alone ? next!.text : rest;
  const titled = alone
    ? isTocTitle(ctx, follows) ||
      (titleLike(ctx, follows, next!, false) && followedByBody(ctx, j, follows))
    : titleLike(ctx, rest, L);
  return {
    ...base,
    value,
    alone,
    dot: /[.．-]/.test(m[2] ?? ''),
    paren: false,
    explicitFootnote: false,
    titled,
    bodyNext: startsBodyish(follows) || startsLower(follows),
    markerBefore: markers.has(value),
  };
}

/**
 * A number with a closing parenthesis starting a line (`3) Le Groupe…`): a paragraph number in some
 * French and Russian texts, an item of a list everywhere; not after a line leading into a list.
 */
function parenCandidate(
  ctx: LineContext,
  i: number,
  m: RegExpExecArray,
  base: { line: number; annexes: number; notesZone: boolean; markerBefore: boolean },
): Omit<Candidate, 'definedElsewhere'> | null {
  let k = i - 1;
  while (k >= 0 && !isLive(ctx.lines[k]!)) k--;
  if (k >= 0 && /[:：]$/.test(stripSentinels(ctx.lines[k]!.text).trim())) return null;
  const rest = m[3]!;
  return {
    ...base,
    value: +m[1]!,
    alone: false,
    dot: false,
    paren: true,
    explicitFootnote: false,
    titled: titleLike(ctx, rest, ctx.lines[i]!),
    bodyNext: startsBodyish(rest),
  };
}

/** The reading that explains the candidates best: a beam search over the roles of each in turn. */
function searchBestReading(candidates: Candidate[]): Reading {
  let beam: Reading[] = [
    {
      para: 0,
      paraAnnexes: 0,
      section: 0,
      footnote: 0,
      page: 0,
      score: 0,
      roles: null,
    },
  ];
  for (const c of candidates) {
    const next = new Map<string, Reading>();
    for (const r of beam) {
      const options = readingsAfter(r, c);
      const [best, second] = topTwo(options);
      for (const o of options) {
        const runnerUp = o.score === best ? (second ?? o.score - 3) : best;
        o.roles = { role: o.roles!.role, margin: o.score - runnerUp, prev: r.roles };
        const key = `${o.para}|${o.paraAnnexes}|${o.section}|${o.footnote}|${o.page}`;
        const seen = next.get(key);
        if (!seen || seen.score < o.score) next.set(key, o);
      }
    }
    beam = [...next.values()].sort((a, b) => b.score - a.score).slice(0, BEAM);
  }
  return beam[0]!;
}

/** The best and second-best scores of the options (the second undefined for a single option). */
function topTwo(options: Reading[]): [number, number | undefined] {
  let best = -Infinity;
  let second: number | undefined;
  for (const o of options) {
    if (o.score > best) {
      if (best !== -Infinity) second = best;
      best = o.score;
    } else if (second === undefined || o.score > second) second = o.score;
  }
  return [best, second];
}

/** The readings after candidate `c` in each role open to it (the stray role always is). */
function readingsAfter(r: Reading, c: Candidate): Reading[] {
  const out: Reading[] = [];
  const add = (role: NumberRole, gain: number, change: Partial<Reading>): void => {
    out.push({ ...r, ...change, score: r.score + gain, roles: { role, margin: 0, prev: null } });
  };
  if (c.explicitFootnote) {
    add('footnote', ROLE_SCORES.next, { footnote: Math.max(r.footnote, c.value) });
    return out;
  }
  add('stray', 0, {});
  const para = paragraphGain(r, c);
  if (para !== null) add('paragraph', para, { para: c.value, paraAnnexes: c.annexes });
  const section = sectionGain(r, c);
  if (section !== null) add('section', section, { section: c.value });
  const fn = footnoteGain(r, c);
  if (fn !== null) {
    if (c.value > r.footnote) add('footnote', fn, { footnote: c.value });
    else add('displaced', fn, {});
  }
  if (c.alone && !c.dot && c.value > r.page && c.value <= r.page + 3)
    add('page', ROLE_SCORES.page, { page: c.value });
  return out;
}

/** What reading `c` as the next paragraph earns, or null if it cannot be one. */
function paragraphGain(r: Reading, c: Candidate): number | null {
  if (!c.bodyNext) return null;
  if (c.paren) return c.value === r.para + 1 ? ROLE_SCORES.next : null;
  const penalty = c.titled ? ROLE_SCORES.titledPenalty : 0;
  if (r.para === 0) {
    // an extract may begin at any paragraph
    const first = c.dot ? ROLE_SCORES.firstWithDot : ROLE_SCORES.firstAlone;
    return first - (c.value === 1 ? 0 : ROLE_SCORES.notFirstPenalty) - penalty;
  }
  if (c.value === r.para + 1) return ROLE_SCORES.next - penalty;
  if (c.value === 1 && r.para > 1 && c.annexes > r.paraAnnexes)
    return ROLE_SCORES.restart - penalty;
  if (c.dot && c.value > r.para + 1 && c.value <= r.para + 5) return ROLE_SCORES.gap - penalty;
  return null;
}

/** What reading `c` as the next section number earns, or null if it cannot be one. */
function sectionGain(r: Reading, c: Candidate): number | null {
  if (c.paren || !c.titled || c.value > 30 || c.value !== r.section + 1) return null;
  return r.section === 0 ? ROLE_SCORES.sectionFirst : ROLE_SCORES.next;
}

/** What reading `c` as a footnote number earns, or null if it cannot be one. */
function footnoteGain(r: Reading, c: Candidate): number | null {
  if (c.dot || c.paren) return null;
  const evidence = c.markerBefore || c.notesZone || (r.footnote > 0 && c.value === r.footnote + 1);
  if (!evidence) return null;
  // a footnote number alone before a title would take the title as its text; a note is rarely a title
  const titled = c.titled ? (c.alone ? 2 : ROLE_SCORES.titledPenalty) : 0;
  const penalty = titled - (c.markerBefore ? ROLE_SCORES.markerBonus : 0);
  if (c.value <= r.footnote && c.markerBefore && c.alone) return ROLE_SCORES.displaced;
  // a footnote defined explicitly elsewhere (`[^3]:`) is not defined again by a bare number
  if (c.definedElsewhere) return null;
  if (c.value === r.footnote + 1) return ROLE_SCORES.next - penalty;
  if (c.value > r.footnote && c.value <= r.footnote + 3 && c.markerBefore)
    return ROLE_SCORES.footnoteGap - penalty;
  return null;
}

/** What a neighbour in the same sequence (n - 1 before, n + 1 after) adds to a number's margin. */
const SUPPORT = 1.5;

/** Whether each candidate's sequence has its predecessor or its successor among the candidates. */
function sequenceSupport(candidates: Candidate[], roles: { role: NumberRole }[]): boolean[] {
  const seen = new Set<string>();
  candidates.forEach((c, k) => seen.add(`${roles[k]!.role}|${c.value}`));
  return candidates.map((c, k) => {
    const role = roles[k]!.role;
    return seen.has(`${role}|${c.value - 1}`) || seen.has(`${role}|${c.value + 1}`);
  });
}

/** A margin over the runner-up reading of 3 (a sequence continued) or more is certainty. */
function confidenceOf(margin: number): number {
  return Math.max(0, Math.min(1, margin / 3));
}

/**
 * A paragraph or section sequence made of one number alone on its line, without a full stop, is no
 * sequence: its number becomes a stray.
 */
function demoteLoneSequences(candidates: Candidate[], plan: NumberingPlan): void {
  for (const role of ['paragraph', 'section'] as const) {
    const members = candidates.filter((c) => plan.get(c.line)!.role === role);
    const c = members[0];
    if (members.length === 1 && c!.alone && !c!.dot) {
      const p = plan.get(c!.line)!;
      // with a marker of that number in the text, it is a footnote's number the extraction moved
      const role = c!.markerBefore ? 'displaced' : 'stray';
      plan.set(c!.line, { ...p, role, confidence: 0, demoted: true });
    }
  }
}

/**
 * Numbers written `3)` are the paragraph numbering only when the whole paragraph sequence is written
 * so and runs to three at least; otherwise they are items of lists, read as such (role stray here).
 */
function keepParenParagraphsOnlyAlone(candidates: Candidate[], plan: NumberingPlan): void {
  const paragraphs = candidates.filter((c) => plan.get(c.line)!.role === 'paragraph');
  const paren = paragraphs.filter((c) => c.paren);
  if (paren.length === 0 || (paren.length === paragraphs.length && paren.length >= 3)) return;
  for (const c of paren) plan.set(c.line, { ...plan.get(c.line)!, role: 'stray', confidence: 0 });
}

/** A stray or displaced number alone on a line is worth a warning: the reader should check it. */
function warnAboutStrays(plan: NumberingPlan, warnings: ParseWarning[]): void {
  for (const [line, p] of plan) {
    if (p.role === 'displaced' && p.demoted) {
      warnings.push({
        code: 'FOOTNOTE_NUMBER_DISPLACED',
        message: `Line ${line}: the number ${p.value} alone on its line looks like the number of footnote ${p.value}, moved away from its text by the extraction; it was left out.`,
        line,
      });
    }
    if (p.role !== 'stray' || !p.alone) continue;
    warnings.push({
      code: 'NUMBER_UNPLACED',
      message: `Line ${line}: the number ${p.value} fits neither the paragraph, the section nor the footnote numbering.`,
      line,
    });
  }
}
