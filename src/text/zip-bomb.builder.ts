/**
 * Test and bench support: ZIP archives made byte by byte, shaped as a DOCX (its two required
 * parts) and padded with many empty parts or one part that unpacks far beyond its packed size.
 */
import { deflateRawSync } from 'node:zlib';

interface Part {
  name: string;
  data: Buffer;
  /** Deflated (8) or stored (0). */
  method: 0 | 8;
  /** The unpacked size the directory declares, when it lies. */
  declared?: number;
}

/** A ZIP archive of these parts, with a correct directory (CRCs left at zero: nothing checks them). */
function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const packed = part.method === 8 ? deflateRawSync(part.data) : part.data;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(part.method, 10);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(part.declared ?? part.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    directory.push(entry, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const docxParts = (documentXml: Buffer): Part[] => [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), method: 8 },
  { name: 'word/document.xml', data: documentXml, method: 8 },
];

/** A DOCX holding `count` empty parts besides its own (55,000 make about 4.7 MB). */
export function buildDocxOfEmptyParts(count: number): Buffer {
  const empty = Array.from({ length: count }, (_, i) => ({
    name: `e/${i.toString(36).padStart(4, '0')}`,
    data: Buffer.alloc(0),
    method: 0 as const,
  }));
  return zipOf([...docxParts(Buffer.from('<w:document/>')), ...empty]);
}

/** A DOCX whose document part is `megabytes` MB of XML that packs to a few hundred KB. */
export function buildDocxOfLargeXml(megabytes: number): Buffer {
  const paragraph = '<w:p><w:r><w:t>The same sentence, again and again.</w:t></w:r></w:p>';
  const xml = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph.repeat(
    Math.ceil((megabytes * 1048576) / paragraph.length),
  )}</w:body></w:document>`;
  return zipOf(docxParts(Buffer.from(xml)));
}

/** A DOCX whose document part unpacks to `megabytes` MB but declares only 10 bytes. */
export function buildDocxDeclaringLess(megabytes: number): Buffer {
  const [types, document] = docxParts(Buffer.alloc(megabytes * 1048576, 'a'));
  return zipOf([types!, { ...document!, declared: 10 }]);
}
