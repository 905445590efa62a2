import { parseArgs } from 'node:util';
import { DEFAULT_DASHBOARD_URL, type DeploymentBody } from './post-deployment';

/** Arguments of `hubwatch-deploy` / `npm run deploy --`; the server validates the fields themselves. */

export const DEPLOY_USAGE = `usage: hubwatch-deploy --hub NAME --what "TITLE" [options]
  --hub NAME        the hub, as the collector's --hub-name
  --what TITLE      what was deployed, e.g. "New user image 2026.11"
  --version V       version deployed
  --commit C        commit deployed
  --author A        who deployed
  --link URL        http(s) link, e.g. the pull request or the CI run
  --when EPOCH      epoch seconds (default: now, the dashboard's clock)
  --restart         record a restart with nothing changed (not judged), instead of a deployment
env: HUBWATCH_URL (default ${DEFAULT_DASHBOARD_URL}), HUBWATCH_DEPLOY_TOKEN (required)`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export type DeployArgs = { body: DeploymentBody; baseUrl: URL; token: string };

type Env = Readonly<Record<string, string | undefined>>;

export function parseDeployArgs(argv: readonly string[], env: Env): DeployArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        hub: { type: 'string' },
        what: { type: 'string' },
        version: { type: 'string' },
        commit: { type: 'string' },
        author: { type: 'string' },
        link: { type: 'string' },
        when: { type: 'string' },
        restart: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error));
  }
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const hub = text('hub');
  const what = text('what');
  if (hub === undefined) throw new UsageError('--hub is required');
  if (what === undefined) throw new UsageError('--what is required');
  const whenText = text('when');
  if (whenText !== undefined && !/^\d+$/.test(whenText)) throw new UsageError('--when: must be whole epoch seconds');
  const token = env.HUBWATCH_DEPLOY_TOKEN;
  if (token === undefined || token === '') throw new UsageError("HUBWATCH_DEPLOY_TOKEN is not set (the dashboard's deploy token)");
  const urlText = env.HUBWATCH_URL || DEFAULT_DASHBOARD_URL;
  if (!URL.canParse(urlText) || !/^https?:$/.test(new URL(urlText).protocol)) {
    throw new UsageError(`HUBWATCH_URL: not an http(s) URL: ${urlText}`);
  }
  const body: DeploymentBody = { hub, what, source: 'cli', kind: values.restart === true ? 'restart' : 'deploy' };
  for (const field of ['version', 'commit', 'author', 'link'] as const) {
    const value = text(field);
    if (value !== undefined) body[field] = value;
  }
  if (whenText !== undefined) body.when = Number(whenText);
  return { body, baseUrl: new URL(urlText), token };
}
