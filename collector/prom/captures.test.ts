import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KEPT_LABELS, leSegment, type PromKey, promKey, PROM_SPAWN_FAMILY as SPAWN_FAMILY } from '../../lib/catalog';
import { capturedVersions, readCapture } from '../fixtures/captures';
import type { EmittedCounter, MetricEmitter } from '../metric-emitter';
import { MemoryEmitter } from '../metric-emitter';
import { readyServers } from '../users-api';
import { PromDeltaTracker } from './delta-tracker';
import { isSkippedFamily } from './metric-keys';
import { type Family, parsePromText } from './text-parser';

// /hub/metrics and the REST answers of every supported version's real capture (scripts/capture-hub.sh).

/** The jupyterhub_* families each version serves (docs/jupyterhub-versions.md has the same table). */
const HUB_FAMILIES: Record<string, readonly string[]> = {
  '3.0': [
    'check_routes_duration_seconds',
    'hub_startup_duration_seconds',
    'init_spawners_duration_seconds',
    'proxy_add_duration_seconds',
    'proxy_delete_duration_seconds',
    'proxy_poll_duration_seconds',
    'request_duration_seconds',
    'running_servers',
    'server_poll_duration_seconds',
    'server_spawn_duration_seconds',
    'server_stop_seconds',
    'total_users',
  ],
  '4.1.6': [
    'active_users',
    'check_routes_duration_seconds',
    'hub_startup_duration_seconds',
    'init_spawners_duration_seconds',
    'proxy_add_duration_seconds',
    'proxy_delete_duration_seconds',
    'proxy_poll_duration_seconds',
    'request_duration_seconds',
    'running_servers',
    'server_poll_duration_seconds',
    'server_spawn_duration_seconds',
    'server_stop_seconds',
    'total_users',
  ],
  '5.5.4': [
    'active_users',
    'check_routes_duration_seconds',
    'event_loop_interval_seconds',
    'hub_startup_duration_seconds',
    'init_spawners_duration_seconds',
    'proxy_add_duration_seconds',
    'proxy_delete_duration_seconds',
    'proxy_poll_duration_seconds',
    'request_duration_seconds',
    'running_servers',
    'server_poll_duration_seconds',
    'server_spawn_duration_seconds',
    'server_stop_seconds',
    'total_users',
  ],
  '6.1.1': [
    'active_users',
    'check_routes_duration_seconds',
    'csp_reports_total',
    'event_loop_interval_seconds',
    'hub_startup_duration_seconds',
    'init_spawners_duration_seconds',
    'login_duration_seconds',
    'logout_duration_seconds',
    'proxy_add_duration_seconds',
    'proxy_delete_duration_seconds',
    'proxy_poll_duration_seconds',
    'request_duration_seconds',
    'running_servers',
    'server_poll_duration_seconds',
    'server_spawn_duration_seconds',
    'server_stop_seconds',
    'total_users',
  ],
};

/** Spawn outcomes as keys (metric-keys.ts merges 6.x's status + reason into one segment). */
const SPAWN_OUTCOMES = ['success', 'failure', 'error', 'throttled', 'too-many-users', 'already-pending', 'exited'];

class StrictEmitter extends MemoryEmitter implements MetricEmitter {
  override count(key: EmittedCounter, n: number): void {
    assert.ok(n > 0, `non-positive increment ${n} for ${key}`);
    super.count(key, n);
  }
}

function cumulative(families: Map<string, Family>): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of families.values()) {
    if (isSkippedFamily(f.name) || f.type === 'gauge' || f.type === 'untyped') continue;
    for (const s of f.samples) {
      const le = s.labels.find(([k]) => k === 'le')?.[1];
      const suffix = le !== undefined ? `.${leSegment(le)}` : s.name.endsWith('_count') ? '.count' : s.name.endsWith('_sum') ? '.sum' : '';
      const key = promKey(f.name, s.labels, KEPT_LABELS[f.name]) + suffix;
      out.set(key, (out.get(key) ?? 0) + s.value);
    }
  }
  return out;
}

for (const version of capturedVersions()) {
  describe(`JupyterHub ${version}: /hub/metrics and /hub/api/users of the real capture`, () => {
    const capture = readCapture(version);
    const snapshots = capture.metrics.map((m) => parsePromText(m.text));

    it('serves the families the version table says', () => {
      const names = [...(snapshots.at(-1)?.keys() ?? [])]
        .filter((n) => n.startsWith('jupyterhub_') && !n.endsWith('_created'))
        .map((n) => n.slice('jupyterhub_'.length))
        .sort();
      assert.deepEqual(names, HUB_FAMILIES[version]);
    });

    it('turns the snapshots into deltas that add up to last minus first, never negative', () => {
      const out = new StrictEmitter();
      const tracker = new PromDeltaTracker();
      for (const families of snapshots) tracker.apply(families, out, { logCountsRequests: false });
      const first = cumulative(snapshots[0] ?? new Map());
      const last = cumulative(snapshots.at(-1) ?? new Map());
      for (const [key, end] of last) {
        const expected = Math.round((end - (first.get(key) ?? 0)) * 1e6) / 1e6;
        assert.ok(Math.abs(out.counter(key as PromKey) - expected) < 1e-5, `${key}: ${out.counter(key as PromKey)} != ${expected}`);
      }
      for (const key of [...out.counters.keys(), ...out.gauges.keys()]) assert.match(key, /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/);
    });

    it('keys spawn outcomes and request codes the same way on every version', () => {
      const out = new MemoryEmitter();
      const tracker = new PromDeltaTracker();
      for (const families of snapshots) tracker.apply(families, out, { logCountsRequests: false });
      const spawnKeys = [...out.counters.keys()].filter((k) => k.startsWith(`prom.${SPAWN_FAMILY}.`));
      assert.ok(spawnKeys.length > 0);
      for (const key of spawnKeys) {
        const outcome = key.split('.')[2] ?? '';
        assert.ok(SPAWN_OUTCOMES.includes(outcome), key);
      }
      assert.ok(out.counter(`prom.${SPAWN_FAMILY}.success.count`) > 0);
      for (const key of [...out.counters.keys()].filter((k) => k.startsWith('prom.jupyterhub_request_duration_seconds.'))) {
        assert.match(key, /^prom\.jupyterhub_request_duration_seconds\.[1-5]\d\d\.(le_[\w]+|count|sum)$/);
      }
    });

    it('answers /hub/api/users in the paginated shape the users source reads', () => {
      type Page = { items: Parameters<typeof readyServers>[0][]; _pagination: { total: number } };
      const isPage = (v: unknown): v is Page =>
        typeof v === 'object' && v !== null && 'items' in v && Array.isArray(v.items) && '_pagination' in v;
      assert.ok(isPage(capture.usersPage));
      assert.ok(capture.usersPage._pagination.total >= 1, 'admin at least');
      const ready = capture.readyUsers.map((page) => {
        assert.ok(isPage(page));
        return page.items.reduce((n, u) => n + readyServers(u), 0);
      });
      assert.equal(ready[0], 0, 'none at start-up');
      assert.ok(Math.max(...ready) > 0, 'a snapshot during the run saw ready servers');
    });
  });
}
