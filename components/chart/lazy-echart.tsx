'use client';

import dynamic from 'next/dynamic';
import type { EChartProps } from './echart';

/**
 * ECharts is ~170 KB gzip: it is fetched after first paint, never in a page's first-load JS.
 * The placeholder keeps the panel's height so nothing jumps when the chart arrives.
 */
const loadEChart = () => import('./echart').then((m) => m.EChart);

export const LazyEChart = dynamic<EChartProps>(loadEChart, {
  ssr: false,
  loading: () => <div className="echart-placeholder" data-chart-state="loading" aria-hidden="true" />,
});

/** Starts fetching the chart chunk early (after first paint); the bundler loads it once. */
export function preloadEChart(): void {
  void loadEChart();
}
