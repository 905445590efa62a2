import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type ConfigFile, configFileSchema, parseConfigFile, type Thresholds, ThresholdsError } from '@/lib/status/thresholds';

export const CONFIG_ENV = 'HUBWATCH_CONFIG';
export const DEFAULT_CONFIG_FILE = 'hubwatch.config.json';

/**
 * Reads the thresholds once. A missing default file means "use the defaults"; a file named
 * explicitly by HUBWATCH_CONFIG must exist, since asking for a file and silently getting the
 * defaults would hide the mistake.
 */
export function loadConfigFile(env: Readonly<Record<string, string | undefined>>, cwd: string): ConfigFile {
  const explicit = env[CONFIG_ENV];
  const file = explicit ? path.resolve(cwd, explicit) : path.resolve(cwd, DEFAULT_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    if (missing && !explicit) return configFileSchema.parse({});
    throw new ThresholdsError(`${CONFIG_ENV}: cannot read ${file}${missing ? ' (no such file)' : ''}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ThresholdsError(`${file}: not valid JSON`);
  }
  return parseConfigFile(json, file);
}

export function loadThresholds(env: Readonly<Record<string, string | undefined>>, cwd: string): Thresholds {
  return loadConfigFile(env, cwd).status;
}

let current: ConfigFile | undefined;

/** The whole file, read once; start-up validation (getThresholds) checks every section. */
export function getConfigFile(): ConfigFile {
  current ??= loadConfigFile(process.env, process.cwd());
  return current;
}

export function getThresholds(): Thresholds {
  return getConfigFile().status;
}
