import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { hubInfoSchema } from '../hub-info';

/**
 * Where the log source stands: the byte offset just after the last complete line whose metrics were
 * handed to the sink, the file's identity (dev + inode), and the bytes just before the offset to
 * notice a file that was truncated or replaced under the same name. Open spawn attempts travel with
 * it (hashed keys only), so a restart between the two log lines of one attempt does not count it twice.
 *
 * `hubInfo` (optional, so older checkpoints still load) is the last hub the deployment detector
 * saw, so the collector's own restart records nothing. It is written by `saveHubInfo` and carried
 * over by `saveCheckpoint`; a checkpoint file may hold only it (no log source, or not read yet).
 */
export const hubInfoStateSchema = z.object({
  info: hubInfoSchema,
  /** The hub process's start (process_start_time_seconds), null when unknown. */
  startedAt: z.number().nullable(),
});

export type HubInfoState = z.infer<typeof hubInfoStateSchema>;

export const checkpointSchema = z.object({
  version: z.literal(1),
  path: z.string(),
  dev: z.string().regex(/^\d+$/),
  ino: z.string().regex(/^\d+$/),
  offset: z.number().int().nonnegative(),
  tail: z.string(), // base64
  attempts: z.array(z.object({ key: z.string(), at: z.number() })),
  savedAt: z.string(),
  hubInfo: hubInfoStateSchema.optional(),
});

const hubInfoOnlySchema = z.object({ version: z.literal(1), hubInfo: hubInfoStateSchema, savedAt: z.string() });

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
  // Only the detector's part: no read position yet.
  if (!parsed.success && hubInfoOnlySchema.safeParse(json).success) return { kind: 'none' };
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'invalid', reason: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  return { kind: 'ok', checkpoint: parsed.data };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The detector's last seen hub, or null when the file has none (or cannot be read). */
export function loadHubInfo(path: string): HubInfoState | null {
  const json = readJson(path);
  const parsed = z.object({ hubInfo: hubInfoStateSchema }).safeParse(json);
  return parsed.success ? parsed.data.hubInfo : null;
}

/** Stores the detector's part, keeping the read position when the file has one. */
export function saveHubInfo(path: string, hubInfo: HubInfoState): void {
  const full = checkpointSchema.safeParse(readJson(path));
  const savedAt = new Date().toISOString();
  writeAtomically(path, full.success ? { ...full.data, hubInfo, savedAt } : { version: 1, hubInfo, savedAt });
}

/** Atomic: a crash leaves either the old or the new checkpoint, never half of one. */
export function saveCheckpoint(path: string, checkpoint: Checkpoint): void {
  const hubInfo = checkpoint.hubInfo ?? loadHubInfo(path) ?? undefined;
  writeAtomically(path, hubInfo === undefined ? checkpoint : { ...checkpoint, hubInfo });
}

function writeAtomically(path: string, checkpoint: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}
