/**
 * Reading Akoma Ntoso 3.0 XML into blocks: the XML plenum writes (src/interchange/akn.ts), whose
 * `<proprietary>` gives every block its plenum address, kind and level back, and the XML of other
 * tools (AKN4UN drafts), whose blocks take their numbers and addresses from their eIds and `<num>`.
 * Malformed XML, or XML that is not an Akoma Ntoso document, is refused with the first error and
 * its line (IMPORT_BAD_AKN).
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { PlenumError } from '../../errors.ts';
import {
  blockKinds,
  type BlockKind,
  type BlockMatter,
  type ParsedBlock,
  type ParseResult,
} from '../../documents/blocks.ts';

const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
const PLENUM_NAMESPACE = 'urn:plenum:akn:1';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

/** BCP 47 tags of the ISO 639-2 codes Akoma Ntoso names the six UN languages by. */
const bcp47: Record<string, string> = {
  ara: 'ar',
  zho: 'zh',
  chi: 'zh',
  eng: 'en',
  fra: 'fr',
  fre: 'fr',
  rus: 'ru',
  spa: 'es',
};

/** What the XML says of the document besides its blocks; the import fills what it was not told. */
export interface AknMetadata {
  symbol: string | null;
  title: string | null;
  kind: string | null;
  versionLabel: string | null;
  date: string | null;
  language: string | null;
}

/** The parse of an Akoma Ntoso file: its blocks and its metadata. */
export interface AknParse {
  result: ParseResult;
  metadata: AknMetadata;
}

function refuse(line: number | null | undefined, message: string): never {
  throw new PlenumError('IMPORT_BAD_AKN', line ? `Line ${line}: ${message}` : message);
}

function lineOf(node: Node | null | undefined): number | null {
  const n = (node as { lineNumber?: number } | null | undefined)?.lineNumber;
  return typeof n === 'number' ? n : null;
}

function elements(node: Node, name?: string): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== ELEMENT_NODE) continue;
    const el = c as Element;
    if (name === undefined || el.localName === name) out.push(el);
  }
  return out;
}

function first(node: Node, name: string): Element | undefined {
  return elements(node, name)[0];
}

/** The text of an element, its descendants' text included. */
function textOf(node: Node, depth = 0): string {
  if (depth > MAX_DEPTH) tooDeep(node);
  let out = '';
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_NODE) out += c.nodeValue ?? '';
    else if (c.nodeType === ELEMENT_NODE) out += textOf(c, depth + 1);
  }
  return out;
}

/** Parses the XML text; the first malformation is refused with its line. */
function parseXml(text: string): Element {
  let failure: { message: string; line: number | null } | undefined;
  const parser = new DOMParser({
    onError: (level, message, context) => {
      if (level === 'warning' || failure) return;
      const located = (context as { locator?: { lineNumber?: number } } | undefined)?.locator;
      const match = /line:?\s*(\d+)/i.exec(message);
      failure = {
        message: message
          .replace(/\s*@#\[line:\d+,col:\d+\]\s*$/, '')
          .split('\n')[0]!
          .trim(),
        line: located?.lineNumber ?? (match ? Number(match[1]) : null),
      };
    },
  });
  let root: Element | null = null;
  try {
    root = parser.parseFromString(text, 'text/xml').documentElement;
  } catch (error) {
    if (!failure) {
      const message = error instanceof Error ? error.message : String(error);
      const match = /line:?\s*(\d+)/i.exec(message);
      failure = { message: message.split('\n')[0]!, line: match ? Number(match[1]) : null };
    }
  }
  if (failure) refuse(failure.line, `the XML is not well formed: ${failure.message}`);
  if (!root) refuse(1, 'the file has no root element.');
  return root;
}

/** The details plenum wrote for each block, by eId (empty for other tools' XML). */
interface BlockNote {
  kind: BlockKind;
  address: string;
  number: string | null;
  level: number | null;
}

function readProprietary(meta: Element): {
  notes: Map<string, BlockNote>;
  language: string | null;
} {
  const notes = new Map<string, BlockNote>();
  let language: string | null = null;
  for (const proprietary of elements(meta, 'proprietary')) {
    for (const el of elements(proprietary)) {
      if (el.namespaceURI !== PLENUM_NAMESPACE) continue;
      if (el.localName === 'language') language = el.getAttribute('tag') || null;
      if (el.localName !== 'block') continue;
      const eId = el.getAttribute('eId');
      const kind = el.getAttribute('kind') as BlockKind;
      const address = el.getAttribute('address');
      if (!eId || !address || !(blockKinds as readonly string[]).includes(kind))
        refuse(lineOf(el), 'a plenum:block needs an eId, a known kind and an address.');
      const level = el.getAttribute('level');
      notes.set(eId, {
        kind,
        address,
        number: el.hasAttribute('number') ? el.getAttribute('number') : null,
        level: level ? Number(level) : null,
      });
    }
  }
  return { notes, language };
}

/** How deep elements may nest: real drafts nest a handful of levels; the walk is recursive. */
const MAX_DEPTH = 200;

function tooDeep(node: Node): never {
  refuse(lineOf(node), `elements nest more than ${MAX_DEPTH} levels deep.`);
}

/** Reads Akoma Ntoso XML into blocks and metadata. */
export function parseAkn(xml: string): AknParse {
  try {
    return readAkn(xml);
  } catch (error) {
    // Nesting deep enough to exhaust the stack anywhere (the XML parser included) is bad input.
    if (error instanceof RangeError)
      throw new PlenumError('IMPORT_BAD_AKN', 'Elements nest too deeply to be read.');
    throw error;
  }
}

function readAkn(xml: string): AknParse {
  const root = parseXml(xml);
  if (root.localName !== 'akomaNtoso' || root.namespaceURI !== AKN_NAMESPACE)
    refuse(
      lineOf(root),
      `the root element is <${root.tagName}>, not <akomaNtoso> in the Akoma Ntoso 3.0 namespace (${AKN_NAMESPACE}).`,
    );
  const doc = elements(root)[0];
  if (!doc) refuse(lineOf(root), '<akomaNtoso> holds no document element.');
  const meta = first(doc, 'meta');
  if (!meta) refuse(lineOf(doc), `<${doc.localName}> has no <meta>.`);
  const identification = first(meta, 'identification');
  if (!identification) refuse(lineOf(meta), '<meta> has no <identification>.');
  const work = first(identification, 'FRBRWork');
  const expression = first(identification, 'FRBRExpression');
  if (!work) refuse(lineOf(identification), '<identification> has no <FRBRWork>.');
  if (!expression) refuse(lineOf(identification), '<identification> has no <FRBRExpression>.');
  const frbrLanguage = first(expression, 'FRBRlanguage');
  if (!frbrLanguage?.getAttribute('language'))
    refuse(lineOf(expression), '<FRBRExpression> has no <FRBRlanguage language="…">.');
  const body = first(doc, 'mainBody') ?? first(doc, 'body');
  if (!body) refuse(lineOf(doc), `<${doc.localName}> has no <mainBody> or <body>.`);

  const { notes, language: plenumLanguage } = readProprietary(meta);
  const value = (parent: Element, name: string, attribute = 'value'): string | null =>
    first(parent, name)?.getAttribute(attribute) || null;
  const date = value(expression, 'FRBRdate', 'date') ?? value(work, 'FRBRdate', 'date');
  if (date !== null && !/^\d{4}-\d{2}-\d{2}/.test(date))
    refuse(lineOf(first(expression, 'FRBRdate') ?? work), `FRBRdate "${date}" is not a date.`);
  const code = frbrLanguage.getAttribute('language')!;

  const preface = first(doc, 'preface');
  const longTitle = preface ? first(preface, 'longTitle') : undefined;
  const find = (node: Node, name: string, depth = 0): Element | undefined => {
    if (depth > MAX_DEPTH) tooDeep(node);
    for (const el of elements(node)) {
      if (el.localName === name) return el;
      const inner = find(el, name, depth + 1);
      if (inner) return inner;
    }
    return undefined;
  };
  const docTitle = longTitle ? find(longTitle, 'docTitle') : undefined;
  const docNumber = longTitle ? find(longTitle, 'docNumber') : undefined;

  const reader = new BlockReader(notes);
  if (preface)
    for (const el of elements(preface))
      if (el.localName !== 'longTitle') reader.matter(el, 'front');
  reader.body(body);
  const conclusions = first(doc, 'conclusions');
  if (conclusions) for (const el of elements(conclusions)) reader.matter(el, 'back');
  const blocks = reader.finish();

  return {
    result: {
      title: docTitle ? textOf(docTitle).trim() || null : null,
      blocks,
      removed: [],
      warnings: reader.warnings,
    },
    metadata: {
      symbol: value(work, 'FRBRnumber') ?? (docNumber ? textOf(docNumber).trim() || null : null),
      title: value(work, 'FRBRname'),
      kind: value(work, 'FRBRsubtype') ?? doc.getAttribute('name'),
      versionLabel: value(expression, 'FRBRversionNumber'),
      date: date?.slice(0, 10) ?? null,
      language: plenumLanguage ?? bcp47[code.toLowerCase()] ?? code,
    },
  };
}

/** Elements that hold a block's own text, not blocks of their own. */
const textHolders = new Set(['num', 'heading', 'subheading', 'content', 'intro', 'wrapUp']);

/** Walks the body and the matter, block by block, in reading order. */
class BlockReader {
  readonly warnings: ParseResult['warnings'] = [];
  private readonly blocks: ParsedBlock[] = [];
  private readonly footnotes: ParsedBlock[] = [];
  private readonly footnoteByEId = new Map<string, ParsedBlock>();
  private readonly pending: { block: ParsedBlock; index: number; href: string }[] = [];
  private keys = 0;
  private readonly notes: Map<string, BlockNote>;
  private readonly seen = new Set<string>();

  constructor(notes: Map<string, BlockNote>) {
    this.notes = notes;
  }

  private key(): string {
    return `b${++this.keys}`;
  }

  private note(el: Element): BlockNote | undefined {
    const eId = el.getAttribute('eId');
    if (!eId) return undefined;
    if (this.seen.has(eId)) refuse(lineOf(el), `the eId "${eId}" is used twice.`);
    this.seen.add(eId);
    return this.notes.get(eId);
  }

  /** A front or back matter container (or a bare block). */
  matter(el: Element, matter: BlockMatter): void {
    const note = this.note(el);
    const table = el.localName === 'table' ? el : first(el, 'table');
    const block = this.newBlock({
      kind: note?.kind ?? (table ? 'table' : 'paragraph'),
      parentKey: null,
      number: note?.number ?? null,
      label: null,
      level: note?.level ?? null,
      address: note?.address ?? `${matter} ${this.blocks.length + 1}`,
    });
    block.matter = matter;
    if (table) this.fillTable(block, table);
    else this.fillText(block, el.localName === 'p' ? el : (first(el, 'p') ?? el));
  }

  /** The body's children, recursively. */
  body(body: Element): void {
    for (const el of elements(body)) this.hier(el, null, 1);
  }

  private hier(el: Element, parent: ParsedBlock | null, depth: number): void {
    if (depth > MAX_DEPTH) tooDeep(el);
    const name = el.localName ?? '';
    if (name === 'p' || name === 'blockList' || name === 'table') {
      // A bare block in the body: an unnumbered paragraph (or table).
      const block = this.newBlock({
        kind: name === 'table' ? 'table' : 'paragraph',
        parentKey: parent?.key ?? null,
        number: null,
        label: null,
        level: null,
        address: this.fallbackAddress(el, parent, null, 'paragraph'),
      });
      this.note(el);
      if (name === 'table') this.fillTable(block, el);
      else this.fillText(block, el);
      return;
    }
    const note = this.note(el);
    const num = first(el, 'num');
    const heading = first(el, 'heading');
    const content = first(el, 'content') ?? first(el, 'intro');
    const label = num ? textOf(num).trim() || null : null;
    const hname = el.getAttribute('name');
    const kind: BlockKind =
      note?.kind ??
      (name === 'paragraph' || name === 'subparagraph'
        ? 'paragraph'
        : hname && (blockKinds as readonly string[]).includes(hname)
          ? (hname as BlockKind)
          : heading
            ? 'heading'
            : 'paragraph');
    const number = note ? note.number : numberOf(el, label);
    const block = this.newBlock({
      kind,
      parentKey: parent?.key ?? null,
      number,
      label,
      level: note ? note.level : kind === 'heading' || name.startsWith('sub') ? depth : null,
      address: note?.address ?? this.fallbackAddress(el, parent, number, kind),
    });
    if (kind === 'heading' && heading) this.fillText(block, heading);
    else if (content) {
      const table = first(content, 'table');
      if (kind === 'table' && table) this.fillTable(block, table);
      else this.fillText(block, first(content, 'p') ?? content);
    } else if (heading) this.fillText(block, heading);
    for (const child of elements(el)) {
      if (textHolders.has(child.localName ?? '')) continue;
      this.hier(child, block, depth + 1);
    }
  }

  /** An address for a block of another tool's XML: `para 38`, `para 38(b)`, or by position. */
  private fallbackAddress(
    el: Element,
    parent: ParsedBlock | null,
    number: string | null,
    kind: BlockKind,
  ): string {
    if (number !== null && kind === 'paragraph')
      return parent ? `${parent.address}(${number})` : `para ${number}`;
    if (number !== null && kind === 'heading') return `§${number}`;
    const eId = el.getAttribute('eId');
    return eId ? eId.replace(/__/g, ' ').replace(/_/g, ' ') : `block ${this.blocks.length + 1}`;
  }

  private newBlock(
    given: Omit<ParsedBlock, 'key' | 'text' | 'rows' | 'footnoteRefs' | 'label'> & {
      label: string | null;
    },
  ): ParsedBlock {
    const { label, ...rest } = given;
    const block: ParsedBlock = {
      key: this.key(),
      ...rest,
      ...(label === null ? {} : { label }),
      text: '',
      rows: null,
      footnoteRefs: [],
    };
    this.blocks.push(block);
    return block;
  }

  private fillTable(block: ParsedBlock, table: Element): void {
    block.rows = elements(table, 'tr').map((tr) =>
      elements(tr)
        .filter((c) => c.localName === 'td' || c.localName === 'th')
        .map((cell) => textOf(cell).trim()),
    );
    block.text = block.rows.map((r) => r.join(' | ')).join('\n');
  }

  /** The text of a block, with its footnotes taken out as markers and footnote blocks. */
  private fillText(block: ParsedBlock, el: Element): void {
    let text = '';
    let depth = 0;
    const walk = (node: Node): void => {
      if (++depth > MAX_DEPTH) tooDeep(node);
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_NODE) {
          text += c.nodeValue ?? '';
          continue;
        }
        if (c.nodeType !== ELEMENT_NODE) continue;
        const child = c as Element;
        if (child.localName === 'authorialNote') {
          const marker = child.getAttribute('marker') ?? String(this.footnotes.length + 1);
          const footnote = this.footnote(child, marker);
          block.footnoteRefs.push({ marker, offset: text.length, footnoteKey: footnote.key });
        } else if (child.localName === 'noteRef') {
          const marker = child.getAttribute('marker') ?? '';
          const href = (child.getAttribute('href') ?? '').replace(/^#/, '');
          block.footnoteRefs.push({ marker, offset: text.length, footnoteKey: null });
          if (href) this.pending.push({ block, index: block.footnoteRefs.length - 1, href });
        } else if (child.localName === 'p' && text !== '') {
          text += '\n';
          walk(child);
        } else walk(child);
      }
      depth--;
    };
    walk(el);
    block.text = text;
  }

  private footnote(el: Element, marker: string): ParsedBlock {
    const note = this.note(el);
    const eId = el.getAttribute('eId');
    const block: ParsedBlock = {
      key: this.key(),
      kind: 'footnote',
      parentKey: null,
      number: note ? note.number : marker,
      label: marker,
      level: note?.level ?? null,
      address: note?.address ?? `fn ${marker}`,
      text: '',
      rows: null,
      footnoteRefs: [],
    };
    this.footnotes.push(block);
    if (eId) this.footnoteByEId.set(eId, block);
    this.fillText(block, elements(el).length === 1 && first(el, 'p') ? first(el, 'p')! : el);
    return block;
  }

  /** The blocks in reading order, footnotes written inline after the body and its matter. */
  finish(): ParsedBlock[] {
    for (const { block, index, href } of this.pending) {
      const footnote = this.footnoteByEId.get(href);
      if (footnote) block.footnoteRefs[index]!.footnoteKey = footnote.key;
    }
    return [...this.blocks, ...this.footnotes];
  }
}

/** A block's number from its eId's last part (`para_38__subpara_b` → `b`), else from its `num`. */
function numberOf(el: Element, label: string | null): string | null {
  const eId = el.getAttribute('eId') ?? '';
  const last = eId.split('__').pop() ?? '';
  const match = /^(?:para|subpara|chp|sec|art|point|item|list|title|part)_(.+)$/.exec(last);
  if (match) return match[1]!;
  if (label === null) return null;
  const stripped = label.replace(/^[([]|[.)\]:]+$/g, '').trim();
  return stripped || null;
}
