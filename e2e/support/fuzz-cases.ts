import { E2E_DEPLOY_TOKEN } from './deploy-token';
import * as v from './fuzz-values';
import type { Random } from './seeded-random';

/**
 * Generated requests over every /api route (lib/http/api-routes.ts), method and parameter (the
 * README's HTTP API table). Most cases carry at least one value validation refuses, so they are
 * answered without Graphite; `reachesGraphite` marks the sample that may get through to it.
 */

export type FuzzCase = {
  method: string;
  /** Path and query as sent on the request line (already percent-encoded). */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  reachesGraphite: boolean;
  /** The request is at fault for whatever Graphite makes of it: a 4xx, never 502 graphite_error. */
  requestAtFault?: boolean;
};

type Params = [string, string][];
const enc = encodeURIComponent;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** Only what a request line cannot carry escaped: `&`, `=`, `+`, `#` and `%` stay raw. */
const rawish = (text: string) => text.replace(/[^\x21-\x7e]/g, (c) => enc(c));

/** A query string, sometimes with raw `&=+#%` or broken escapes and odd separators. */
function query(r: Random, params: Params): string {
  if (params.length === 0) return '';
  const parts = params.map(([k, val]) => (r.chance(0.05) ? `${rawish(k)}=${rawish(val)}` : `${enc(k)}=${enc(val)}`));
  if (r.chance(0.05)) parts.push(r.pick(['%', '%zz', '&', '==', 'x', '%FF=1', 'target[]=a', '&&&']));
  return `?${parts.join('&')}`;
}

/** `values` under `key`, as a repeatable parameter. */
const repeat = (key: string, values: string[]): Params => values.map((value): [string, string] => [key, value]);

function timeParams(r: Random, bad: boolean): Params {
  const out: Params = [];
  const badOne = bad ? r.pick(['from', 'until', 'both', 'reversed', 'twice']) : 'none';
  if (badOne === 'reversed')
    return [
      ['from', 'now'],
      ['until', '-1h'],
    ];
  if (badOne === 'twice')
    return [
      ['from', '-1h'],
      ['from', '-2h'],
    ];
  if (badOne === 'from' || badOne === 'both') out.push(['from', v.invalidTime(r)]);
  else if (r.chance(0.7)) out.push(['from', v.validTime(r)]);
  if (badOne === 'until' || badOne === 'both') out.push(['until', v.invalidTime(r)]);
  else if (r.chance(0.3)) out.push(['until', 'now']);
  return out;
}

function renderParams(r: Random, bad: boolean): Params {
  const which = bad ? r.pick(['target', 'target', 'target', 'none', 'many', 'time', 'mdp']) : 'ok';
  const count = r.int(1, 3);
  const targets = Array.from({ length: count }, () => v.validTarget(r));
  if (which === 'target') targets[r.int(0, count - 1)] = v.invalidTarget(r);
  if (which === 'ok' && r.chance(0.3)) targets[0] = r.pick(v.GRAPHITE_REFUSED_TARGETS);
  const params: Params =
    which === 'none'
      ? []
      : which === 'many'
        ? repeat(
            'target',
            Array.from({ length: 51 }, (_, i) => `m${i}`),
          )
        : repeat('target', targets);
  params.push(...timeParams(r, which === 'time'));
  if (which === 'mdp') params.push(['maxDataPoints', v.invalidMaxDataPoints(r)]);
  else if (r.chance(0.3)) params.push(['maxDataPoints', v.validMaxDataPoints(r)]);
  return params;
}

const BAD_METHODS = ['PUT', 'PATCH', 'DELETE', 'POST', 'TRACE', 'CONNECTX', 'PROPFIND', 'OPTIONS', 'HEAD'];

const ROUTES: ((r: Random, bad: boolean) => FuzzCase)[] = [
  (r, bad) => ({
    method: r.pick(['GET', 'GET', 'HEAD']),
    path: `/api/graphite/render${query(r, renderParams(r, bad))}`,
    reachesGraphite: !bad,
  }),
  (r, bad) => {
    const params = new URLSearchParams(renderParams(r, bad)).toString();
    const badType = bad && r.chance(0.2);
    const headers = badType ? { 'content-type': r.pick(['application/json', 'text/plain', 'multipart/form-data; boundary=x']) } : FORM;
    return { method: 'POST', path: '/api/graphite/render', headers, body: params, reachesGraphite: !bad };
  },
  (r, bad) => {
    const params: Params = bad
      ? r.chance(0.2)
        ? []
        : r.chance(0.2)
          ? [
              ['query', 'a'],
              ['query', 'b'],
            ]
          : [['query', v.invalidQuery(r)]]
      : [['query', v.validQuery(r)]];
    return { method: 'GET', path: `/api/graphite/find${query(r, params)}`, reachesGraphite: !bad };
  },
  (r, bad) => {
    const tagsBad = bad && r.chance(0.6);
    const params: Params = [...repeat('tags', tagsBad ? v.invalidTags(r) : v.validTags(r)), ...timeParams(r, bad && !tagsBad)];
    return { method: 'GET', path: `/api/graphite/events${query(r, params)}`, reachesGraphite: !bad };
  },
  (r, bad) => {
    const hubBad = bad && r.chance(0.4);
    const params: Params = [
      ...(hubBad ? [['hub', v.invalidHub(r)] as [string, string]] : r.chance(0.5) ? [['hub', v.validHub(r)] as [string, string]] : []),
      ...timeParams(r, bad && !hubBad),
    ];
    // A status costs a dozen renders: the sample that gets through asks for a few ranges only.
    const path = bad ? `/api/status${query(r, params)}` : `/api/status?from=${r.pick(['-1h', '-6h', '-1d'])}`;
    return { method: 'GET', path, reachesGraphite: !bad };
  },
  (r, bad) => {
    const hubBad = bad && r.chance(0.4);
    const params: Params = [...(hubBad ? [['hub', v.invalidHub(r)] as [string, string]] : []), ...timeParams(r, bad && !hubBad)];
    return { method: 'GET', path: `/api/deployments${query(r, params)}`, reachesGraphite: !bad };
  },
  (r) => {
    const auth = r.pick(['none', 'Bearer nope', 'Basic eDp5', 'Bearer', `Bearer ${'x'.repeat(300)}`, 'e2e']);
    const headers: Record<string, string> = { 'content-type': r.pick(['application/json', 'text/plain']) };
    // With the real token too: the bodies are ones no schema accepts, so nothing is ever recorded.
    if (auth !== 'none') headers.authorization = auth === 'e2e' ? `Bearer ${E2E_DEPLOY_TOKEN}` : auth;
    return {
      method: 'POST',
      path: '/api/deployments',
      headers,
      body: r.chance(0.2) ? `x${v.junk(r)}` : r.pick(v.INVALID_DEPLOYMENT_BODIES),
      reachesGraphite: false,
    };
  },
  (r, bad) => ({ method: 'GET', path: `/api/deployments/${enc(bad ? v.invalidId(r) : v.validId(r))}`, reachesGraphite: !bad }),
  (r) => ({
    method: 'DELETE',
    path: `/api/deployments/${enc(r.chance(0.5) ? v.invalidId(r) : v.validId(r))}`,
    headers: r.chance(0.5) ? { authorization: 'Bearer nope' } : {},
    reachesGraphite: false,
  }),
  (r, bad) => {
    const idBad = bad && r.chance(0.5);
    const params: Params = idBad || !bad ? (r.chance(0.5) ? [['window', v.validWindow(r)]] : []) : [['window', v.invalidWindow(r)]];
    return {
      method: 'GET',
      path: `/api/deployments/${enc(idBad ? v.invalidId(r) : v.validId(r))}/impact${query(r, params)}`,
      reachesGraphite: !bad,
    };
  },
  (r) => ({ method: 'GET', path: `/api/health${r.chance(0.3) ? query(r, [[v.junk(r), v.junk(r)]]) : ''}`, reachesGraphite: true }),
  // The routes explore and the cluster added: the function list, the export, the backend state, every hub.
  (r) => ({
    method: 'GET',
    path: `/api/graphite/functions${r.chance(0.3) ? query(r, [[v.junk(r), v.junk(r)]]) : ''}`,
    reachesGraphite: true,
  }),
  (r, bad) => {
    const format: Params = bad && r.chance(0.3) ? [['format', v.junk(r)]] : r.chance(0.5) ? [['format', r.pick(['csv', 'json'])]] : [];
    return {
      method: 'GET',
      path: `/api/export${query(r, [...renderParams(r, bad && format.length === 0), ...format])}`,
      reachesGraphite: !bad,
    };
  },
  (r) => ({ method: 'GET', path: `/api/backend${r.chance(0.3) ? query(r, [[v.junk(r), v.junk(r)]]) : ''}`, reachesGraphite: false }),
  (r, bad) => ({ method: 'GET', path: `/api/hubs${query(r, timeParams(r, bad))}`, reachesGraphite: !bad }),
];

/** Arguments graphite-web cannot evaluate, as render GET, render POST and export. */
function unevaluable(r: Random): FuzzCase {
  const params: Params = [
    ['target', r.pick(v.UNEVALUABLE_TARGETS)],
    ['from', r.pick(['-1h', '-10min'])],
  ];
  const how = r.pick(['get', 'post', 'export']);
  if (how === 'post')
    return {
      method: 'POST',
      path: '/api/graphite/render',
      headers: FORM,
      body: new URLSearchParams(params).toString(),
      reachesGraphite: true,
      requestAtFault: true,
    };
  return {
    method: 'GET',
    path: `/api/${how === 'get' ? 'graphite/render' : 'export'}${query(r, params)}`,
    reachesGraphite: true,
    requestAtFault: true,
  };
}

/** Relative ranges landing in the epoch's first year, or just before it. */
function epochEdge(r: Random): FuzzCase {
  const [from, until] = v.epochEdgeRange(r);
  const route = r.pick(['/api/status', '/api/status', '/api/hubs', '/api/deployments', '/api/graphite/events']);
  return { method: 'GET', path: `${route}?from=${enc(from)}&until=${enc(until)}`, reachesGraphite: true };
}

const API_PATHS = [
  '/api/graphite/render',
  '/api/graphite/find',
  '/api/graphite/events',
  '/api/graphite/functions',
  '/api/export',
  '/api/backend',
  '/api/hubs',
  '/api/health',
  '/api/status',
  '/api/deployments',
  '/api/deployments/1',
  '/api/deployments/1/impact',
];
const ODD_PATHS = [
  '/api',
  '/api/',
  '/api/nope',
  '/api/graphite',
  '/api/graphite/render/x',
  '/api/graphite/nope/deeper',
  '/api/status/',
  '/api//status',
  '/api/%2e%2e/status',
  '/api/status%2F',
  '/api/deployments/1/2/3',
  '/api/deployments//impact',
  '/api/%C3%A9',
  '/api/graphite/render;x',
];

/** A method a route does not answer, or a path no route has. */
function methodsAndPaths(r: Random): FuzzCase {
  if (r.chance(0.5)) return { method: r.pick(BAD_METHODS), path: r.pick(API_PATHS), reachesGraphite: false };
  return {
    method: r.pick(['GET', 'POST', 'DELETE', 'PUT']),
    path: `${r.pick(ODD_PATHS)}${r.chance(0.3) ? `?${enc(v.junk(r))}` : ''}`,
    reachesGraphite: false,
  };
}

/** One case; `reachShare` of them are valid throughout and may reach Graphite. */
export function fuzzCase(r: Random, reachShare: number): FuzzCase {
  if (r.chance(0.12)) return methodsAndPaths(r);
  // Both reach Graphite (a status is a dozen renders): a few hundred of them, not thousands.
  if (r.chance(0.02)) return unevaluable(r);
  if (r.chance(0.01)) return epochEdge(r);
  if (r.chance(0.002)) {
    const long = Array.from({ length: 60 }, (_, i) => `target=fuzz.${i}.${'x'.repeat(300)}`).join('&');
    return { method: 'GET', path: `/api/graphite/render?${long}`, reachesGraphite: false };
  }
  return r.pick(ROUTES)(r, !r.chance(reachShare));
}
