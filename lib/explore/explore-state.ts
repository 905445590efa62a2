import type { ValueUnit } from '@/lib/charts/format';
import type { ChartKind } from '@/lib/charts/time-series-option';
import { isQuantileTransformName, type QuantileTransformName } from '@/lib/system/quantile-transforms';

/**
 * /explore's state, all of it in the URL (so an exploration is a link): the target lines with
 * their alias, visibility and axis, and how they are drawn. The shared range/hub/refresh params
 * are read by the shell (lib/shared/view-params.ts) and kept as they are.
 *
 * | param           | meaning                                                         |
 * |-----------------|-----------------------------------------------------------------|
 * | `target`        | repeatable, one per line, in order                              |
 * | `alias`         | repeatable, the same order as `target` ('' = none)              |
 * | `transform`     | repeatable, the same order as `target` ('' = none): draw the    |
 * |                 | quantiles /system computes from the line's histogram series     |
 * | `hide`          | repeatable line number (1-based): line not drawn                |
 * | `right`         | repeatable line number (1-based): line on the right axis        |
 * | `kind`          | line, area, stacked-area, bar                                   |
 * | `unit`, `unit2` | left and right axis unit (count, ms, seconds, percent, ...)     |
 * | `nulls`         | gap, zero, connected                                            |
 * | `consolidateBy` | avg, sum, min, max, last (absent: Graphite's default, average)  |
 */

export const MAX_LINES = 20;
export const MAX_TARGET_LENGTH = 1000;
export const MAX_ALIAS_LENGTH = 100;

export const KINDS: readonly { value: ChartKind; label: string }[] = [
  { value: 'line', label: 'Lines' },
  { value: 'area', label: 'Area' },
  { value: 'stacked-area', label: 'Stacked' },
  { value: 'bar', label: 'Bars' },
];

export const UNITS: readonly { value: ValueUnit; label: string }[] = [
  { value: 'count', label: 'count' },
  { value: 'ms', label: 'ms' },
  { value: 'seconds', label: 's' },
  { value: 'percent', label: '%' },
  { value: 'bytes', label: 'bytes' },
  { value: 'per_second', label: 'req/s' },
  { value: 'per_minute', label: 'per minute' },
  { value: 'bool', label: 'up/down' },
  { value: 'none', label: 'plain number' },
];

export const NULL_MODES = [
  { value: 'gap', label: 'gap' },
  { value: 'zero', label: 'zero' },
  { value: 'connected', label: 'connected' },
] as const;
export type NullMode = (typeof NULL_MODES)[number]['value'];

/** What the choice is called here, and what graphite-web's consolidateBy() is given. */
export const CONSOLIDATIONS = [
  { value: 'avg', graphite: 'average', label: 'average' },
  { value: 'sum', graphite: 'sum', label: 'sum' },
  { value: 'min', graphite: 'min', label: 'min' },
  { value: 'max', graphite: 'max', label: 'max' },
  { value: 'last', graphite: 'last', label: 'last' },
] as const;
export type Consolidation = (typeof CONSOLIDATIONS)[number]['value'];

export type Axis = 'left' | 'right';

export interface TargetLine {
  target: string;
  alias: string;
  hidden: boolean;
  axis: Axis;
  /**
   * Drawn as quantiles computed in the browser from the histogram series this target returns
   * (the /system panels' code); absent: drawn as Graphite returns it.
   */
  transform?: QuantileTransformName;
}

export interface ExploreDisplay {
  kind: ChartKind;
  unit: ValueUnit;
  rightUnit: ValueUnit;
  nulls: NullMode;
  consolidateBy: Consolidation | null;
}

export interface ExploreState {
  lines: TargetLine[];
  display: ExploreDisplay;
}

export const DEFAULT_DISPLAY: ExploreDisplay = { kind: 'line', unit: 'none', rightUnit: 'none', nulls: 'gap', consolidateBy: null };

export const EXPLORE_PARAMS = ['target', 'alias', 'transform', 'hide', 'right', 'kind', 'unit', 'unit2', 'nulls', 'consolidateBy'] as const;

function oneOf<T extends string>(values: readonly { value: T }[], raw: string | null, fallback: T): T {
  return values.find((v) => v.value === raw)?.value ?? fallback;
}

function lineNumbers(params: URLSearchParams, name: string): Set<number> {
  return new Set(
    params
      .getAll(name)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= 1),
  );
}

/** Invalid values fall back to defaults, so a mistyped link still opens; extra lines are dropped. */
export function parseExploreState(search: string | URLSearchParams): ExploreState {
  const params = typeof search === 'string' ? new URLSearchParams(search.replace(/^\?/, '')) : search;
  const aliases = params.getAll('alias');
  const transforms = params.getAll('transform');
  const hidden = lineNumbers(params, 'hide');
  const right = lineNumbers(params, 'right');
  const lines = params
    .getAll('target')
    .slice(0, MAX_LINES)
    .map((target, i): TargetLine => {
      const transform = transforms[i];
      return {
        target: target.slice(0, MAX_TARGET_LENGTH),
        alias: (aliases[i] ?? '').slice(0, MAX_ALIAS_LENGTH),
        hidden: hidden.has(i + 1),
        axis: right.has(i + 1) ? 'right' : 'left',
        ...(isQuantileTransformName(transform) ? { transform } : {}),
      };
    });
  const cb = params.get('consolidateBy');
  return {
    lines,
    display: {
      kind: oneOf(KINDS, params.get('kind'), DEFAULT_DISPLAY.kind),
      unit: oneOf(UNITS, params.get('unit'), DEFAULT_DISPLAY.unit),
      rightUnit: oneOf(UNITS, params.get('unit2'), DEFAULT_DISPLAY.rightUnit),
      nulls: oneOf(NULL_MODES, params.get('nulls'), DEFAULT_DISPLAY.nulls),
      consolidateBy: CONSOLIDATIONS.find((c) => c.value === cb)?.value ?? null,
    },
  };
}

/**
 * `current` with the explore params replaced by `state` (defaults left out, so links stay short);
 * every other param (range, hub, refresh, kiosk) is kept. No leading "?".
 */
export function writeExploreState(current: string | URLSearchParams, state: ExploreState): string {
  const next = new URLSearchParams(typeof current === 'string' ? current.replace(/^\?/, '') : current.toString());
  for (const name of EXPLORE_PARAMS) next.delete(name);
  const lines = state.lines.slice(0, MAX_LINES);
  for (const line of lines) next.append('target', line.target);
  if (lines.some((l) => l.alias !== '')) for (const line of lines) next.append('alias', line.alias);
  if (lines.some((l) => l.transform)) for (const line of lines) next.append('transform', line.transform ?? '');
  lines.forEach((line, i) => {
    if (line.hidden) next.append('hide', String(i + 1));
  });
  lines.forEach((line, i) => {
    if (line.axis === 'right') next.append('right', String(i + 1));
  });
  const d = state.display;
  if (d.kind !== DEFAULT_DISPLAY.kind) next.set('kind', d.kind);
  if (d.unit !== DEFAULT_DISPLAY.unit) next.set('unit', d.unit);
  if (d.rightUnit !== DEFAULT_DISPLAY.rightUnit) next.set('unit2', d.rightUnit);
  if (d.nulls !== DEFAULT_DISPLAY.nulls) next.set('nulls', d.nulls);
  if (d.consolidateBy !== null) next.set('consolidateBy', d.consolidateBy);
  return next.toString();
}

/** A Graphite string literal for `text` (Graphite strings have no escapes: pick the other quote). */
export function graphiteString(text: string): string {
  if (!text.includes("'")) return `'${text}'`;
  return `"${text.replace(/"/g, '')}"`;
}

/**
 * What is sent to Graphite for a line: its target, consolidated as chosen, named by its alias.
 * A line drawn as quantiles keeps Graphite's names (the bin bounds are read from them): its alias
 * names the computed series instead (`seriesLabel`).
 */
export function renderTarget(line: Pick<TargetLine, 'target' | 'alias' | 'transform'>, consolidateBy: Consolidation | null): string {
  const target = line.target.trim();
  const graphite = CONSOLIDATIONS.find((c) => c.value === consolidateBy)?.graphite;
  const consolidated = graphite ? `consolidateBy(${target}, '${graphite}')` : target;
  return line.alias.trim() !== '' && !line.transform ? `alias(${consolidated}, ${graphiteString(line.alias.trim())})` : consolidated;
}

/**
 * The legend name of a drawn series: Graphite's name (without the consolidateBy the display
 * added), or for a line drawn as quantiles the quantile's name, said to be computed from the bins.
 */
export function seriesLabel(
  name: string,
  line: Pick<TargetLine, 'alias' | 'transform'> | undefined,
  consolidateBy: Consolidation | null,
): string {
  if (!line?.transform) return withoutConsolidateBy(name, consolidateBy);
  const alias = line.alias.trim();
  return `${alias === '' ? '' : `${alias} `}${name} (from histogram bins)`;
}

/**
 * graphite-web names a consolidated series `consolidateBy(<name>,"sum")`; the legend shows the
 * name the person wrote, since the consolidation is already said in the legend's note.
 */
export function withoutConsolidateBy(name: string, consolidateBy: Consolidation | null): string {
  const graphite = CONSOLIDATIONS.find((c) => c.value === consolidateBy)?.graphite;
  if (!graphite) return name;
  const prefix = 'consolidateBy(';
  for (const suffix of [`,"${graphite}")`, `,'${graphite}')`]) {
    if (name.startsWith(prefix) && name.endsWith(suffix)) return name.slice(prefix.length, -suffix.length);
  }
  return name;
}
