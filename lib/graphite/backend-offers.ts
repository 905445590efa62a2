import { type GraphiteClient, getGraphiteClient, isGraphiteError } from './client';

/**
 * What the Graphite backend answers, of the four APIs hubwatch may use: `render`, `metrics/find`
 * and `functions` (needed for metrics and explore) and `events` (only for the mirror of the
 * deployments: go-carbon + carbonapi and VictoriaMetrics have no events API). `yes` it answered,
 * `no` it answered that it has no such API (an HTTP error), `unknown` it did not answer at all.
 */

export const BACKEND_APIS = ['render', 'find', 'functions', 'events'] as const;
export type BackendApi = (typeof BACKEND_APIS)[number];
export type Offer = 'yes' | 'no' | 'unknown';
export type BackendOffers = Record<BackendApi, Offer> & { checkedAt: number };

/** A known answer holds for five minutes (a backend does not grow an API often); unknown is retried. */
const KNOWN_TTL_MS = 5 * 60_000;
const UNKNOWN_TTL_MS = 10_000;
const PROBE_TIMEOUT_MS = 3_000;
// A metric no one writes: the render answers [] quickly on every backend that has the API.
const PROBE_TARGET = 'hubwatch.backend-probe.none';

async function offered(call: () => Promise<unknown>): Promise<Offer> {
  try {
    await call();
    return 'yes';
  } catch (error) {
    if (!isGraphiteError(error)) throw error;
    return error.status !== undefined ? 'no' : 'unknown';
  }
}

export async function probeOffers(client: GraphiteClient, now: number = Date.now()): Promise<BackendOffers> {
  const options = { timeoutMs: PROBE_TIMEOUT_MS };
  const [render, find, functions, events] = await Promise.all([
    offered(() => client.renderWithJson({ targets: [PROBE_TARGET], from: '-5min', until: 'now' }, options)),
    offered(() => client.find(PROBE_TARGET, options)),
    offered(() => client.functions(options)),
    offered(() => client.events({ tags: ['hubwatch-backend-probe'], from: '-1min', until: 'now' }, options)),
  ]);
  return { render, find, functions, events, checkedAt: Math.floor(now / 1000) };
}

type Held = { offers: BackendOffers; expires: number } | undefined;
const KEY = Symbol.for('hubwatch.backendOffers');
type Holder = { [KEY]?: { held: Held; inFlight?: Promise<BackendOffers> } };

/**
 * The backend's offers, probed at most once per period per process (shared by concurrent callers).
 * `stale: true` answers the last probe at once when there is one (refreshing it behind), so
 * /api/health never waits for a backend that hangs longer than its own probe does.
 */
export function backendOffers(client: GraphiteClient = getGraphiteClient(), options: { stale?: boolean } = {}): Promise<BackendOffers> {
  const holder = globalThis as Holder;
  holder[KEY] ??= { held: undefined };
  const state = holder[KEY];
  const now = Date.now();
  if (state.held !== undefined && state.held.expires > now) return Promise.resolve(state.held.offers);
  const refreshing = refresh(state, client, now);
  return options.stale === true && state.held !== undefined ? Promise.resolve(state.held.offers) : refreshing;
}

function refresh(state: NonNullable<Holder[typeof KEY]>, client: GraphiteClient, now: number): Promise<BackendOffers> {
  state.inFlight ??= probeOffers(client, now)
    .then((offers) => {
      const unknown = BACKEND_APIS.some((api) => offers[api] === 'unknown');
      state.held = { offers, expires: Date.now() + (unknown ? UNKNOWN_TTL_MS : KNOWN_TTL_MS) };
      return offers;
    })
    .finally(() => {
      state.inFlight = undefined;
    });
  return state.inFlight;
}

/** "render, find, functions, events" / "render, find (no events API)": the start-up line's words. */
export function describeOffers(offers: BackendOffers): string {
  const yes = BACKEND_APIS.filter((api) => offers[api] === 'yes');
  const no = BACKEND_APIS.filter((api) => offers[api] === 'no');
  const unknown = BACKEND_APIS.filter((api) => offers[api] === 'unknown');
  const parts = [yes.length > 0 ? `offers ${yes.join(', ')}` : 'offers nothing hubwatch uses'];
  if (no.length > 0) parts.push(`no ${no.join(', ')} API`);
  if (unknown.length > 0) parts.push(`did not answer for ${unknown.join(', ')}`);
  return parts.join('; ');
}
