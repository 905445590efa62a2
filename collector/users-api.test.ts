import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAMPLES_DIR } from './fixtures/samples-dir';
import { HubClient } from './hub-http';
import { fetchUserCounts, readyServers } from './users-api';

const SAMPLES = SAMPLES_DIR;

type ApiUser = { name: string; servers: Record<string, { ready: boolean }> };

describe('readyServers on the captured /hub/api/users', () => {
  it('counts the one ready server of the run (frank), not the drifting metrics gauge', () => {
    const users = JSON.parse(readFileSync(join(SAMPLES, 'api-users.json'), 'utf8')) as ApiUser[];
    assert.equal(users.length, 12);
    assert.equal(
      users.reduce((n, u) => n + readyServers(u), 0),
      1,
    );
    assert.equal(readyServers({ servers: { '': { ready: true }, gpu: { ready: true }, old: { ready: false } } }), 2);
  });
});

describe('fetchUserCounts paging', () => {
  // A stand-in for a big hub, not the real one: JupyterHub 3.0 (apihandlers/users.py) pages the
  // *active* users and drops the not-ready ones afterwards, so a page can be empty while `next` goes
  // on; the demo hub never has enough users to show it.
  let server: Server;
  let base: URL;
  const active: ApiUser[] = [];
  for (let i = 0; i < 7; i++) active.push({ name: `u${i}`, servers: { '': { ready: i >= 4 } } });
  before(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const paginated = req.headers.accept === 'application/jupyterhub-pagination+json';
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const ready = url.searchParams.get('state') === 'ready';
      const all = ready ? active : [...active, { name: 'idle', servers: {} }];
      const page = all.slice(offset, offset + limit).filter((u) => !ready || readyServers(u) > 0);
      const next = offset + limit < all.length ? { offset: offset + limit, limit } : null;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(paginated ? { items: page, _pagination: { offset, limit, total: all.length, next } } : page));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const addr = server.address();
    assert.ok(addr && typeof addr === 'object');
    base = new URL(`http://127.0.0.1:${addr.port}/`);
  });
  after(() => server.close());

  it('follows next through pages that the ready filter emptied', async () => {
    const client = new HubClient({ baseUrl: base, token: null, timeoutMs: 2000 });
    const counts = await fetchUserCounts(client, 2);
    assert.deepEqual(counts, { usersTotal: 8, serversRunning: 3 });
  });
});
