/**
 * A seeded generator of messy documents, as they come out of PDF and Word, with what a parser should
 * find in them. Used by the parser's property tests and by the import benchmark.
 *
 * A document has sections with numbered headings (`2. Background`, `III. Scope`, `3.1 Terms`: section
 * numbers that look like paragraph numbers), numbered paragraphs 1..N running across sections (some with
 * their number alone on the line before), sub-paragraphs (a), (b) … with (i), (ii) … nested, unnumbered
 * lead-in paragraphs, hard-wrapped lines, pages with a repeated header and page numbers (`Page 3 of 9`,
 * `- 3 -`, `|3`, a bare `3`), a table of contents (dotted leaders, tab + page, or titles then a column
 * of page numbers), footnote markers in every style (`<sup>1</sup>`, `[1]`, `[^1]`, `¹`,
 * `[footnoteRef:1]`, a number glued to a word or after a full stop) with footnote texts at the end or at
 * the bottom of the page, field-code and bookmark debris, U+FFFD and zero-width characters, optionally
 * Chinese text (no spaces, joined without spaces when unwrapped).
 *
 * The generator keeps to documents a careful reader can decide: it never writes a bare page number or a
 * bare paragraph number that could equally be a pending footnote number, and breaks pages only after a
 * block or in the middle of a sentence.
 */

/** Options of {@link buildMessyDocument}. */
export interface MessyDocumentOptions {
  /** Numbered paragraphs (default 40). */
  paragraphs?: number;
  /** Footnotes (default a third of the paragraphs). */
  footnotes?: number;
  /** Chinese text instead of English (default false). */
  chinese?: boolean;
  /** Markdown (footnotes `[^n]: …`, headings `##`) or extracted text (default text). */
  format?: 'text' | 'markdown';
  /** Footnote texts at the end, at the bottom of each page, or either (default: chosen by the seed). */
  footnotePlacement?: 'end' | 'page';
}

/** A generated document and what a parser should find in it. */
export interface MessyDocument {
  text: string;
  format: 'text' | 'markdown';
  expected: {
    /** Numbered paragraphs, in order, with their clean text. */
    paragraphs: { number: number; text: string }[];
    /** Sub-paragraphs by address ("para 3(b)(ii)") with their clean text. */
    subParagraphs: { address: string; text: string }[];
    headings: { number: string; title: string }[];
    footnotes: { number: number; text: string }[];
    /** Footnote markers by paragraph number: the footnote numbers, in order. */
    markersByParagraph: Map<number, number[]>;
    replacementCharacters: number;
  };
}

/** mulberry32: a small, fast, seeded PRNG (numbers in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'group states report internet governance security framework stakeholders meeting session ' +
  'working consultation norms capacity development cooperation infrastructure critical public core ' +
  'availability integrity stability cyberspace principles measures confidence building resolution ' +
  'assembly committee secretariat chair draft submission comments proposal elaboration protection ' +
  'technical community organizations regional dialogue implementation transparency mandate ' +
  'recommendations discussion agenda adopted welcomed recalled noted further encouraged'
).split(' ');
const TITLE_WORDS = (
  'Introduction Background Scope Mandate Findings Conclusions Recommendations Threats Norms ' +
  'Capacity Building Cooperation Security Governance Principles Measures Dialogue Annex ' +
  'Implementation Review Outcomes Organization Procedures Participation Work Methods Resources'
).split(' ');
const HAN =
  '的国家互联网治理安全框架利益相关方会议工作组协商规范能力发展合作基础设施公共核心可用性完整性稳定网络空间原则措施信任建设决议大会委员会秘书处主席草案提交意见建议技术社群组织区域对话执行透明任务';
const TITLE_HAN = [
  '背景',
  '导言',
  '范围',
  '任务',
  '结论',
  '建议',
  '威胁',
  '规范',
  '合作',
  '治理',
  '原则',
  '措施',
];
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const ROMAN = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
];
const romanLower = (n: number): string => ROMAN[n - 1]!.toLowerCase();

/** A piece of body text: words, plus markers and debris glued to them. */
type Token = { text: string; clean: string };

/** Builds a messy document from a seed. Deterministic for a given seed and options. */
export function buildMessyDocument(
  seed: number,
  options: MessyDocumentOptions = {},
): MessyDocument {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number): boolean => rnd() < p;
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

  const N = options.paragraphs ?? 40;
  const F = options.footnotes ?? Math.max(1, Math.round(N / 3));
  const zh = options.chinese ?? false;
  const format = options.format ?? 'text';
  const md = format === 'markdown';
  const placement = options.footnotePlacement ?? (md ? 'end' : chance(0.5) ? 'end' : 'page');
  const width = zh ? int(28, 40) : int(60, 90);
  let fffd = 0;

  // ---- sentences ----
  const word = (): string => (zh ? pick([...HAN]) + pick([...HAN]) : pick(WORDS));
  const sentence = (end: string, lower = false): Token[] => {
    const n = zh ? int(4, 9) : int(6, 16);
    const toks: Token[] = [];
    for (let k = 0; k < n; k++) {
      let w = word();
      if (k === 0 && !lower && !zh) w = w[0]!.toUpperCase() + w.slice(1);
      toks.push({ text: w, clean: w });
    }
    toks[toks.length - 1]!.text += end;
    toks[toks.length - 1]!.clean += end;
    return toks;
  };

  // ---- footnotes: markers are placed while writing paragraphs ----
  const footnotes: { number: number; text: string }[] = [];
  const markersByParagraph = new Map<number, number[]>();
  let fnCount = 0;
  const fnProb = Math.min(0.95, F / Math.max(1, N));
  const markerStyles = md
    ? (['md', 'md', 'sup', 'super'] as const)
    : (['sup', 'bracket', 'md', 'super', 'ref', 'glued', 'gluedStop'] as const);
  let blockRefs: number[] = [];
  const lastMarkerAt = new WeakMap<Token[], number>();
  const addMarker = (toks: Token[], para: number | null): void => {
    if (fnCount >= F || toks.length < 3 || (lastMarkerAt.get(toks) ?? 1) >= toks.length) return;
    const n = ++fnCount;
    blockRefs.push(n);
    const style = pick(markerStyles);
    // a position after a word: not the first one, and after the markers already in these tokens
    const after = lastMarkerAt.get(toks) ?? 1;
    const at = int(after, toks.length - 1);
    lastMarkerAt.set(toks, at + 1);
    const t = toks[at]!;
    const isLast = at === toks.length - 1;
    const text =
      (zh
        ? HAN.slice(n % 20, (n % 20) + 8)
        : 'See the ' + pick(WORDS) + ' ' + pick(WORDS) + ' of the ' + pick(WORDS)) +
      (zh ? '。' : ` number ${n}.`);
    footnotes.push({ number: n, text });
    if (para !== null) markersByParagraph.set(para, [...(markersByParagraph.get(para) ?? []), n]);
    const endsStop = /[.。:;；：]$/.test(t.text);
    let s = style;
    if (
      (s === 'glued' && (isLast || endsStop || t.clean.length < 3)) ||
      (s === 'gluedStop' && !endsStop)
    )
      s = 'sup';
    switch (s) {
      case 'sup':
        t.text += `<sup>${n}</sup>`;
        break;
      case 'bracket':
        t.text += `[${n}]`;
        break;
      case 'md':
        t.text += `[^${n}]`;
        break;
      case 'super':
        t.text += [...String(n)].map((d) => SUP[+d]).join('');
        break;
      case 'ref':
        t.text += `[footnoteRef:${n}]`;
        break;
      default:
        t.text += String(n);
    }
  };
  const addNoise = (toks: Token[]): void => {
    if (md) return;
    if (chance(0.15)) {
      const debris = pick([
        '{ PAGEREF _Toc' + int(100000, 999999) + ' \\h }',
        '_Toc' + int(10000, 99999),
        '[bookmark: _GoBack]',
        '\\* MERGEFORMAT',
        '{ HYPERLINK "https://example.org/doc' + int(1, 99) + '" }',
        '_Hlk' + int(1000, 9999),
      ]);
      toks.splice(int(1, toks.length - 1), 0, { text: debris, clean: '' });
    }
    if (chance(0.08)) {
      const t = pick(toks.filter((x) => x.clean.length >= 2));
      if (t && !/[.。:;；：]/.test(t.text)) {
        const cut = 1;
        const mark = chance(0.7) ? '\uFFFD' : '\u200B';
        if (mark === '\uFFFD') fffd++;
        t.text = t.text.slice(0, cut) + mark + t.text.slice(cut);
      }
    }
  };
  const cleanOf = (toks: Token[]): string =>
    zh
      ? toks.map((t) => t.clean).join('')
      : toks
          .map((t) => t.clean)
          .filter((c) => c)
          .join(' ');
  /** Hard-wraps tokens into lines no longer than the width (a token is never split). */
  const wrap = (prefix: string, toks: Token[]): string[] => {
    // the visible width: hidden field codes and marker markup do not take room on the page
    const visible = (t: Token): number =>
      t.text === t.clean ? t.clean.length : t.clean.length + 1;
    const lines: string[] = [];
    let line = prefix;
    let w = prefix.length;
    for (const t of toks) {
      if (line === '') {
        line = t.text;
        w = visible(t);
        continue;
      }
      const joiner = line === prefix ? ' ' : zh ? '' : ' ';
      if (line !== prefix && w + joiner.length + visible(t) > width) {
        lines.push(line);
        line = t.text;
        w = visible(t);
      } else {
        line += joiner + t.text;
        w += joiner.length + visible(t);
      }
    }
    if (line) lines.push(line);
    return lines;
  };

  // ---- structure ----
  const sectionCount = Math.min(60, Math.max(3, Math.round(N / 8)));
  const headingStyle = zh ? 'digit' : pick(['digit', 'digit', 'roman'] as const);
  const usedTitles = new Set<string>();
  const title = (): string => {
    for (;;) {
      const t = zh
        ? pick(TITLE_HAN) + pick(TITLE_HAN) + (chance(0.5) ? pick(TITLE_HAN) : '')
        : Array.from({ length: int(1, 3) }, () => pick(TITLE_WORDS)).join(' ');
      if (!usedTitles.has(t)) {
        usedTitles.add(t);
        return t;
      }
    }
  };

  interface BodyLine {
    text: string;
    /** A page may end after this line. */
    breakOk: boolean;
    /** Footnote numbers referenced on this line. */
    refs: number[];
    /** A bare number here must not follow (the next paragraph's number). */
    nextPara: number;
  }
  const body: BodyLine[] = [];
  const expectedParas: { number: number; text: string }[] = [];
  const expectedSubs: { address: string; text: string }[] = [];
  const headings: { number: string; title: string }[] = [];
  const pushBlock = (lines: string[], nextPara: number, midBreakOk = true): void => {
    const refs = blockRefs;
    blockRefs = [];
    lines.forEach((l, k) => {
      const last = k === lines.length - 1;
      const midOk = midBreakOk && (zh ? /[\p{Script=Han}]$/u.test(l) : /\p{Ll}$/u.test(l)) && !last;
      body.push({ text: l, breakOk: last || midOk, refs: last ? refs : [], nextPara });
    });
    body.push({ text: '', breakOk: true, refs: [], nextPara });
  };

  let para = 0;
  const perSection = Math.ceil(N / sectionCount);
  for (let s = 1; s <= sectionCount && para < N; s++) {
    const number = headingStyle === 'roman' && s <= ROMAN.length ? ROMAN[s - 1]! : String(s);
    const t = title();
    headings.push({ number, title: t });
    body.push({
      text: md ? `## ${number}. ${t}` : `${number}. ${t}`,
      breakOk: false,
      refs: [],
      nextPara: para + 1,
    });
    if (!md && chance(0.2)) body.push({ text: '', breakOk: false, refs: [], nextPara: para + 1 });
    if (chance(0.3)) {
      // an unnumbered lead-in paragraph
      const toks = sentence(zh ? '。' : '.');
      addNoise(toks);
      pushBlock(wrap('', toks), para + 1);
    }
    // a subsection heading now and then
    if (!zh && chance(0.15)) {
      const sub = `${s}.${int(1, 3)}`;
      const st = title();
      headings.push({ number: sub, title: st });
      body.push({
        text: md ? `### ${sub} ${st}` : `${sub} ${st}`,
        breakOk: false,
        refs: [],
        nextPara: para + 1,
      });
    }
    const end = Math.min(N, para + perSection);
    for (; para < end;) {
      para++;
      const subs = chance(0.2) ? (chance(0.15) ? int(9, 11) : int(2, 4)) : 0;
      const toks: Token[] = [];
      const sentences = int(1, 3);
      for (let k = 0; k < sentences; k++) {
        toks.push(...sentence(k === sentences - 1 && subs ? (zh ? '：' : ':') : zh ? '。' : '.'));
      }
      if (chance(fnProb)) addMarker(toks, para);
      if (chance(fnProb * 0.3)) addMarker(toks, para);
      addNoise(toks);
      expectedParas.push({ number: para, text: cleanOf(toks) });
      const labelStyle = md
        ? 'inline'
        : pick(['inline', 'inline', 'inline', 'aloneDot', 'alone'] as const);
      let lines: string[];
      if (labelStyle === 'inline') lines = wrap(`${para}.`, toks);
      else lines = [labelStyle === 'aloneDot' ? `${para}.` : `${para}`, ...wrap('', toks)];
      if (labelStyle === 'alone') {
        // a bare number must not be readable as a pending footnote number
        if (para <= fnCount + 1) lines[0] = `${para}.`;
      }
      pushBlock(lines, para + 1);
      // sub-paragraphs
      for (let a = 1; a <= subs; a++) {
        const letter = String.fromCharCode(96 + a);
        const romans = subs <= 4 && a === 2 && chance(0.5) ? int(2, 3) : 0;
        const stoks = sentence(
          romans ? (zh ? '：' : ':') : a === subs ? (zh ? '。' : '.') : zh ? '；' : ';',
          true,
        );
        if (chance(fnProb * 0.3)) addMarker(stoks, para);
        expectedSubs.push({ address: `para ${para}(${letter})`, text: cleanOf(stoks) });
        pushBlock(wrap(`(${letter})`, stoks), para + 1);
        for (let r = 1; r <= romans; r++) {
          const rtoks = sentence(r === romans ? (zh ? '；' : ';') : zh ? '；' : ';', true);
          expectedSubs.push({
            address: `para ${para}(${letter})(${romanLower(r)})`,
            text: cleanOf(rtoks),
          });
          pushBlock(wrap(`(${romanLower(r)})`, rtoks), para + 1);
        }
      }
    }
  }

  // ---- pages, TOC, footnote texts ----
  const fnLines = (n: number, text: string, nextPara: number, pending: Set<number>): string[] => {
    if (md) return [`[^${n}]: ${text}`];
    const style = pick(['num', 'num', 'bracket', 'super', 'alone', 'sup'] as const);
    void pending;
    switch (style) {
      case 'bracket':
        return [`[${n}] ${text}`];
      case 'super':
        return [[...String(n)].map((d) => SUP[+d]).join('') + ' ' + text];
      case 'sup':
        return [`<sup>${n}</sup> ${text}`];
      case 'alone':
        if (n !== nextPara) return [`${n}`, text];
        return [`${n} ${text}`];
      default:
        return [`${n} ${text}`];
    }
  };
  const header = zh
    ? `A/AC.${int(200, 299)}/2024/CRP.${int(1, 9)}`
    : pick([
        `A/AC.${int(200, 299)}/2024/CRP.${int(1, 9)}`,
        `Draft report of the working group | Seed ${seed}`,
      ]);
  const pageStyle = pick(['of', 'dash', 'bar', 'bare'] as const);
  const out: string[] = [];
  const linesPerPage = Math.max(12, Math.min(int(30, 50), Math.floor(body.length / 3)));
  const pageCount = Math.ceil(body.length / linesPerPage) + 2;
  let page = 1;
  let onPage = 0;
  const pageRefs: number[] = [];
  const defined = new Set<number>();
  const pendingSet = (): Set<number> => {
    const s = new Set<number>();
    for (const l of body) for (const r of l.refs) if (!defined.has(r)) s.add(r);
    return s;
  };
  const emitFootnotes = (nums: number[], nextPara: number): void => {
    for (const n of nums) {
      if (defined.has(n)) continue;
      defined.add(n);
      const f = footnotes[n - 1]!;
      out.push(...fnLines(n, f.text, nextPara, pendingSet()));
    }
  };
  const pageBreak = (
    nextPara: number,
    midParagraph: boolean,
    lastFn: number,
    referencedSoFar: Set<number>,
  ): void => {
    if (placement === 'page' && pageRefs.length) {
      out.push('');
      emitFootnotes(pageRefs.splice(0), nextPara);
      lastFn = Math.max(lastFn, ...defined);
    }
    out.push('');
    const k = page;
    let style = pageStyle;
    const pendingFn = [...referencedSoFar].some((n) => n === k && !defined.has(n));
    if (
      style === 'bare' &&
      (!midParagraph || zh || k === nextPara || k === lastFn + 1 || pendingFn)
    )
      style = 'of';
    out.push(
      style === 'of'
        ? `Page ${k} of ${pageCount}`
        : style === 'dash'
          ? `- ${k} -`
          : style === 'bar'
            ? `|${k}`
            : `${k}`,
    );
    out.push('', header, '');
    page++;
    onPage = 0;
  };

  if (!md) out.push(header, '');
  out.push(zh ? '草案报告' : 'Draft report of the working group', '');
  // table of contents
  const tocStyle = pick(['dotted', 'tab', 'column'] as const);
  out.push(zh ? '目录' : pick(['Contents', 'Table of contents', 'TABLE OF CONTENTS']));
  let p = 1;
  const pages = headings.map(() => (p += chance(0.5) ? 1 : 0));
  const label = (h: { number: string; title: string }): string =>
    h.number.includes('.') ? `${h.number} ${h.title}` : `${h.number}. ${h.title}`;
  if (tocStyle === 'column') {
    for (const h of headings) out.push(label(h));
    out.push('');
    for (const pg of pages) out.push(String(pg));
  } else {
    headings.forEach((h, k) => {
      out.push(
        tocStyle === 'tab'
          ? `${label(h)}\t${pages[k]}`
          : `${label(h)} ${'.'.repeat(int(4, 30))} ${pages[k]}`,
      );
    });
  }
  out.push('');
  const referencedSoFar = new Set<number>();
  let lastFnDefined = 0;
  for (let k = 0; k < body.length; k++) {
    const l = body[k]!;
    out.push(l.text);
    for (const r of l.refs) {
      referencedSoFar.add(r);
      if (!pageRefs.includes(r)) pageRefs.push(r);
    }
    onPage++;
    const next = body[k + 1];
    if (!md && onPage >= linesPerPage && l.breakOk && next && next.text !== '') {
      const mid =
        l.text !== '' && next.text !== '' && !/^(\d|\(|[\p{Lu}])/u.test(next.text) && l.breakOk;
      pageBreak(next.nextPara, mid && !/[.。:;；：]$/.test(l.text), lastFnDefined, referencedSoFar);
      lastFnDefined = Math.max(0, ...defined);
    }
  }
  out.push('');
  if (pageRefs.length || placement === 'end') {
    emitFootnotes(
      footnotes.map((f) => f.number),
      N + 1,
    );
  }
  out.push('');

  return {
    text: out.join('\n'),
    format,
    expected: {
      paragraphs: expectedParas,
      subParagraphs: expectedSubs,
      headings,
      footnotes,
      markersByParagraph,
      replacementCharacters: fffd,
    },
  };
}
