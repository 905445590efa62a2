import { type DeployConfig, loadDeployConfig } from './deploy';
import { type EmbedConfig, loadEmbedConfig } from './embed';
import { ConfigError, type Env } from './errors';
import { loadConfigFile } from './file';
import { type GraphiteConfig, loadGraphiteConfig } from './graphite';
import type { ImpactConfig } from './impact';
import { type ListenConfig, loadListenConfig } from './listen';
import { loadNodesConfig, type NodesConfig } from './nodes';
import type { Thresholds } from './status';

/**
 * The whole configuration: the environment and hubwatch.config.json, validated once at start-up
 * (lib/startup.ts), then read by everything else through `getConfig()`. This folder is the only
 * place that reads `process.env` at run time.
 *
 * One section, one file: each `lib/config/<section>.ts` owns its variables or file section, its
 * zod schema and its type, and is added to `Config` and `loadConfig` here. That is where the
 * coming sections go (`access` for the hub login, `alerts`, `history`, the database URL).
 */
export type Config = {
  graphite: GraphiteConfig;
  nodes: NodesConfig;
  listen: ListenConfig;
  embed: EmbedConfig;
  deploy: DeployConfig;
  /** hubwatch.config.json `status`: the verdict thresholds. */
  status: Thresholds;
  /** hubwatch.config.json `impact`: the deployment judge's thresholds. */
  impact: ImpactConfig;
};

/** Runs every loader; their problems are reported together, so one start shows every bad value. */
function collect<T extends Record<string, unknown>>(loaders: { [K in keyof T]: () => T[K] }): T {
  const problems: string[] = [];
  const out: Partial<T> = {};
  for (const key of Object.keys(loaders) as (keyof T)[]) {
    try {
      out[key] = loaders[key]();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message.replace(/^invalid configuration: /, ''));
    }
  }
  if (problems.length > 0) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  return out as T;
}

/** Validates an environment and the config file found from `cwd`; pure apart from reading that file. */
export function loadConfig(env: Env, cwd: string): Config {
  const { graphite, nodeList, listen, embed, deploy, file } = collect({
    graphite: () => loadGraphiteConfig(env),
    // The probes' timeout is the Graphite section's health timeout, filled in below.
    nodeList: () => loadNodesConfig(env, 0),
    listen: () => loadListenConfig(env),
    embed: () => loadEmbedConfig(env),
    deploy: () => loadDeployConfig(env),
    file: () => loadConfigFile(env, cwd),
  });
  const nodes = { ...nodeList, probeTimeoutMs: graphite.healthTimeoutMs };
  return { graphite, nodes, listen, embed, deploy, status: file.status, impact: file.impact };
}

let current: Config | undefined;

/** The process configuration, validated on first use (start-up) and then reused. */
export function getConfig(): Config {
  current ??= loadConfig(process.env, process.cwd());
  return current;
}

export type { DeployConfig, EmbedConfig, GraphiteConfig, ImpactConfig, ListenConfig, NodesConfig, Thresholds };
export { ConfigError, type Env };
