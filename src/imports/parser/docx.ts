/**
 * DOCX import: mammoth turns the Word document into HTML (headings, numbered and bulleted lists, tables,
 * footnotes); this module turns that HTML into Markdown-like lines and runs the same parser as for text.
 *
 * - Word headings (Heading 1–6, Title) become `#` headings;
 * - numbered list paragraphs (Word's automatic paragraph numbering) become `1.`, `2.` … numbered
 *   paragraphs, nested levels `(a)`, `(b)` … then `(i)`, `(ii)` … (mammoth does not expose the printed
 *   number, so it is counted; a list that restarts in the middle of the document restarts the count);
 * - bulleted lists become `-` items, tables pipe rows, footnote and endnote references `[^n]`, and the
 *   footnotes `[^n]: text` definitions after the body.
 *
 * Accounting (accounting.ts) applies to the intermediate text, not to the DOCX bytes.
 */
import mammoth from 'mammoth';
import { PlenumError } from '../../errors.ts';
import type { ParseResult } from '../../documents/blocks.ts';
import { refuseForbiddenText } from '../../text/allowed-text.ts';
import { parseText } from './parse-text.ts';

/** Options of {@link parseDocx}. */
export interface ParseDocxOptions {
  language?: string;
}

interface HNode {
  tag: string;
  attrs: Record<string, string>;
  children: (HNode | string)[];
}

const VOID = new Set(['br', 'img', 'hr']);

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_m, e: string) => {
    const l = e.toLowerCase();
    if (l === 'amp') return '&';
    if (l === 'lt') return '<';
    if (l === 'gt') return '>';
    if (l === 'quot') return '"';
    if (l === 'apos') return "'";
    if (l === 'nbsp') return '\u00a0';
    return String.fromCodePoint(
      l.startsWith('#x') ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10),
    );
  });
}

/** A small parser for mammoth's well-formed HTML. */
function parseHtml(html: string): HNode {
  const root: HNode = { tag: 'root', attrs: {}, children: [] };
  const stack: HNode[] = [root];
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*?)(\/?)>|([^<]+)/g;
  for (const m of html.matchAll(re)) {
    const top = stack[stack.length - 1]!;
    if (m[5] !== undefined) {
      top.children.push(decodeEntities(m[5]));
      continue;
    }
    const tag = m[2]!.toLowerCase();
    if (m[1]) {
      const idx = stack.map((n) => n.tag).lastIndexOf(tag);
      if (idx > 0) stack.length = idx;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) attrs[a[1]!] = decodeEntities(a[2]!);
    const node: HNode = { tag, attrs, children: [] };
    top.children.push(node);
    if (!m[4] && !VOID.has(tag)) stack.push(node);
  }
  return root;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
function toRoman(n: number): string {
  const table: [number, string][] = [
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}
function letterLabel(n: number): string {
  return n <= 26
    ? LETTERS[n - 1]!
    : LETTERS[Math.floor((n - 1) / 26) - 1]! + LETTERS[(n - 1) % 26]!;
}

/** Converts mammoth HTML to the Markdown-like text parseText reads. */
export function docxHtmlToText(html: string): string {
  const root = parseHtml(html);
  const out: string[] = [];
  const footnotes: string[] = [];
  let paraCounter = 0;

  const inline = (n: HNode | string): string => {
    if (typeof n === 'string') return n.replace(/[\r\n]+/g, ' ');
    if (n.tag === 'br') return ' ';
    if (n.tag === 'a') {
      const ref = /^(?:foot|end)note-ref-(.+)$/.exec(n.attrs.id ?? '');
      if (ref) return `[^${ref[1]}]`;
      if (/^#(?:foot|end)note-ref-/.test(n.attrs.href ?? '')) return ''; // the back link "↑"
    }
    return n.children.map(inline).join('');
  };
  const block = (line: string): void => {
    const t = line.replace(/[ \t]+/g, ' ').trim();
    if (t) out.push(t, '');
  };
  const list = (n: HNode, depth: number): void => {
    let k = 0;
    for (const li of n.children) {
      if (typeof li === 'string' || li.tag !== 'li') continue;
      k++;
      const textParts: string[] = [];
      const nested: HNode[] = [];
      for (const c of li.children) {
        if (typeof c !== 'string' && (c.tag === 'ol' || c.tag === 'ul')) nested.push(c);
        else textParts.push(inline(c));
      }
      const text = textParts.join(' ').replace(/\s+/g, ' ').trim();
      let label: string;
      if (n.tag === 'ul') label = '  '.repeat(depth) + '-';
      else if (depth === 0) label = `${++paraCounter}.`;
      else if (depth === 1) label = `(${letterLabel(k)})`;
      else label = `(${toRoman(k)})`;
      if (text) out.push(`${label} ${text}`, '');
      for (const c of nested) list(c, depth + 1);
    }
  };
  const walk = (n: HNode): void => {
    for (const c of n.children) {
      if (typeof c === 'string') {
        block(c);
        continue;
      }
      const h = /^h([1-6])$/.exec(c.tag);
      if (h) block(`${'#'.repeat(+h[1]!)} ${inline(c)}`);
      else if (c.tag === 'p') block(inline(c));
      else if (c.tag === 'ol' || c.tag === 'ul') {
        const notes = c.children.filter(
          (li): li is HNode =>
            typeof li !== 'string' && /^(?:foot|end)note-/.test(li.attrs.id ?? ''),
        );
        if (notes.length > 0) {
          for (const li of notes) {
            const id = /^(?:foot|end)note-(.+)$/.exec(li.attrs.id!)![1]!;
            const text = li.children
              .map((x) => inline(x))
              .join(' ')
              .replace(/\s+/g, ' ')
              .trim();
            footnotes.push(`[^${id}]: ${text}`, '');
          }
        } else list(c, 0);
      } else if (c.tag === 'table') {
        for (const tr of collect(c, 'tr')) {
          const cells = tr.children
            .filter((x): x is HNode => typeof x !== 'string' && (x.tag === 'td' || x.tag === 'th'))
            .map((x) => inline(x).replace(/\|/g, '/').replace(/\s+/g, ' ').trim());
          out.push(`| ${cells.join(' | ')} |`);
        }
        out.push('');
      } else walk(c);
    }
  };
  const collect = (n: HNode, tag: string): HNode[] => {
    const acc: HNode[] = [];
    for (const c of n.children) {
      if (typeof c === 'string') continue;
      if (c.tag === tag) acc.push(c);
      else acc.push(...collect(c, tag));
    }
    return acc;
  };
  walk(root);
  return [...out, ...footnotes].join('\n');
}

/** Parses a DOCX file. Throws PlenumError IMPORT_BAD_DOCX when it cannot be read. */
export async function parseDocx(
  bytes: Uint8Array,
  options: ParseDocxOptions = {},
): Promise<ParseResult> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
        ignoreEmptyParagraphs: true,
      },
    );
    html = result.value;
  } catch (err) {
    throw new PlenumError(
      'IMPORT_BAD_DOCX',
      err instanceof Error ? err.message.split('\n')[0] : undefined,
    );
  }
  const text = docxHtmlToText(html);
  refuseForbiddenText(text, 'file');
  const language = options.language;
  return parseText(
    text,
    language === undefined ? { format: 'markdown' } : { format: 'markdown', language },
  );
}
