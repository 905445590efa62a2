import { z } from 'zod';
import type { Datapoint, FindNode, GraphiteEvent, Series } from './types';

/**
 * zod schemas for what graphite-web 1.1.8 (and VictoriaMetrics' Graphite find API) answer.
 * Samples: the real answers in lib/graphite/fixtures/ (see its README.md).
 */

// JSON.parse turns graphite-web's 1e9999 / -1e9999 into ±Infinity, which z.number() rejects;
// NaN never comes out of JSON.parse, so only it is excluded.
function isValue(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && !Number.isNaN(value));
}

// A hand-written loop instead of z.tuple: a render can carry hundreds of thousands of points
// and this check sits on the proxy's hot path.
function isDatapoints(value: unknown): value is Datapoint[] {
  if (!Array.isArray(value)) return false;
  for (const point of value) {
    if (!Array.isArray(point) || point.length !== 2) return false;
    const [v, t] = point;
    if (!isValue(v) || typeof t !== 'number' || !Number.isFinite(t)) return false;
  }
  return true;
}

const tagValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const renderSeries = z
  .object({
    target: z.string(),
    // graphite-web < 1.1 has no tags; 1.1 always sends at least {"name": ...}.
    tags: z.record(z.string(), tagValue.nullable()).optional(),
    datapoints: z.custom<Datapoint[]>(isDatapoints, 'datapoints must be [value|null, epochSeconds] pairs'),
  })
  .transform((series): Series => {
    const tags: Record<string, string> = {};
    for (const [key, value] of Object.entries(series.tags ?? { name: series.target })) {
      if (value !== null) tags[key] = value;
    }
    return { target: series.target, tags, datapoints: series.datapoints };
  });

export const renderResponseSchema = z.array(renderSeries);

const flag = z.union([z.literal(0), z.literal(1), z.literal('0'), z.literal('1'), z.boolean()]);
const isOne = (value: z.infer<typeof flag>) => value === 1 || value === '1' || value === true;
const stripDot = (path: string) => (path.endsWith('.') ? path.slice(0, -1) : path);

// format=completer: {"metrics": [{"path": "stats.counters.", "name": "counters", "is_leaf": "0"}]};
// is_leaf is a string in graphite-web and a number in VictoriaMetrics.
const completerResponse = z
  .object({ metrics: z.array(z.object({ path: z.string(), name: z.string(), is_leaf: flag })) })
  .transform(({ metrics }): FindNode[] => metrics.map((m) => ({ path: stripDot(m.path), name: m.name, leaf: isOne(m.is_leaf) })));

// format=treejson (the default): [{"text": "gauges", "id": "stats.gauges", "leaf": 0, ...}];
// VictoriaMetrics ends branch ids with a dot, graphite-web does not.
const treejsonResponse = z
  .array(z.object({ text: z.string(), id: z.string(), leaf: flag }))
  .transform((nodes): FindNode[] => nodes.map((n) => ({ path: stripDot(n.id), name: n.text, leaf: isOne(n.leaf) })));

export const findResponseSchema = z.union([completerResponse, treejsonResponse]);

// /events/get_data: [{"when": 1795604530, "what": "...", "data": "...", "tags": ["deploy"], "id": 1}]
const graphiteEvent = z
  .object({
    id: z.number(),
    when: z.number(),
    what: z.string(),
    data: z.string().nullable().optional(),
    tags: z
      .union([z.array(z.string()), z.string()])
      .nullable()
      .optional(),
  })
  .transform(
    (e): GraphiteEvent => ({
      id: e.id,
      when: e.when,
      what: e.what,
      data: e.data ?? '',
      tags: typeof e.tags === 'string' ? e.tags.split(' ').filter(Boolean) : (e.tags ?? []),
    }),
  );

export const eventsResponseSchema = z.array(graphiteEvent);

// GET /events/<id>/ with `Accept: application/json`: the same fields, but `when` is ISO 8601
// ({"id": 1, "when": "2026-11-25T11:02:10.395Z", ...}) and tags always a list.
export const eventDetailSchema = z
  .object({
    id: z.number(),
    when: z.iso.datetime({ offset: true }),
    what: z.string(),
    data: z.string().nullable().optional(),
    tags: z.array(z.string()).nullable().optional(),
  })
  .transform(
    (e): GraphiteEvent => ({
      id: e.id,
      // graphite-web keeps sub-second precision here but truncates it in get_data: do the same.
      when: Math.floor(Date.parse(e.when) / 1000),
      what: e.what,
      data: e.data ?? '',
      tags: e.tags ?? [],
    }),
  );
