import type { SeriesTransform } from '@/components/panels/render-panel';
import { counterFamilyPattern, gaugePath, histogramPattern } from '@/lib/catalog';
import { bucketInterval } from '@/lib/charts/bucket-interval';
import type { ValueUnit } from '@/lib/charts/format';
import { quantileSeries } from '@/lib/charts/quantile-series';
import type { ChartKind } from '@/lib/charts/time-series-option';
import type { Series } from '@/lib/graphite/types';

export interface PanelSpec {
  id: string;
  title: string;
  description: string;
  targets: string[];
  names?: string[];
  unit: ValueUnit;
  kind: ChartKind;
  emptyMessage: string;
  fitToWidth: boolean;
  transform?: SeriesTransform;
}

/** Which collector source feeds a panel: an empty panel says so, so an operator knows what to switch on. */
export const SOURCE_HINTS = {
  health: "No data. Fed by the collector's health source: it probes /hub/health (run the collector with --hub-url).",
  usersApi:
    "No data. Fed by the collector's users-API source: /hub/api/users (needs --hub-url and a token with list:users and read:servers).",
  log: "No data. Fed by the collector's log source (--hub-log); spawns appear when students start servers.",
  requests:
    "No data. Fed by the collector's log source (--hub-log), or by its metrics source (/hub/metrics) when no log is followed.",
  metrics:
    "No data. Fed by the collector's metrics source: /hub/metrics (needs --hub-url and a token with read:metrics).",
} as const;

/** Hub metrics only newer JupyterHub versions serve (docs/jupyterhub-versions.md): the empty panel says so. */
export const SINCE_VERSION = {
  activeUsers: 'JupyterHub 4.0 and later report jupyterhub_active_users; 3.x hubs do not, so this panel stays empty for them.',
  eventLoop:
    'JupyterHub 5.0 and later report jupyterhub_event_loop_interval_seconds; 3.x and 4.x hubs do not, so this panel stays empty for them.',
} as const;

const STATUS_CLASSES = ['2', '3', '4', '5'] as const;
const QUANTILES = [0.5, 0.95] as const;

/** `...prom.jupyterhub_request_duration_seconds.503.le_0_1.count` -> "5xx". */
function statusClassOf(path: string, family: string): string | null {
  const marker = `.${family}.`;
  const at = path.indexOf(marker);
  if (at < 0) return null;
  const code = path.slice(at + marker.length).split('.')[0] ?? '';
  return /^[1-5]\d\d$/.test(code) ? `${code[0]}xx` : null;
}

const REQUEST_FAMILY = 'jupyterhub_request_duration_seconds';

/** p95 latency per status class from the hub's request histogram (le buckets per code). */
export const requestLatencyByClass: SeriesTransform = (series: Series[]) => {
  const groups = new Map<string, Series[]>();
  for (const s of series) {
    const cls = statusClassOf(s.tags.name ?? s.target, REQUEST_FAMILY);
    if (cls === null) continue;
    groups.set(cls, [...(groups.get(cls) ?? []), s]);
  }
  const out: Series[] = [];
  for (const cls of [...groups.keys()].sort()) {
    const [p95] = quantileSeries(groups.get(cls) ?? [], { layout: 'prom-le', quantiles: [0.95], scale: 1000 });
    if (p95) out.push({ ...p95, target: `${cls} p95`, tags: { name: `${cls} p95` } });
  }
  return { series: out };
};

const statsdQuantiles: SeriesTransform = (series) => ({
  series: quantileSeries(series, { layout: 'statsd-bins', quantiles: QUANTILES }),
});

const promQuantiles: SeriesTransform = (series) => ({
  series: quantileSeries(series, { layout: 'prom-le', quantiles: QUANTILES, scale: 1000 }),
});

function promBase(hub: string, family: string): string {
  return `stats.counters.jupyterhub.${hub}.prom.${family}`;
}

/**
 * Every panel of /system for one hub. `rangeSeconds` sets the bucket over which histogram bins
 * are summed before quantiles are taken (quantiles come from counts, never from averaging
 * per-flush percentiles).
 */
export function systemPanels(hub: string, rangeSeconds: number): PanelSpec[] {
  const bucket = bucketInterval(rangeSeconds);
  const summed = (pattern: string) => `summarize(${pattern}, '${bucket.graphite}', 'sum', false)`;
  const perSecond = (cls: string) =>
    `alias(scaleToSeconds(sumSeries(${counterFamilyPattern(hub, 'requests.status', `${cls}*`)}), 1), '${cls}xx')`;
  const quantileNote = `median and 95th percentile per ${bucket.graphite}, from histogram counts`;

  return [
    {
      id: 'hub-up',
      title: 'Hub up',
      description: '1 when /hub/health answers, 0 when it does not',
      targets: [gaugePath(hub, 'hub.up')],
      names: ['hub up'],
      unit: 'bool',
      kind: 'area',
      emptyMessage: SOURCE_HINTS.health,
      fitToWidth: true,
    },
    {
      id: 'health-latency',
      title: 'Health check latency',
      description: 'time for /hub/health to answer',
      targets: [gaugePath(hub, 'hub.health_ms')],
      names: ['/hub/health'],
      unit: 'ms',
      kind: 'line',
      emptyMessage: SOURCE_HINTS.health,
      fitToWidth: true,
    },
    {
      id: 'running-servers',
      title: 'Running servers',
      description: 'single-user servers running',
      targets: [gaugePath(hub, 'servers.running')],
      names: ['running servers'],
      unit: 'count',
      kind: 'area',
      emptyMessage: SOURCE_HINTS.usersApi,
      fitToWidth: true,
    },
    {
      id: 'total-users',
      title: 'Total users',
      description: 'users known to the hub',
      targets: [gaugePath(hub, 'users.total')],
      names: ['users'],
      unit: 'count',
      kind: 'line',
      emptyMessage: SOURCE_HINTS.usersApi,
      fitToWidth: true,
    },
    {
      id: 'spawn-duration',
      title: 'Server start duration',
      description: quantileNote,
      targets: [summed(histogramPattern(hub, 'spawns.duration'))],
      unit: 'ms',
      kind: 'line',
      emptyMessage: SOURCE_HINTS.log,
      fitToWidth: false,
      transform: statsdQuantiles,
    },
    {
      id: 'request-rate',
      title: 'Requests by status class',
      description: 'requests per second answered by the hub',
      targets: STATUS_CLASSES.map(perSecond),
      unit: 'per_second',
      kind: 'stacked-area',
      emptyMessage: SOURCE_HINTS.requests,
      fitToWidth: true,
    },
    {
      id: 'error-rate',
      title: '5xx errors',
      description: 'hub 5xx answers and proxy errors, per minute',
      targets: [
        `alias(scaleToSeconds(sumSeries(${counterFamilyPattern(hub, 'requests.status', '5*')}), 60), 'hub 5xx')`,
        `alias(scaleToSeconds(sumSeries(${counterFamilyPattern(hub, 'proxy.errors')}), 60), 'proxy errors')`,
      ],
      unit: 'per_minute',
      kind: 'line',
      emptyMessage: `${SOURCE_HINTS.requests} No 5xx in this range shows as an empty panel, which is good news.`,
      fitToWidth: true,
    },
    {
      id: 'request-latency',
      title: 'Request latency',
      description: quantileNote,
      targets: [summed(histogramPattern(hub, 'requests.duration'))],
      unit: 'ms',
      kind: 'line',
      emptyMessage: SOURCE_HINTS.requests,
      fitToWidth: false,
      transform: statsdQuantiles,
    },
    {
      id: 'request-latency-by-class',
      title: 'Request latency by status class',
      description: `95th percentile per ${bucket.graphite}, from the hub's own request histogram (/hub/metrics)`,
      targets: [summed(`${promBase(hub, REQUEST_FAMILY)}.*.le_*.count`)],
      unit: 'ms',
      kind: 'line',
      emptyMessage: `${SOURCE_HINTS.metrics} The collector sends this histogram only when it is not following the hub log.`,
      fitToWidth: false,
      transform: requestLatencyByClass,
    },
    {
      id: 'proxy-poll',
      title: 'Proxy poll duration',
      description: `${quantileNote} (hub metric jupyterhub_proxy_poll_duration_seconds)`,
      targets: [summed(`${promBase(hub, 'jupyterhub_proxy_poll_duration_seconds')}.le_*.count`)],
      unit: 'ms',
      kind: 'line',
      emptyMessage: SOURCE_HINTS.metrics,
      fitToWidth: false,
      transform: promQuantiles,
    },
    {
      id: 'check-routes',
      title: 'Check routes duration',
      description: `${quantileNote} (hub metric jupyterhub_check_routes_duration_seconds)`,
      targets: [summed(`${promBase(hub, 'jupyterhub_check_routes_duration_seconds')}.le_*.count`)],
      unit: 'ms',
      kind: 'line',
      emptyMessage: SOURCE_HINTS.metrics,
      fitToWidth: false,
      transform: promQuantiles,
    },
    {
      id: 'active-users',
      title: 'Active users',
      description: "users active in the last 24 hours, 7 days and 30 days, by the hub's own count",
      targets: ['24h', '7d', '30d'].map((period) => `alias(stats.gauges.jupyterhub.${hub}.prom.jupyterhub_active_users.${period}, '${period}')`),
      unit: 'count',
      kind: 'line',
      emptyMessage: `${SOURCE_HINTS.metrics} ${SINCE_VERSION.activeUsers}`,
      fitToWidth: true,
    },
    {
      id: 'event-loop',
      title: 'Hub event loop interval',
      description: `${quantileNote} (hub metric jupyterhub_event_loop_interval_seconds: a busy hub answers late)`,
      targets: [summed(`${promBase(hub, 'jupyterhub_event_loop_interval_seconds')}.le_*.count`)],
      unit: 'ms',
      kind: 'line',
      emptyMessage: `${SOURCE_HINTS.metrics} ${SINCE_VERSION.eventLoop}`,
      fitToWidth: false,
      transform: promQuantiles,
    },
  ];
}
