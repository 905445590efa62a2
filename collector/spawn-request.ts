/**
 * Which hub requests start a server. A start that fails while the request is still open is
 * answered 5xx (`500 POST /hub/api/users/x/server`, or the spawn page); it is already counted
 * under its `spawns.failure.*` reason, so `requests.spawn_5xx` counts these answers and the
 * dashboard's "Hub 5xx" category leaves them out (a student hit one error, not two).
 */

/** The REST start (`POST …/hub/api/users/<u>/server`, `…/servers/<name>`) or the spawn page. */
export function isSpawnRequest(method: string, uri: string): boolean {
  const path = uri.split('?', 1)[0] ?? '';
  if (method === 'POST') {
    const api = path.indexOf('/hub/api/users/');
    if (api !== -1) {
      const rest = path.slice(api + '/hub/api/users/'.length).split('/');
      return rest.length >= 2 && rest[0] !== '' && (rest[1] === 'server' ? rest.length === 2 : rest[1] === 'servers' && rest.length === 3);
    }
  }
  if (method !== 'GET' && method !== 'POST') return false;
  // `/hub/spawn`, `/hub/spawn/<u>`, `/hub/spawn/<u>/<name>` (any base_url before /hub/)
  const spawn = path.indexOf('/hub/spawn');
  if (spawn === -1) return false;
  const after = path.slice(spawn + '/hub/spawn'.length);
  return after === '' || after.startsWith('/');
}

/** The handlers of those requests in `jupyterhub_request_duration_seconds` (3.x–5.x). */
export function isSpawnHandler(method: string, handler: string): boolean {
  if (handler.endsWith('.UserServerAPIHandler')) return method === 'POST';
  return handler.endsWith('.SpawnHandler') && (method === 'GET' || method === 'POST');
}
