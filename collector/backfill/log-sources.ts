import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * The files of an import (plain or gzip, told by their first bytes, not their names) or stdin.
 * A source is opened twice: once to find its first timestamp (so a rotated set given in any
 * order is read oldest first), once to read it.
 */

export interface LogSource {
  /** As the user named it; `-` is stdin. */
  readonly name: string;
  readonly gzip: boolean;
  /** Bytes on disk (compressed for gzip); null for stdin. */
  readonly size: number | null;
  /** Raw bytes as read from disk or stdin (progress counts these). */
  open(): Readable;
}

const GZIP_MAGIC = [0x1f, 0x8b];

export class SourceError extends Error {
  override name = 'SourceError';
}

function isGzipFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const n = readSync(fd, head, 0, 2, 0);
    return n === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } finally {
    closeSync(fd);
  }
}

export function fileSource(path: string): LogSource {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new SourceError(`${path}: not a regular file`);
    size = st.size;
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError(`${path}: cannot read (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))})`);
  }
  let gzip: boolean;
  try {
    gzip = isGzipFile(path);
  } catch (error) {
    throw new SourceError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return { name: path, gzip, size, open: () => createReadStream(path, { highWaterMark: 1 << 20 }) };
}

/** stdin can be read once: the bytes read while peeking are replayed when it is read. */
export function stdinSource(stdin: Readable): LogSource {
  return { name: '-', gzip: false, size: null, open: () => stdin };
}

/** Decompressed bytes of a raw stream; the raw byte count goes to `onRaw`. */
export function decoded(source: LogSource, raw: Readable, onRaw: (bytes: number) => void): Readable {
  raw.on('data', (chunk: Buffer) => onRaw(chunk.length));
  if (!source.gzip) return raw;
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}
