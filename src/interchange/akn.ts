/**
 * Akoma Ntoso 3.0 (the AKN4UN profile) written from one language version: pure string building.
 * FRBR work (the document), expression (this version in this language) and manifestation (this
 * XML); eIds after the AKN naming convention (`para_38`, `para_38__subpara_b`); footnotes as
 * `authorialNote` where their marker stands; the symbol and the date in the preface. What Akoma
 * Ntoso has no place for (a block's plenum address, kind and level) rides in `<proprietary>`, so
 * that `src/imports/parser/akn.ts` reads the same blocks back.
 */
import type {
  Block,
  LanguageVersion,
  PlenumDocument,
  Version,
} from '../documents/documents.schema.ts';

/** The Akoma Ntoso 3.0 namespace. */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
/** The namespace of plenum's own metadata inside `<proprietary>`. */
export const PLENUM_AKN_NAMESPACE = 'urn:plenum:akn:1';

/** ISO 639-2/B codes Akoma Ntoso names languages by, for the six UN languages. */
const iso639_2: Record<string, string> = {
  ar: 'ara',
  zh: 'zho',
  en: 'eng',
  fr: 'fra',
  ru: 'rus',
  es: 'spa',
};

/** The language as Akoma Ntoso's FRBRlanguage writes it: `eng`, or the tag itself elsewhere. */
export function aknLanguage(tag: string): string {
  const base = tag.toLowerCase().split('-')[0]!;
  return iso639_2[base] && !tag.includes('-') ? iso639_2[base] : tag;
}

/** XML text escaping (also for attribute values, which are always in double quotes). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[^\t\n\r\u0020-\uFFFD]/g, ''); // characters XML 1.0 cannot carry
}

/** One piece of an eId: no whitespace, no `_` runs that the hierarchy separator uses. */
function idPart(value: string): string {
  return value.trim().replace(/\s+/g, '-').replace(/_+/g, '-') || 'x';
}

/** The symbol as one URI segment (slashes of `A/AC.290/2021/CRP.2` become `_`). */
function symbolSegment(symbol: string | null, documentId: string): string {
  return symbol ? encodeURIComponent(symbol.replace(/\//g, '_')) : documentId;
}

/** What the writer needs: the document, the version, the language version and its blocks. */
export interface AknSource {
  document: Pick<PlenumDocument, 'id' | 'symbol' | 'title' | 'kind'>;
  version: Pick<Version, 'id' | 'seq' | 'label' | 'date'>;
  languageVersion: Pick<LanguageVersion, 'language' | 'title' | 'importedAt'>;
  blocks: Block[];
}

/** The date the FRBR dates carry: the version's, else the day its text was imported. */
export function aknDate(source: AknSource): string {
  return source.version.date ?? source.languageVersion.importedAt.slice(0, 10);
}

/** The FRBR URIs of a version in a language (AKN4UN: `/akn/un/doc/{kind}/{date}/{symbol}`). */
export function frbrUris(source: AknSource): {
  work: string;
  expression: string;
  manifestation: string;
} {
  const date = aknDate(source);
  const work = `/akn/un/doc/${source.document.kind}/${date}/${symbolSegment(source.document.symbol, source.document.id)}`;
  const expression = `${work}/${aknLanguage(source.languageVersion.language)}@${date}`;
  return { work, expression, manifestation: `${expression}.akn` };
}

/** Writes the XML of one language version. Deterministic: the same blocks give the same bytes. */
export function writeAkn(source: AknSource): string {
  const { document, version, languageVersion, blocks } = source;
  const uris = frbrUris(source);
  const date = aknDate(source);
  const lang = aknLanguage(languageVersion.language);
  const title = languageVersion.title ?? document.title;

  const children = new Map<string, Block[]>();
  for (const block of blocks) {
    if (block.parentId === null) continue;
    const list = children.get(block.parentId) ?? [];
    list.push(block);
    children.set(block.parentId, list);
  }
  const byId = new Map(blocks.map((b) => [b.id, b] as const));

  // Footnotes referenced from a text block are written where their first marker stands.
  const referenced = new Set<string>();
  for (const block of blocks) {
    if (block.kind === 'table') continue;
    for (const ref of block.footnoteRefs) if (ref.footnoteId) referenced.add(ref.footnoteId);
  }

  const used = new Set<string>();
  const unique = (eId: string): string => {
    let candidate = eId;
    for (let k = 2; used.has(candidate); k++) candidate = `${eId}-${k}`;
    used.add(candidate);
    return candidate;
  };
  const counters = new Map<string, number>();
  const ordinal = (key: string): number => {
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };

  const meta: string[] = [];
  const eIdOf = new Map<string, string>();
  const noteEId = new Map<string, string>();
  const record = (block: Block, eId: string): void => {
    eIdOf.set(block.id, eId);
    meta.push(
      `<plenum:block eId="${escapeXml(eId)}" kind="${block.kind}" address="${escapeXml(block.address)}"${block.number === null ? '' : ` number="${escapeXml(block.number)}"`}${block.level === null ? '' : ` level="${block.level}"`}/>`,
    );
  };

  /** A block's text with its footnotes: authorialNote at the first marker, noteRef after. */
  const inline = (block: Block, ownEId: string): string => {
    const refs = [...block.footnoteRefs].sort((a, b) => a.offset - b.offset);
    let out = '';
    let at = 0;
    let notes = 0;
    for (const ref of refs) {
      const offset = Math.min(Math.max(ref.offset, at), block.text.length);
      out += escapeXml(block.text.slice(at, offset));
      at = offset;
      const footnote = ref.footnoteId ? byId.get(ref.footnoteId) : undefined;
      if (footnote && !noteEId.has(footnote.id)) {
        const eId = unique(`${ownEId}__authorialNote_${++notes}`);
        noteEId.set(footnote.id, eId);
        record(footnote, eId);
        out += `<authorialNote marker="${escapeXml(ref.marker)}" placement="bottom" eId="${escapeXml(eId)}"><p>${inline(footnote, eId)}</p></authorialNote>`;
      } else {
        const target = footnote ? noteEId.get(footnote.id) : undefined;
        out += `<noteRef marker="${escapeXml(ref.marker)}" href="#${target ? escapeXml(target) : ''}"/>`;
      }
    }
    return out + escapeXml(block.text.slice(at));
  };

  const table = (block: Block, eId: string): string => {
    const rows = (block.rows ?? [[block.text]]).map(
      (row) => `<tr>${row.map((cell) => `<td><p>${escapeXml(cell)}</p></td>`).join('')}</tr>`,
    );
    return `<table eId="${escapeXml(eId)}__table_1">${rows.join('')}</table>`;
  };

  /** A body block and the blocks nested in it. */
  const hier = (block: Block, parentEId: string | null): string => {
    const kids = (children.get(block.id) ?? []).filter((b) => !referenced.has(b.id));
    const prefix = parentEId ? `${parentEId}__` : '';
    let element: string;
    let eId: string;
    let name = '';
    if (block.kind === 'paragraph' && block.number !== null) {
      const sub = block.parentId !== null && byId.get(block.parentId)?.kind === 'paragraph';
      element = sub ? 'subparagraph' : 'paragraph';
      eId = unique(`${prefix}${sub ? 'subpara' : 'para'}_${idPart(block.number)}`);
    } else {
      element = 'hcontainer';
      name = block.kind === 'paragraph' ? 'unnumberedParagraph' : block.kind;
      eId = unique(`${prefix}hcontainer_${ordinal(`${prefix}hcontainer`)}`);
    }
    record(block, eId);
    const head = `<${element} eId="${escapeXml(eId)}"${name ? ` name="${name}"` : ''}>`;
    const num = block.label !== null ? `<num>${escapeXml(block.label)}</num>` : '';
    if (block.kind === 'heading') {
      return `${head}${num}<heading>${inline(block, eId)}</heading>${kids.map((k) => hier(k, eId)).join('')}</${element}>`;
    }
    const body = block.kind === 'table' ? table(block, eId) : `<p>${inline(block, eId)}</p>`;
    if (kids.length === 0) return `${head}${num}<content>${body}</content></${element}>`;
    const intro = block.text === '' && block.kind !== 'table' ? '' : `<intro>${body}</intro>`;
    return `${head}${num}${intro}${kids.map((k) => hier(k, eId)).join('')}</${element}>`;
  };

  /** A front or back matter block, as a container of the preface or the conclusions. */
  const container = (block: Block): string => {
    const eId = unique(`container_${ordinal('container')}`);
    record(block, eId);
    const body = block.kind === 'table' ? table(block, eId) : `<p>${inline(block, eId)}</p>`;
    return `<container eId="${escapeXml(eId)}" name="${block.kind}">${body}</container>`;
  };

  const roots = blocks.filter((b) => b.parentId === null || !byId.has(b.parentId));
  const front = roots.filter((b) => b.matter === 'front' && !referenced.has(b.id));
  const back = roots.filter((b) => b.matter === 'back' && !referenced.has(b.id));
  const body = roots.filter((b) => b.matter === null && !referenced.has(b.id));

  const longTitle = `<longTitle eId="longTitle_1"><p><docTitle>${escapeXml(title)}</docTitle>${document.symbol ? ` <docNumber>${escapeXml(document.symbol)}</docNumber>` : ''} <docDate date="${date}">${date}</docDate></p></longTitle>`;
  const preface = `<preface>${longTitle}${front.map(container).join('')}</preface>`;
  const mainBody = `<mainBody>${body.map((b) => hier(b, null)).join('') || '<p/>'}</mainBody>`;
  const conclusions = back.length
    ? `<conclusions>${back.map(container).join('')}</conclusions>`
    : '';

  const author = '<FRBRauthor href="#plenum"/>';
  const frbrDate = `<FRBRdate date="${date}" name="version"/>`;
  const identification = [
    '<identification source="#plenum">',
    `<FRBRWork><FRBRthis value="${escapeXml(uris.work)}/!main"/><FRBRuri value="${escapeXml(uris.work)}"/>${frbrDate}${author}<FRBRcountry value="un"/><FRBRsubtype value="${document.kind}"/>${document.symbol ? `<FRBRnumber value="${escapeXml(document.symbol)}"/>` : ''}<FRBRname value="${escapeXml(document.title)}"/></FRBRWork>`,
    `<FRBRExpression><FRBRthis value="${escapeXml(uris.expression)}/!main"/><FRBRuri value="${escapeXml(uris.expression)}"/>${frbrDate}${author}<FRBRversionNumber value="${escapeXml(version.label)}"/><FRBRlanguage language="${escapeXml(lang)}"/></FRBRExpression>`,
    `<FRBRManifestation><FRBRthis value="${escapeXml(uris.manifestation)}/!main.xml"/><FRBRuri value="${escapeXml(uris.manifestation)}"/>${frbrDate}${author}<FRBRformat value="application/akn+xml"/></FRBRManifestation>`,
    '</identification>',
  ].join('\n');
  const references =
    '<references source="#plenum"><TLCOrganization eId="plenum" href="/ontology/organization/plenum" showAs="plenum"/></references>';
  const proprietary = `<proprietary source="#plenum" xmlns:plenum="${PLENUM_AKN_NAMESPACE}"><plenum:language tag="${escapeXml(languageVersion.language)}"/>\n${meta.join('\n')}\n</proprietary>`;

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<akomaNtoso xmlns="${AKN_NAMESPACE}">`,
    `<doc name="${document.kind}">`,
    `<meta>\n${identification}\n${references}\n${proprietary}\n</meta>`,
    preface,
    mainBody,
    ...(conclusions ? [conclusions] : []),
    '</doc>',
    '</akomaNtoso>',
    '',
  ].join('\n');
}
