/**
 * Which hub requests start a server or wait for one, and for whose server. A start that failed is
 * counted once, under its `spawns.failure.*` reason; the hub may also answer the request that
 * started it (or the pending page the student reloads) with a 5xx. The log parser counts such an
 * answer as `requests.spawn_5xx` only when it follows a counted failure of the same user's server
 * (see failed-starts.ts), so that the dashboard's "Hub 5xx" leaves out exactly those answers and
 * never a 5xx nothing else counted (a broken options form, a database outage).
 */

const API_USERS = 'api/users/';

function segment(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * The user whose server this request starts or waits for, or null when it does neither:
 * `POST …/hub/api/users/<u>/server`, `…/servers/<name>`; `GET|POST …/hub/spawn[/<u>[/<name>]]`
 * (no user in the path: the requester's own server); `GET …/hub/spawn-pending/<u>[/<name>]`.
 * `…` is the hub's base_url: only the first `/hub/` of the path counts.
 */
export function spawnRequestUser(method: string, uri: string, requester: string): string | null {
  const path = uri.split('?', 1)[0] ?? '';
  const hub = path.indexOf('/hub/');
  if (hub === -1) return null;
  const parts = path.slice(hub + '/hub/'.length).split('/');
  const [first, second, third, fourth] = parts;
  if (method === 'POST' && `${first}/${second}/` === API_USERS) {
    // `servers/` with an empty name is the default server, as JupyterHub routes it
    const isStart = (fourth === 'server' && parts.length === 4) || (fourth === 'servers' && parts.length === 5);
    return isStart ? segment(third) : null;
  }
  if (first === 'spawn' && (method === 'GET' || method === 'POST') && parts.length <= 3) {
    return parts.length === 1 ? segment(requester) : segment(second);
  }
  if (first === 'spawn-pending' && method === 'GET' && parts.length <= 3) return segment(second);
  return null;
}
