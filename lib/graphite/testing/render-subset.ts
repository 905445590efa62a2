import type { RenderQuery } from '@/lib/graphite/types';
import type { Series } from '@/lib/shared/series';
import type { SeriesLike } from '@/lib/stats/series';

/**
 * TEST STAND-IN for graphite-web's render, for unit tests of code that builds render targets
 * (the e2e specs use the real graphite-web). It holds metrics by their Graphite path, as carbon
 * would after StatsD's flushes, and evaluates the targets it is asked, so a test sees what a
 * wrong path or function would really return (nothing, or the wrong numbers) instead of answers
 * keyed by the code's own names. What it reads, as graphite-web 1.1 does:
 * - a path with globs (`*`, `[0-9]`) in any node: every stored path it matches;
 * - `sumSeries(a, b, ...)`, `alias(s, 'name')`, `aliasByNode(s, n, ...)`, `scaleToSeconds(s, n)`,
 *   `transformNull(s, v)` (null points become v), `isNonNull(s)` (1 where a point has a value, else 0),
 *   `summarize(s, '10min', 'sum' | 'avg', alignToFrom)` (buckets from the first point fetched
 *   with alignToFrom, else on multiples of the interval).
 * Anything else throws, so a test never passes on a function the stand-in does not know.
 * Points are fetched as graphite-web fetches them: one per step (10 s, StatsD's flush, unless
 * told), from the first step after `from` (epoch seconds) to the step that holds `until`; each
 * series carries `tags.name`, its path, as graphite-web 1.1 answers.
 */

export type MetricStore = Map<string, Map<number, number>>;

/** One render series plus the path it came from (aliasByNode reads the path's nodes). */
type Evaluated = SeriesLike & { path: string };

type Arg = { kind: 'call'; name: string; args: Arg[] } | { kind: 'path'; path: string } | { kind: 'literal'; value: string };

/** Adds `value` to the metric at `path` at epoch second `at` (a counter's flush, a gauge's value). */
export function record(store: MetricStore, path: string, at: number, value: number): void {
  const points = store.get(path) ?? new Map<number, number>();
  points.set(at, (points.get(at) ?? 0) + value);
  store.set(path, points);
}

function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out.filter((a) => a !== '');
}

export function parseTarget(text: string): Arg {
  const call = /^([A-Za-z]+)\((.*)\)$/s.exec(text);
  if (call?.[1] !== undefined && call[2] !== undefined) return { kind: 'call', name: call[1], args: splitArgs(call[2]).map(parseTarget) };
  const quoted = /^(['"])(.*)\1$/.exec(text);
  if (quoted?.[2] !== undefined) return { kind: 'literal', value: quoted[2] };
  if (/^(-?\d+(\.\d+)?|true|false)$/.test(text)) return { kind: 'literal', value: text };
  return { kind: 'path', path: text };
}

function globToRegExp(pattern: string): RegExp {
  const nodes = pattern.split('.').map((node) =>
    node
      .split(/(\*|\[[^\]]*\])/)
      .map((part) => (part === '*' ? '[^.]*' : part.startsWith('[') ? part : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join(''),
  );
  return new RegExp(`^${nodes.join('\\.')}$`);
}

type Fetch = { from: number; until: number; step: number };

function fetchSeries(store: MetricStore, pattern: string, { from, until, step }: Fetch): Evaluated[] {
  const start = from - (from % step) + step;
  const end = until - (until % step) + step;
  const matcher = globToRegExp(pattern);
  return [...store.keys()]
    .filter((path) => matcher.test(path))
    .sort()
    .map((path) => {
      const points = store.get(path) ?? new Map<number, number>();
      const datapoints: [number | null, number][] = [];
      for (let t = start; t < end; t += step) datapoints.push([points.get(t) ?? null, t]);
      return { target: path, path, datapoints };
    });
}

const literal = (arg: Arg | undefined): string => {
  if (arg?.kind !== 'literal') throw new Error(`render-subset: expected a literal, got ${JSON.stringify(arg)}`);
  return arg.value;
};

function seconds(interval: string): number {
  const match = /^(\d+)(s|min|h|d)$/.exec(interval);
  if (match?.[1] === undefined) throw new Error(`render-subset: interval ${interval}`);
  const unit = { s: 1, min: 60, h: 3600, d: 86_400 }[match[2] as 's' | 'min' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

function summarize(series: Evaluated, interval: number, how: string, alignToFrom: boolean): Evaluated {
  const first = series.datapoints[0]?.[1] ?? 0;
  const origin = alignToFrom ? first : first - (first % interval);
  const buckets = new Map<number, number[]>();
  for (const [value, at] of series.datapoints) {
    const bucket = origin + Math.floor((at - origin) / interval) * interval;
    const values = buckets.get(bucket) ?? [];
    if (value !== null) values.push(value);
    buckets.set(bucket, values);
  }
  const datapoints = [...buckets.entries()].map(([at, values]): [number | null, number] => {
    if (values.length === 0) return [null, at];
    const sum = values.reduce((a, b) => a + b, 0);
    if (how === 'sum') return [sum, at];
    if (how === 'avg') return [sum / values.length, at];
    throw new Error(`render-subset: summarize ${how}`);
  });
  return { ...series, target: `summarize(${series.target})`, datapoints };
}

function sumSeries(list: Evaluated[]): Evaluated[] {
  const first = list[0];
  if (first === undefined) return [];
  const datapoints = first.datapoints.map(([, at], i): [number | null, number] => {
    const values = list.map((s) => s.datapoints[i]?.[0] ?? null).filter((v): v is number => v !== null);
    return [values.length === 0 ? null : values.reduce((a, b) => a + b, 0), at];
  });
  return [{ target: `sumSeries(${list.map((s) => s.target).join(',')})`, path: first.path, datapoints }];
}

function evaluate(store: MetricStore, arg: Arg, fetch: Fetch): Evaluated[] {
  if (arg.kind === 'path') return fetchSeries(store, arg.path, fetch);
  if (arg.kind === 'literal') throw new Error(`render-subset: a literal where series belong: ${arg.value}`);
  const [first, ...rest] = arg.args;
  const inner = () => (first === undefined ? [] : evaluate(store, first, fetch));
  switch (arg.name) {
    case 'sumSeries':
      return sumSeries(arg.args.flatMap((a) => evaluate(store, a, fetch)));
    case 'transformNull': {
      const fill = Number(literal(rest[0]));
      return inner().map((s) => ({ ...s, datapoints: s.datapoints.map(([v, at]): [number | null, number] => [v ?? fill, at]) }));
    }
    case 'isNonNull':
      return inner().map((s) => ({ ...s, datapoints: s.datapoints.map(([v, at]): [number | null, number] => [v === null ? 0 : 1, at]) }));
    case 'scaleToSeconds': {
      const factor = Number(literal(rest[0])) / fetch.step;
      return inner().map((s) => ({
        ...s,
        datapoints: s.datapoints.map(([v, at]): [number | null, number] => [v === null ? null : v * factor, at]),
      }));
    }
    case 'alias':
      return inner().map((s) => ({ ...s, target: literal(rest[0]) }));
    case 'aliasByNode':
      return inner().map((s) => {
        const nodes = s.path.split('.');
        return { ...s, target: rest.map((n) => nodes[Number(literal(n))] ?? '').join('.') };
      });
    case 'summarize':
      return inner().map((s) => summarize(s, seconds(literal(rest[0])), literal(rest[1]), literal(rest[2]) === 'true'));
    default:
      throw new Error(`render-subset: ${arg.name} is not in the subset`);
  }
}

/** A render function over `store`: every target of the query evaluated, in order. */
export function renderFrom(store: MetricStore, step = 10) {
  return async (query: RenderQuery): Promise<Series[]> => {
    const from = Number(query.from);
    const until = Number(query.until);
    if (!Number.isFinite(from) || !Number.isFinite(until)) throw new Error('render-subset: epoch seconds only');
    return query.targets
      .flatMap((target) => evaluate(store, parseTarget(target), { from, until, step }))
      .map(({ target, path, datapoints }) => ({
        target,
        tags: { name: path },
        datapoints: datapoints.map(([v, at]): [number | null, number] => [v, at]),
      }));
  };
}
