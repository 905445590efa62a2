import { counterFamilyPattern, gaugePath, histogramPattern, promGaugePath } from '@/lib/catalog';
import { bucketInterval } from '@/lib/charts/bucket-interval';
import type { ValueUnit } from '@/lib/charts/format';
import type { ChartKind } from '@/lib/charts/time-series-option';
import { promBucketsPattern } from './prom-paths';
import { type QuantileTransformName, REQUEST_FAMILY } from './quantile-transforms';
import { SINCE_VERSION, SOURCE_HINTS } from './source-hints';

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
  /** Quantiles computed in the browser from the histogram series the targets return. */
  transform?: QuantileTransformName;
}

const STATUS_CLASSES = ['2', '3', '4', '5'] as const;

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
      transform: 'statsd-p50-p95',
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
      transform: 'statsd-p50-p95',
    },
    {
      id: 'request-latency-by-class',
      title: 'Request latency by status class',
      description: `95th percentile per ${bucket.graphite}, from the hub's own request histogram (/hub/metrics)`,
      targets: [summed(promBucketsPattern(hub, REQUEST_FAMILY, ['*']))],
      unit: 'ms',
      kind: 'line',
      emptyMessage: `${SOURCE_HINTS.metrics} The collector sends this histogram only when it is not following the hub log.`,
      fitToWidth: false,
      transform: 'prom-p95-by-class',
    },
    {
      id: 'proxy-poll',
      title: 'Proxy poll duration',
      description: `${quantileNote} (hub metric jupyterhub_proxy_poll_duration_seconds)`,
      targets: [summed(promBucketsPattern(hub, 'jupyterhub_proxy_poll_duration_seconds'))],
      unit: 'ms',
      kind: 'line',
      emptyMessage: SOURCE_HINTS.metrics,
      fitToWidth: false,
      transform: 'prom-p50-p95',
    },
    {
      id: 'check-routes',
      title: 'Check routes duration',
      description: `${quantileNote} (hub metric jupyterhub_check_routes_duration_seconds)`,
      targets: [summed(promBucketsPattern(hub, 'jupyterhub_check_routes_duration_seconds'))],
      unit: 'ms',
      kind: 'line',
      emptyMessage: SOURCE_HINTS.metrics,
      fitToWidth: false,
      transform: 'prom-p50-p95',
    },
    {
      id: 'active-users',
      title: 'Active users',
      description: "users active in the last 24 hours, 7 days and 30 days, by the hub's own count",
      targets: ['24h', '7d', '30d'].map((period) => `alias(${promGaugePath(hub, 'jupyterhub_active_users')}.${period}, '${period}')`),
      unit: 'count',
      kind: 'line',
      emptyMessage: `${SOURCE_HINTS.metrics} ${SINCE_VERSION.activeUsers}`,
      fitToWidth: true,
    },
    {
      id: 'event-loop',
      title: 'Hub event loop interval',
      description: `${quantileNote} (hub metric jupyterhub_event_loop_interval_seconds: a busy hub answers late)`,
      targets: [summed(promBucketsPattern(hub, 'jupyterhub_event_loop_interval_seconds'))],
      unit: 'ms',
      kind: 'line',
      emptyMessage: `${SOURCE_HINTS.metrics} ${SINCE_VERSION.eventLoop}`,
      fitToWidth: false,
      transform: 'prom-p50-p95',
    },
  ];
}
