import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * Where the log source stands: the byte offset just after the last complete line whose metrics were
 * handed to the sink, the file's identity (dev + inode), and the bytes just before the offset to
 * notice a file that was truncated or replaced under the same name. Open spawn attempts travel with
 * it (hashed keys only), so a restart between the two log lines of one attempt does not count it twice.
 */
export const checkpointSchema = z.object({
  version: z.literal(1),
  path: z.string(),
  dev: z.string().regex(/^\d+$/),
  ino: z.string().regex(/^\d+$/),
  offset: z.number().int().nonnegative(),
  tail: z.string(), // base64
  attempts: z.array(z.object({ key: z.string(), at: z.number() })),
  savedAt: z.string(),
});

export type Checkpoint = z.infer<typeof checkpointSchema>;

export type LoadResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly checkpoint: Checkpoint }
  | { readonly kind: 'invalid'; readonly reason: string };

export function loadCheckpoint(path: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return { kind: 'none' };
    return { kind: 'invalid', reason: err instanceof Error ? err.message : String(err) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'not JSON' };
  }
  const parsed = checkpointSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'invalid', reason: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  return { kind: 'ok', checkpoint: parsed.data };
}

/** Atomic: a crash leaves either the old or the new checkpoint, never half of one. */
export function saveCheckpoint(path: string, checkpoint: Checkpoint): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}
