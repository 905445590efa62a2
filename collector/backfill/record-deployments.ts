import type { z } from 'zod';
import { deploymentListSchema, deploymentsEndpoint } from '../../lib/api/deployments';
import { postDeployment } from '../deploy/post-deployment';
import type { PastDeployment } from './start-ups';

/**
 * Records past deployments through the collector's deploy client (POST /api/deployments, the same
 * body the live detection sends, with the log's time as `when`), once: a deployment of the hub
 * already stored at the same second with the same title is not posted again.
 */

export interface RecordSettings {
  baseUrl: URL;
  token: string;
  hub: string;
  timeoutMs?: number;
}

export interface RecordResult {
  recorded: number;
  alreadyThere: number;
  failed: string[];
}

const listSchema = deploymentListSchema;

async function existing(settings: RecordSettings, when: number): Promise<z.infer<typeof listSchema>['deployments']> {
  const url = deploymentsEndpoint(settings.baseUrl);
  url.searchParams.set('hub', settings.hub);
  url.searchParams.set('from', String(when - 1));
  url.searchParams.set('until', String(when + 1));
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000) });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url.pathname}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return listSchema.parse(JSON.parse(text)).deployments;
}

export async function recordDeployments(past: readonly PastDeployment[], settings: RecordSettings): Promise<RecordResult> {
  const result: RecordResult = { recorded: 0, alreadyThere: 0, failed: [] };
  for (const d of past) {
    try {
      const there = await existing(settings, d.when);
      if (there.some((e) => e.when === d.when && e.what === d.what && e.kind === d.kind)) {
        result.alreadyThere++;
        continue;
      }
      await postDeployment(
        { hub: settings.hub, what: d.what, when: d.when, version: d.version, kind: d.kind, source: 'auto' },
        { baseUrl: settings.baseUrl, token: settings.token, timeoutMs: settings.timeoutMs ?? 10_000, attempts: 3 },
      );
      result.recorded++;
    } catch (error) {
      result.failed.push(
        `${d.kind} "${d.what}" at ${new Date(d.when * 1000).toISOString()}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return result;
}
