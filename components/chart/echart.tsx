'use client';

import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the panels draw: keeps the chart chunk small (it loads after first paint).
use([LineChart, BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

/** Below this many pixels a mouse-up is a click, not a drag. */
const MIN_DRAG_PX = 5;

export interface EChartProps {
  option: EChartsCoreOption;
  /** CSS height of the canvas area. */
  height: number;
  /** Describes the chart for screen readers (canvas has no text). */
  ariaLabel: string;
  /** Drag across the plot: the selected x range as epoch milliseconds. */
  onRangeSelect?: (fromMs: number, untilMs: number) => void;
}

/**
 * The one ECharts wrapper: init once, setOption on change, resize with the container, dispose on
 * unmount. `data-chart-state` turns "finished" when ECharts reports the frame drawn, so tests and
 * the page benchmark can wait for real pixels.
 */
export function EChart({ option, height, ariaLabel, onRangeSelect }: EChartProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const selectionRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const onSelectRef = useRef(onRangeSelect);
  onSelectRef.current = onRangeSelect;

  useEffect(() => {
    const host = hostRef.current;
    const el = canvasRef.current;
    const selection = selectionRef.current;
    if (!host || !el || !selection) return;
    const chart = init(el, null, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('finished', () => host.setAttribute('data-chart-state', 'finished'));

    let dragStart: number | null = null;
    const hideSelection = () => {
      dragStart = null;
      selection.style.display = 'none';
    };
    const zr = chart.getZr();
    zr.on('mousedown', (e) => {
      if (!onSelectRef.current || !chart.containPixel('grid', [e.offsetX, e.offsetY])) return;
      dragStart = e.offsetX;
    });
    zr.on('mousemove', (e) => {
      if (dragStart === null) return;
      selection.style.display = 'block';
      selection.style.left = `${Math.min(dragStart, e.offsetX)}px`;
      selection.style.width = `${Math.abs(e.offsetX - dragStart)}px`;
    });
    zr.on('mouseup', (e) => {
      const start = dragStart;
      hideSelection();
      if (start === null || Math.abs(e.offsetX - start) < MIN_DRAG_PX) return;
      const a = chart.convertFromPixel({ xAxisIndex: 0 }, start);
      const b = chart.convertFromPixel({ xAxisIndex: 0 }, e.offsetX);
      if (typeof a === 'number' && typeof b === 'number') onSelectRef.current?.(Math.min(a, b), Math.max(a, b));
    });
    zr.on('globalout', hideSelection);

    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    hostRef.current?.setAttribute('data-chart-state', 'drawing');
    // notMerge: a panel whose series set changed must not keep the old series around.
    chart.setOption(option, { notMerge: true, lazyUpdate: false });
  }, [option]);

  return (
    <div ref={hostRef} className="echart" data-chart-state="drawing" role="img" aria-label={ariaLabel}>
      <div ref={canvasRef} style={{ height, width: '100%' }} />
      <div ref={selectionRef} className="echart-selection" aria-hidden="true" />
    </div>
  );
}
