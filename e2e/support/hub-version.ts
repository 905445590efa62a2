import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The JupyterHub version the demo hub must run in this test run: `JH_VERSION`, else the stack's
 * default (read from stack/jupyterhub/hub-versions.sh, so the two never disagree). `3.0` (Debian)
 * reports itself as `3.0.0`.
 */
export function expectedHubVersion(): string {
  const fromEnv = process.env.JH_VERSION;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return defaultHubVersion();
}

/** The stack's default JupyterHub version (what `npm test` runs every project on). */
export function defaultHubVersion(): string {
  return hubVersionsSetting('JH_DEFAULT_VERSION');
}

function hubVersionsSetting(name: string): string {
  const script = readFileSync(join(process.cwd(), 'stack', 'jupyterhub', 'hub-versions.sh'), 'utf8');
  const m = new RegExp(`^${name}=(\\S+)$`, 'm').exec(script);
  if (!m?.[1]) throw new Error(`stack/jupyterhub/hub-versions.sh no longer sets ${name}`);
  return m[1];
}

/** True when the hub's own `version` is the wanted one (`3.0` matches `3.0.0`). */
export function isVersion(reported: string, wanted: string): boolean {
  return reported === wanted || reported.startsWith(`${wanted}.`);
}
