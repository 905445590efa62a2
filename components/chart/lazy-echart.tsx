'use client';

import dynamic from 'next/dynamic';
import type { EChartProps } from './echart';

/**
 * ECharts is ~170 KB gzip: it is fetched after first paint, never in a page's first-load JS.
 * The placeholder keeps the panel's height so nothing jumps when the chart arrives.
 */
export const LazyEChart = dynamic<EChartProps>(() => import('./echart').then((m) => m.EChart), {
  ssr: false,
  loading: () => <div className="echart-placeholder" data-chart-state="loading" aria-hidden="true" />,
});
