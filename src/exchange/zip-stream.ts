/**
 * A ZIP archive written as a stream (APPNOTE 6.3): each entry is deflated as its bytes arrive
 * and followed by a data descriptor, so nothing is held whole in memory and there is no size cap
 * (ZIP64 records where a size, an offset or the count needs them). An entry may also have been
 * deflated ahead into a temporary file (a spool) while the archive was busy with another, and is
 * then copied in. Reading the archive back is any ZIP reader's work; plenum only writes.
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Transform, TransformOptions } from 'node:stream';
import { constants, crc32, createDeflateRaw, type ZlibOptions } from 'node:zlib';

/**
 * One file of the archive: its path inside and its bytes, produced as the archive is read; or
 * its bytes deflated ahead (a spool's).
 */
export type ZipEntry =
  | { name: string; data: AsyncIterable<Uint8Array>; reuse?: ReuseChunk }
  | { name: string; deflated: DeflatedBytes };

/**
 * Takes back a chunk its writer gave, once the deflate has read all of it: the writer may fill it
 * again. A package's files pass some 340 MB through their chunks; a new buffer for each was
 * garbage that V8 collects only after tens of megabytes of it (the external memory it counts),
 * which stood as up to 65 MB of the export's resident memory.
 */
export type ReuseChunk = (chunk: Uint8Array) => void;

/** Bytes deflated ahead of the archive (raw deflate), with what its records say of them. */
export interface DeflatedBytes {
  /** CRC-32 of the bytes before deflate. */
  crc: number;
  /** Bytes before deflate. */
  size: number;
  /** Bytes after deflate: the length of `data`. */
  packed: number;
  data: AsyncIterable<Uint8Array>;
}

/**
 * The deflate of every entry: the fastest level (a consultation's submissions.csv packs to 27 %
 * of its size at level 1 and to 21 % at level 6, for six to twelve times the time), and output
 * chunks of 256 KB: a deflate stops when its output chunk is full and goes on only when the main
 * thread runs its callback, so an output chunk holds about a 512 KB input chunk's worth.
 */
const deflateOptions = { level: constants.Z_BEST_SPEED, chunkSize: 1 << 18 };

/**
 * What a deflate takes before its writer waits: a megabyte, so the rows' writer runs ahead while
 * the thread pool deflates. At the stream's default (16 KB, less than one chunk) every chunk
 * written waited for its own deflate, and the main thread stood idle for 45 % of a package's
 * time while the deflate waited in turn for the next chunk.
 */
export const deflateAhead = 1 << 20;

/**
 * A deflate that takes a megabyte ahead: a zlib stream is a Transform and takes its options too
 * (node:zlib passes them on), which the ZlibOptions type leaves out.
 */
const aheadOptions: ZlibOptions & Pick<TransformOptions, 'writableHighWaterMark'> = {
  ...deflateOptions,
  writableHighWaterMark: deflateAhead,
};

/**
 * Writes a chunk to a deflate, waiting while it holds its megabyte ahead; `reuse` gets the chunk
 * back once the deflate has read all of it (node:zlib calls a write's callback then), never if the
 * deflate was destroyed first.
 */
async function deflateChunk(
  deflater: Transform,
  chunk: Uint8Array,
  reuse: ReuseChunk | undefined,
  signal?: AbortSignal,
): Promise<void> {
  const ready = deflater.write(
    chunk,
    reuse && ((error: Error | null | undefined) => error || deflater.destroyed || reuse(chunk)),
  );
  if (!ready) await once(deflater, 'drain', { signal });
}

/**
 * An entry deflated into a temporary file while the archive writes another, to be copied in when
 * the archive reaches it: a walk that reads several files' rows at once streams the first into
 * the archive and spools the others, so each row is read once and none is held in memory.
 * Writing waits for the deflate and the disk (backpressure); `discard` stops it on any path.
 */
export class ZipSpool {
  readonly #path: string;
  readonly #deflater = createDeflateRaw(aheadOptions);
  readonly #written: Promise<void>;
  #crc = 0;
  #size = 0;

  /** A spool writing to the file at `path` (which it creates; the caller removes it). */
  constructor(path: string) {
    this.#path = path;
    this.#written = spoolInto(this.#deflater, path);
    // Awaited by `finish`; a failure meanwhile also fails the next `write`.
    this.#written.catch(() => {});
  }

  /**
   * Adds bytes to the entry, waiting while the deflate or the disk is behind; `reuse` gets the
   * chunk back once it has been read.
   */
  async write(chunk: Uint8Array, reuse?: ReuseChunk): Promise<void> {
    this.#crc = crc32(chunk, this.#crc);
    this.#size += chunk.length;
    await deflateChunk(this.#deflater, chunk, reuse);
  }

  /** Ends the entry: its deflated bytes, read back from the file when the archive copies them. */
  async finish(): Promise<DeflatedBytes> {
    this.#deflater.end();
    await this.#written;
    const path = this.#path;
    return {
      crc: this.#crc,
      size: this.#size,
      packed: (await stat(path)).size,
      // Opened when the archive reaches it: a spool never copied (an abandoned archive) holds no file open.
      data: (async function* () {
        yield* createReadStream(path, { highWaterMark: 1 << 16 });
      })(),
    };
  }

  /** Stops writing (the archive was abandoned); the file stays for the caller to remove. */
  discard(): void {
    this.#deflater.destroy();
  }
}

/** Bytes of deflated data gathered before a spool writes them to its file. */
const SPOOL_WRITE = 1 << 20;

/**
 * Writes a deflate's output into a new file at `path`, through one buffer of its own: each piece
 * the deflate gives is copied in and dies at once. Queued for a write stream, the pieces (57 MB
 * of a consultation's package) outlived V8's young-generation collections while the disk wrote
 * them, and stayed in memory, dead, until a full collection.
 */
async function spoolInto(deflater: Transform, path: string): Promise<void> {
  const file = await open(path, 'w');
  try {
    const buffer = Buffer.allocUnsafe(SPOOL_WRITE);
    let at = 0;
    for await (const out of deflater as AsyncIterable<Buffer>) {
      for (let from = 0; from < out.length;) {
        const copied = out.copy(buffer, at, from);
        at += copied;
        from += copied;
        if (at === buffer.length) {
          await file.write(buffer, 0, at);
          at = 0;
        }
      }
    }
    if (at > 0) await file.write(buffer, 0, at);
  } finally {
    await file.close();
  }
}

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;

/** The DOS date and time of an instant (UTC), as ZIP headers hold them. */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

/**
 * The archive's bytes, entry after entry as `entries` yields them; an entry's data is read only
 * when the archive reaches it, so a later entry may depend on what earlier ones wrote.
 */
export async function* zipStream(
  entries: AsyncIterable<ZipEntry>,
  modified: Date = new Date(),
): AsyncGenerator<Uint8Array> {
  const { time, date } = dosTime(modified);
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0808, 6); // sizes in a data descriptor; the name in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    // CRC and sizes (14–25) stay zero: they follow the data.
    local.writeUInt16LE(name.length, 26);
    name.copy(local, 30);
    yield local;

    let crc = 0;
    let size = 0;
    let packed = 0;
    if ('deflated' in entry) {
      ({ crc, size, packed } = entry.deflated);
      yield* entry.deflated.data;
    } else {
      const { data, reuse } = entry;
      const deflater = createDeflateRaw(aheadOptions);
      const abandoned = new AbortController();
      // The entry's bytes go into the deflate as the archive takes its output: the deflate holds
      // a megabyte ahead, and the source waits while it does.
      const fed = (async () => {
        for await (const chunk of data) {
          crc = crc32(chunk, crc);
          size += chunk.length;
          await deflateChunk(deflater, chunk, reuse, abandoned.signal);
        }
        deflater.end();
      })();
      fed.catch((error: unknown) => deflater.destroy(error as Error));
      try {
        for await (const out of deflater as AsyncIterable<Buffer>) {
          packed += out.length;
          yield out;
        }
        await fed;
      } finally {
        // An archive abandoned midway ends the entry's source too (its loop stops waiting and
        // returns the source).
        abandoned.abort();
        deflater.destroy();
      }
    }

    const big = size >= MAX32 || packed >= MAX32;
    const descriptor = Buffer.alloc(big ? 24 : 16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    if (big) {
      descriptor.writeBigUInt64LE(BigInt(packed), 8);
      descriptor.writeBigUInt64LE(BigInt(size), 16);
    } else {
      descriptor.writeUInt32LE(packed, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    yield descriptor;

    const wide = [size >= MAX32, packed >= MAX32, offset >= MAX32];
    const extraValues = [size, packed, offset].filter((_, i) => wide[i]);
    const extra = Buffer.alloc(extraValues.length > 0 ? 4 + 8 * extraValues.length : 0);
    if (extraValues.length > 0) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8 * extraValues.length, 2);
      extraValues.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
    }
    const record = Buffer.alloc(46 + name.length + extra.length);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE((3 << 8) | 45, 4); // made by: Unix, 4.5
    record.writeUInt16LE(extraValues.length > 0 ? 45 : 20, 6);
    record.writeUInt16LE(0x0808, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt16LE(time, 12);
    record.writeUInt16LE(date, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(wide[1] ? MAX32 : packed, 20);
    record.writeUInt32LE(wide[0] ? MAX32 : size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt16LE(extra.length, 30);
    record.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    record.writeUInt32LE(wide[2] ? MAX32 : offset, 42);
    name.copy(record, 46);
    extra.copy(record, 46 + name.length);
    central.push(record);
    offset += local.length + packed + descriptor.length;
    count += 1;
  }

  const directoryAt = offset;
  let directorySize = 0;
  for (const record of central) {
    directorySize += record.length;
    yield record;
  }
  if (count >= MAX16 || directoryAt >= MAX32 || directorySize >= MAX32) {
    const end64 = Buffer.alloc(56 + 20);
    end64.writeUInt32LE(0x06064b50, 0);
    end64.writeBigUInt64LE(44n, 4);
    end64.writeUInt16LE(45, 12);
    end64.writeUInt16LE(45, 14);
    end64.writeBigUInt64LE(BigInt(count), 24);
    end64.writeBigUInt64LE(BigInt(count), 32);
    end64.writeBigUInt64LE(BigInt(directorySize), 40);
    end64.writeBigUInt64LE(BigInt(directoryAt), 48);
    // The locator of the ZIP64 end record.
    end64.writeUInt32LE(0x07064b50, 56);
    end64.writeBigUInt64LE(BigInt(directoryAt + directorySize), 64);
    end64.writeUInt32LE(1, 72);
    yield end64;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, MAX16), 8);
  end.writeUInt16LE(Math.min(count, MAX16), 10);
  end.writeUInt32LE(Math.min(directorySize, MAX32), 12);
  end.writeUInt32LE(Math.min(directoryAt, MAX32), 16);
  yield end;
}

/**
 * A small archive of files known whole (a README, a descriptor, a few exports) as one byte array,
 * in the order given: the same writer as the streamed archives, for callers that send it whole.
 */
export async function zipFiles(
  files: { name: string; content: string | Uint8Array }[],
  modified: Date = new Date(),
): Promise<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  async function* entries(): AsyncGenerator<ZipEntry> {
    for (const file of files)
      yield {
        name: file.name,
        data: (async function* () {
          yield typeof file.content === 'string' ? encoder.encode(file.content) : file.content;
        })(),
      };
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of zipStream(entries(), modified)) chunks.push(chunk);
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
