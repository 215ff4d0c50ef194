/**
 * Reading a ZIP archive's directory with limits, before anything unpacks it: DOCX and ODT files
 * are ZIP archives, and an archive of 55,000 empty parts, or of a few kilobytes that unpack to
 * gigabytes, stalls whatever opens it. The directory is read from the bytes, each part is then
 * unpacked once with its declared size as a hard ceiling, so the work is bounded by the limits
 * whatever the archive claims. Pure; throws ZipRefused.
 */
import { inflateRawSync } from 'node:zlib';

/** How much an archive may hold. */
export interface ZipLimits {
  /** Most parts (entries) in the archive. */
  maxEntries: number;
  /** Most bytes all parts unpack to together. */
  maxUnpackedBytes: number;
  /** Most times the archive's own size that its parts unpack to. */
  maxRatio: number;
}

/** A part of the archive as its directory lists it. */
export interface ZipEntry {
  name: string;
  /** Unpacked size in bytes (checked by unpacking). */
  size: number;
  /** The unpacked bytes, for the parts the caller asked to keep. */
  data?: Buffer;
}

/**
 * An archive refused by its structure or its limits; `reason` says why, for a reader, and
 * `overLimit` whether it is beyond the limits (else it is no readable archive at all).
 */
export class ZipRefused extends Error {
  readonly reason: string;
  readonly overLimit: boolean;
  constructor(reason: string, overLimit = false) {
    super(reason);
    this.name = 'ZipRefused';
    this.reason = reason;
    this.overLimit = overLimit;
  }
}

const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;
const localHeader = 0x04034b50;

/** The offset of the end-of-directory record (it ends the file, after at most a 64 KB comment). */
function findEndOfDirectory(bytes: Buffer): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === endOfDirectory) return i;
  }
  throw new ZipRefused('it is not a readable ZIP archive (no directory)');
}

/**
 * The parts of a ZIP archive, within the limits; throws ZipRefused. The parts `keep` names come
 * with their unpacked bytes (they are unpacked anyway, to check their size).
 */
export function inspectZip(
  input: Uint8Array,
  limits: ZipLimits,
  keep: (name: string) => boolean = () => false,
): ZipEntry[] {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length < 22) throw new ZipRefused('it is not a readable ZIP archive');
  const end = findEndOfDirectory(bytes);
  const declared = bytes.readUInt16LE(end + 10);
  if (declared > limits.maxEntries) {
    throw new ZipRefused(`it has ${declared} parts; the limit is ${limits.maxEntries}`, true);
  }
  let at = bytes.readUInt32LE(end + 16);
  const listed: (ZipEntry & { method: number; packed: number; offset: number })[] = [];
  let unpacked = 0;
  while (at + 46 <= end && bytes.readUInt32LE(at) === directoryEntry) {
    if (listed.length === limits.maxEntries) {
      throw new ZipRefused(`it has more than ${limits.maxEntries} parts`, true);
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const entry = {
      method: bytes.readUInt16LE(at + 10),
      packed: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    };
    unpacked += entry.size;
    if (unpacked > limits.maxUnpackedBytes) {
      throw new ZipRefused(`it unpacks to more than ${limits.maxUnpackedBytes / 1048576} MB`, true);
    }
    listed.push(entry);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  if (listed.length === 0) throw new ZipRefused('it is not a readable ZIP archive (no parts)');
  if (unpacked > limits.maxRatio * bytes.length) {
    throw new ZipRefused(`it unpacks to more than ${limits.maxRatio} times its size`, true);
  }
  return listed.map((entry) => {
    const data = unpackChecked(bytes, entry);
    return keep(entry.name)
      ? { name: entry.name, size: entry.size, data }
      : { name: entry.name, size: entry.size };
  });
}

/** Unpacks a part with its declared size as the ceiling: a part that lies is refused. */
function unpackChecked(
  bytes: Buffer,
  entry: ZipEntry & { method: number; packed: number; offset: number },
): Buffer {
  const at = entry.offset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== localHeader) {
    throw new ZipRefused(`its part "${entry.name}" cannot be found`);
  }
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.packed);
  let unpacked: Buffer;
  if (entry.method === 0) unpacked = data;
  else if (entry.method === 8) {
    try {
      unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      if (error instanceof RangeError) {
        throw new ZipRefused(`its part "${entry.name}" unpacks to more than it declares`, true);
      }
      throw new ZipRefused(`its part "${entry.name}" cannot be unpacked`);
    }
  } else throw new ZipRefused(`its part "${entry.name}" is packed in an unknown way`);
  if (unpacked.length !== entry.size) {
    throw new ZipRefused(`its part "${entry.name}" does not unpack to the size it declares`);
  }
  return unpacked;
}
