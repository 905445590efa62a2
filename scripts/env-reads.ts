import { ENV_CHECKED_ROOMS, ENV_READERS } from './import-rules';

/**
 * Lines of a product file that read `process.env` outside lib/config/ and the entry points named
 * in ENV_READERS: configuration is read and validated once, in one place (docs/architecture.md).
 */
export function envReads(file: string, source: string): number[] {
  const checked = ENV_CHECKED_ROOMS.some((room) => (room.endsWith('/') ? file.startsWith(room) : file === room));
  if (!checked || /\.test\.tsx?$/.test(file) || (ENV_READERS as readonly string[]).includes(file)) return [];
  // Comments may name the variable; code may not read it.
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (match) => match.replace(/[^\n]/g, ' '));
  return code.split('\n').flatMap((line, index) => (/\bprocess\.env\b/.test(line) ? [index + 1] : []));
}
