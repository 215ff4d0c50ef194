/**
 * Inline markup taken out of block text, so that blocks hold the readable text.
 *
 * Markdown (format 'markdown'): emphasis `*em*`, `_em_`, `**strong**`, `__strong__`, `***both***` →
 * the words; links `[label](url "title")`, `[label][ref]` → `label`; images `![alt](src)` → `alt`;
 * code spans `` `code` `` → `code`; autolinks `<https://…>` → the URL; backslash escapes `\*` → `*`
 * (not `\|`, which a table cell needs); a hard break's trailing backslash; HTML tags (`<br>`,
 * `<span …>`, comments) except a numeric `<sup>1</sup>`, which stays a footnote marker; link reference
 * definitions `[ref]: url`. Left alone: intra-word underscores (`snake_case_name`), asterisks that
 * cannot open or close emphasis (list bullets, `5 * 3`, a trailing `States*`), footnotes `[^1]`,
 * numeric citations `[1][2]`, table pipes.
 *
 * Extracted text (format 'text'): only the unambiguous full link `[label](target)` with a target
 * without spaces (`#`, a URL, a relative path) → `label`, `\(` `\)` unescaped inside the label.
 *
 * Everything taken out goes to `removed` as 'markup' (a link's URL too), with its line.
 */

/** Reports a removed piece: its text and the index (0-based) of the line it was on within the group. */
export type MarkupSink = (text: string, lineInGroup: number) => void;

/** Kept input text, input text taken out, input text held aside (restored at the end), or an added space. */
type Segment = string | { removed: string } | { held: string } | { insert: string };

/**
 * Replaces the matches of `re` in `s` by the kept segments of `fn(match)`, reporting the removed ones
 * with their line. Removed segments never hold a newline, so line numbers stay those of the input.
 */
function replaceTracked(
  s: string,
  re: RegExp,
  fn: (m: RegExpExecArray) => Segment[] | null,
  sink: MarkupSink,
  hold: (t: string) => string = (t) => t,
): string {
  let out = '';
  let pos = 0;
  let line = 0;
  let counted = 0;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    const segs = fn(m);
    if (!segs) continue;
    out += s.slice(pos, m.index);
    let at = m.index;
    for (const seg of segs) {
      if (typeof seg === 'string') {
        out += seg;
        at += seg.length;
      } else if ('held' in seg) {
        out += hold(seg.held);
        at += seg.held.length;
      } else if ('insert' in seg) {
        out += seg.insert;
      } else {
        for (; counted < at; counted++) if (s.charCodeAt(counted) === 10) line++;
        sink(seg.removed, line);
        at += seg.removed.length;
      }
    }
    pos = m.index + m[0].length;
  }
  return pos === 0 ? s : out + s.slice(pos);
}

const HTML_TAGS =
  'a|abbr|b|big|blockquote|br|caption|center|cite|code|del|dfn|div|em|font|h[1-6]|hr|i|img|ins|kbd|li|mark|nobr|ol|p|pre|q|s|samp|small|span|strike|strong|sub|sup|tt|u|ul|var|wbr';
const RE_CODE = /(?<!`)(`+)(?!`)([^`\n]*?[^`\n])\1(?!`)/g;
const RE_HARD_BREAK = /\\(?=\n|$)/g;
/** ASCII punctuation except `|` (an escaped pipe belongs to a table cell). */
const RE_ESCAPE = /\\([!-/:-@[-`{}~])/g;
const RE_AUTOLINK =
  /<((?:https?|ftp|mailto):[^\s<>]*|www\.[^\s<>]+|[^\s<>@/]+@[^\s<>@/]+\.[A-Za-z]{2,})>/gi;
const RE_HTML = new RegExp(
  `(<sup>\\s*\\d{1,4}\\s*</sup>)|<!--[^\\n]*?-->|</?(?:${HTML_TAGS})(?:\\s[^<>\\n]*)?/?>`,
  'gi',
);
/** `[label](target "title")`, `![alt](src)`; the label may be wrapped, the target and title not. */
const RE_MD_LINK =
  /(!?\[)(?!\^)([^[\]]*)(\][ \t]*\([ \t]*(?:<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\))/g;
const RE_MD_REF_LINK = /(!?\[)(?!\^)([^[\]]+)(\]\[(?!\^)[^[\]\n]*\])/g;
/** A link reference definition line: `[ref]: https://… "title"`. */
export const RE_MD_LINK_DEF =
  /^ {0,3}\[(?!\^)[^[\]]+\]:[ \t]*(?:<[^<>]*>|\S*[/.#:]\S*)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/;
/** Extracted text: `[label](target)` with a target without spaces. */
const RE_TEXT_LINK = /\[((?:[^[\]\\]|\\.)+)\]\(((?:[^\s()]|\([^\s()]*\))+)\)/g;
/** A bare URL, whose underscores are not emphasis. */
const RE_BARE_URL = /(?:https?:\/\/|www\.)[^\s<>]+/g;
const RE_PH = /\uE003(\d+)\uE004/g;

/** Emphasis of `n` delimiters `c` that can open (before a non-space) and close (after one). */
function emphasisRe(c: '*' | '_', n: number): RegExp {
  const d = c === '*' ? '\\*' : '_';
  const run = `${d}{${n}}`;
  return new RegExp(
    `(?<![\\p{L}\\p{N}${d}])(${run})(?![\\s${d}])([\\s\\S]*?[^\\s${d}]|[^\\s${d}])(${run})(?![\\p{L}\\p{N}${d}])`,
    'gu',
  );
}
const RE_EMPHASIS = [3, 2, 1].flatMap((n) => [emphasisRe('*', n), emphasisRe('_', n)]);

/**
 * Takes the inline markup out of a group of lines joined by `\n` (lines of one paragraph: emphasis and
 * link labels may be wrapped). Returns the group with the same number of lines.
 */
export function stripInlineMarkup(group: string, markdown: boolean, sink: MarkupSink): string {
  if (!markdown) {
    if (!group.includes('](')) return group;
    return replaceTracked(
      group,
      RE_TEXT_LINK,
      (m) => {
        const label = m[1]!;
        if (!label.trim()) return null;
        const segs: Segment[] = [{ removed: '[' }];
        let last = 0;
        for (const e of label.matchAll(/\\([()[\]])/g)) {
          segs.push(label.slice(last, e.index), { removed: '\\' });
          last = e.index + 1;
        }
        segs.push(label.slice(last), { removed: `](${m[2]!})` });
        return segs;
      },
      sink,
    );
  }
  if (!/[*_[\]`<\\]/.test(group) || /[\uE003\uE004]/.test(group)) return group;
  const held: string[] = [];
  const hold = (t: string): string => `\uE003${held.push(t) - 1}\uE004`;
  let s = group;
  const tracked = (re: RegExp, fn: (m: RegExpExecArray) => Segment[] | null): void => {
    s = replaceTracked(s, re, fn, sink, hold);
  };
  tracked(RE_CODE, (m) => [{ removed: m[1]! }, { held: m[2]! }, { removed: m[1]! }]);
  tracked(RE_HARD_BREAK, () => [{ removed: '\\' }]);
  tracked(RE_ESCAPE, (m) => [{ removed: '\\' }, { held: m[1]! }]);
  tracked(RE_AUTOLINK, (m) => [{ removed: '<' }, { held: m[1]! }, { removed: '>' }]);
  // block-level tags and <br> leave a space between the words they separated
  tracked(RE_HTML, (m) =>
    m[1]
      ? null
      : [
          { removed: m[0] },
          ...(/^<\/?(?:br|p|div|li|hr|h\d)\b/i.test(m[0]) ? [{ insert: ' ' }] : []),
        ],
  );
  // innermost first: `[![alt](img)](url)`
  for (let k = 0; k < 4; k++) {
    const before = s;
    tracked(RE_MD_LINK, (m) => [{ removed: m[1]! }, m[2]!, { removed: m[3]! }]);
    if (s === before) break;
  }
  tracked(RE_MD_REF_LINK, (m) =>
    /^\d+$/.test(m[2]!) ? null : [{ removed: m[1]! }, m[2]!, { removed: m[3]! }],
  );
  s = s.replace(RE_BARE_URL, hold);
  for (let k = 0; k < 4 && /[*_]/.test(s); k++) {
    const before = s;
    for (const re of RE_EMPHASIS) {
      tracked(re, (m) => [{ removed: m[1]! }, m[2]!, { removed: m[3]! }]);
    }
    if (s === before) break;
  }
  // held text may hold other held text (an escape inside an autolink)
  for (let k = 0; k < 4 && held.length > 0 && s.includes('\uE003'); k++) {
    s = s.replace(RE_PH, (m, i: string) => held[+i] ?? m);
  }
  return s;
}
