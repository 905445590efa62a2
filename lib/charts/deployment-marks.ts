import type { LineSeriesOption } from 'echarts/charts';
import { escapeHtml } from './escape-html';
import { formatClock } from './format';
import type { ChartPalette } from './palette';

/**
 * What a chart needs of a deployment to mark it, said here rather than taken from
 * lib/deployments: chart builders sit below the features, and any stored deployment fits.
 */
export type DeploymentMark = {
  id: number;
  /** Epoch seconds. */
  when: number;
  what: string;
  version: string | null;
  link: string | null;
  kind: 'deploy' | 'restart';
};

/** The impact page of a deployment: where every marker links. */
export const impactHref = (id: number): string => `/deployments/${id}`;

/** Deployments inside the drawn range, oldest first. */
export function marksInRange(marks: readonly DeploymentMark[], range: { from: number; until: number }): DeploymentMark[] {
  return marks.filter((m) => m.when >= range.from && m.when <= range.until).sort((a, b) => a.when - b.when);
}

/**
 * A vertical line per deployment, drawn by an empty series' markLine so it sits exactly on the
 * time axis. A deployment is dashed and strong, a restart dotted and faint (never judged). The
 * line carries no text: titles come from users and are shown as text by React (the strip under
 * the chart) or escaped in the tooltip, never handed to ECharts' own formatting.
 */
export function deploymentMarkSeries(marks: readonly DeploymentMark[], palette: ChartPalette): LineSeriesOption {
  return {
    type: 'line',
    id: 'deployments',
    name: 'deployments',
    data: [],
    silent: true,
    markLine: {
      silent: true,
      symbol: ['none', 'none'],
      animation: false,
      label: { show: false },
      data: marks.map((m) => ({
        xAxis: m.when * 1000,
        lineStyle: {
          color: palette.text,
          type: m.kind === 'restart' ? 'dotted' : 'dashed',
          opacity: m.kind === 'restart' ? 0.35 : 0.8,
          width: m.kind === 'restart' ? 1 : 1.5,
        },
      })),
    },
  };
}

/** Deployments within `toleranceMs` of the hovered time, for the axis tooltip. */
export function marksNear(marks: readonly DeploymentMark[], atMs: number, toleranceMs: number): DeploymentMark[] {
  return marks.filter((m) => Math.abs(m.when * 1000 - atMs) <= toleranceMs);
}

/** Tooltip lines for deployments, escaped (ECharts inserts tooltips with innerHTML). */
export function marksTooltipHtml(marks: readonly DeploymentMark[], timeZone?: string): string {
  return marks
    .map((m) => {
      const label = m.kind === 'restart' ? 'Restart' : 'Deployment';
      const version = m.version ? ` (${escapeHtml(m.version)})` : '';
      const link = m.link ? `<div>${escapeHtml(m.link)}</div>` : '';
      return `<div class="tooltip-deployment"><b>${label} ${escapeHtml(formatClock(m.when, { timeZone }))}</b>: ${escapeHtml(m.what)}${version}${link}</div>`;
    })
    .join('');
}
