/**
 * Chart colours per colour scheme; canvas cannot read CSS variables, so they live here. Twelve, so
 * the eleven error categories of /errors each get their own.
 */
export interface ChartPalette {
  text: string;
  muted: string;
  gridLine: string;
  tooltipBackground: string;
  series: readonly string[];
}

export const LIGHT_PALETTE: ChartPalette = {
  text: '#1f2328',
  muted: '#59636e',
  gridLine: '#d8dee4',
  tooltipBackground: '#ffffff',
  series: [
    '#0969da',
    '#bf3989',
    '#1a7f37',
    '#bc4c00',
    '#8250df',
    '#cf222e',
    '#0a7f86',
    '#7d4e00',
    '#57606a',
    '#6639ba',
    '#b35900',
    '#116329',
  ],
};

export const DARK_PALETTE: ChartPalette = {
  text: '#e6edf3',
  muted: '#9198a1',
  gridLine: '#30363d',
  tooltipBackground: '#161b22',
  series: [
    '#4493f8',
    '#f778ba',
    '#3fb950',
    '#f0883e',
    '#a371f7',
    '#ff7b72',
    '#39c5cf',
    '#d29922',
    '#9198a1',
    '#d2a8ff',
    '#ffa657',
    '#7ee787',
  ],
};

export function seriesColor(palette: ChartPalette, index: number): string {
  return palette.series[index % palette.series.length] ?? palette.text;
}

/** The look every axis tooltip shares (the content is each chart's own, escaped formatter). */
export function axisTooltipFrame(palette: ChartPalette) {
  return {
    trigger: 'axis' as const,
    confine: true,
    backgroundColor: palette.tooltipBackground,
    borderColor: palette.gridLine,
    textStyle: { color: palette.text },
  };
}
