import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, type Env } from './errors';
import { DEFAULT_IMPACT_CONFIG, impactConfigSchema } from './impact';
import { thresholdsSchema } from './status';

export const CONFIG_ENV = 'HUBWATCH_CONFIG';
export const DEFAULT_CONFIG_FILE = 'hubwatch.config.json';

/**
 * hubwatch.config.json: one section per part of hubwatch (`status`, `impact`), each with its own
 * file in lib/config/. Sections this version does not know are left alone, so a file written for
 * a newer hubwatch still starts this one.
 */
export const configFileSchema = z.looseObject({
  status: thresholdsSchema.default(thresholdsSchema.parse({})),
  impact: impactConfigSchema.default(DEFAULT_IMPACT_CONFIG),
});
export type ConfigFile = z.infer<typeof configFileSchema>;

/** Validates the parsed JSON of a config file; errors name the file and the field. */
export function parseConfigFile(json: unknown, source: string): ConfigFile {
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(`${source}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/**
 * Reads the file once. A missing default file means "use the defaults"; a file named explicitly
 * by HUBWATCH_CONFIG must exist, since asking for a file and silently getting the defaults would
 * hide the mistake.
 */
export function loadConfigFile(env: Env, cwd: string): ConfigFile {
  const explicit = env[CONFIG_ENV];
  const file = explicit ? path.resolve(cwd, explicit) : path.resolve(cwd, DEFAULT_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    if (missing && !explicit) return configFileSchema.parse({});
    throw new ConfigError(`${CONFIG_ENV}: cannot read ${file}${missing ? ' (no such file)' : ''}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`${file}: not valid JSON`);
  }
  return parseConfigFile(json, file);
}
