import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Names logrotate gives a rotated copy: `hub.log.1`, `hub.log-20261125`, `hub.log.1` ... not compressed ones. */
function rotatedNames(path: string): string[] {
  const dir = dirname(path);
  const base = basename(path);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n !== base && (n.startsWith(`${base}.`) || n.startsWith(`${base}-`)))
    .filter((n) => !/\.(gz|bz2|xz|zst|lz4|z)$/i.test(n))
    .map((n) => join(dir, n));
}

function byNewest(paths: string[]): string[] {
  return paths
    .map((p) => {
      try {
        return { p, m: statSync(p).mtimeMs };
      } catch {
        return { p, m: -1 };
      }
    })
    .filter((x) => x.m >= 0)
    .sort((a, b) => b.m - a.m)
    .map((x) => x.p);
}

export function readRange(path: string, from: number, length: number): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, from);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The renamed file that still has this identity (rename rotation while we were not reading). */
export function findByIdentity(path: string, dev: bigint, ino: bigint): string | null {
  for (const p of rotatedNames(path)) {
    try {
      const st = statSync(p, { bigint: true });
      if (st.dev === dev && st.ino === ino) return p;
    } catch {
      // vanished meanwhile
    }
  }
  return null;
}

/**
 * The copy logrotate's copytruncate made of the file we were reading: at least `offset` bytes long
 * and holding our fingerprint (the bytes just before `offset`) at the same place.
 */
export function findCopy(path: string, offset: number, tail: Buffer): string | null {
  if (offset === 0 || tail.length === 0) return null;
  for (const p of byNewest(rotatedNames(path))) {
    try {
      if (statSync(p).size < offset) continue;
    } catch {
      continue;
    }
    const got = readRange(p, offset - tail.length, tail.length);
    if (got?.equals(tail)) return p;
  }
  return null;
}
