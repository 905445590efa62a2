import { createWriteStream } from 'node:fs';

/**
 * A deterministic, realistic JupyterHub 3.x log for the collector benchmark: the mix of a busy
 * classroom hub (request lines dominate, single-user servers and the proxy share the stream,
 * tracebacks and header dumps as continuation lines, spawns, logins, stops, failures).
 */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const STATUSES = [200, 200, 200, 200, 200, 200, 200, 200, 302, 302, 201, 204, 404, 403, 429, 500, 202, 400];

export interface GeneratedLog {
  readonly lines: number;
  readonly bytes: number;
}

export async function generateLog(path: string, totalLines: number, seed = 42): Promise<GeneratedLog> {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const out = createWriteStream(path);
  let lines = 0;
  let bytes = 0;
  let batch = '';
  let t = Date.UTC(2026, 10, 25, 8, 0, 0);
  const stamp = () => {
    t += Math.floor(rand() * 40);
    const d = new Date(t).toISOString();
    return `${d.slice(0, 10)} ${d.slice(11, 23)}`;
  };
  const clock = () => new Date(t).toISOString().slice(11, 23);
  const user = () => `student${Math.floor(rand() * 400)}`;
  const push = (line: string) => {
    batch += `${line}\n`;
    lines++;
  };
  const flush = async () => {
    bytes += Buffer.byteLength(batch);
    if (!out.write(batch)) await new Promise<void>((r) => out.once('drain', () => r()));
    batch = '';
  };

  while (lines < totalLines) {
    const r = rand();
    const u = user();
    if (r < 0.5) {
      const status = pick(STATUSES);
      const level = status >= 500 ? 'E' : status >= 400 ? 'W' : 'I';
      const path = pick([
        `/hub/api/users/${u}/activity`,
        `/user/${u}/api/kernels`,
        `/hub/api/users/${u}`,
        '/hub/health',
        `/hub/spawn-pending/${u}`,
        '/hub/login',
      ]);
      const method = pick(['GET', 'GET', 'GET', 'POST', 'DELETE']);
      const loc = status === 302 ? ` -> /hub/spawn-pending/${u}` : '';
      const ms = (rand() * 300).toFixed(2);
      push(`[${level} ${stamp()} JupyterHub log:186] ${status} ${method} ${path}${loc} (${u}@10.0.0.${Math.floor(rand() * 255)}) ${ms}ms`);
    } else if (r < 0.65) {
      const kind = rand();
      if (kind < 0.4) {
        push(
          `[I ${stamp()} SingleUserNotebookApp log:186] 200 GET /user/${u}/api/contents?type=directory (${u}@127.0.0.1) ${(rand() * 20).toFixed(2)}ms`,
        );
      } else if (kind < 0.7) {
        push(`[I ${stamp()} ServerApp] Kernel started: ${Math.floor(rand() * 1e9).toString(16)}-4b1e-9c2d-${u}`);
      } else {
        push(`[I ${stamp()} SingleUserNotebookApp mixins:592] Updating Hub with activity every 300 seconds`);
      }
    } else if (r < 0.75) {
      const kind = rand();
      if (kind < 0.995) {
        push(`${clock()} [ConfigProxy] \x1b[32minfo\x1b[39m: 200 GET /api/routes `);
      } else {
        push(
          `${clock()} [ConfigProxy] \x1b[31merror\x1b[39m: 503 GET /user/${u}/tree connect ECONNREFUSED 127.0.0.1:${30000 + Math.floor(rand() * 9999)}`,
        );
      }
    } else if (r < 0.85) {
      push(`[E ${stamp()} JupyterHub web:1820] Uncaught exception GET /hub/api/users/${u}/server (127.0.0.1)`);
      push(
        `    HTTPServerRequest(protocol='http', host='127.0.0.1:8000', method='GET', uri='/hub/api/users/${u}/server', version='HTTP/1.1', remote_ip='127.0.0.1')`,
      );
      push('    Traceback (most recent call last):');
      push('      File "/usr/lib/python3/dist-packages/tornado/web.py", line 1735, in _execute');
      push('        result = await result');
      push('    RuntimeError: simulated');
      push('    ');
    } else {
      const kind = rand();
      if (kind < 0.25) {
        push(`[I ${stamp()} JupyterHub spawner:1674] Spawning /usr/bin/jupyterhub-singleuser --allow-root`);
        push(`[I ${stamp()} JupyterHub base:963] User ${u} took ${(2 + rand() * 6).toFixed(3)} seconds to start`);
        push(
          `[I ${stamp()} JupyterHub proxy:333] Adding user ${u} to proxy /user/${u}/ => http://127.0.0.1:${30000 + Math.floor(rand() * 9999)}`,
        );
      } else if (kind < 0.45) {
        push(`[I ${stamp()} JupyterHub base:810] User logged in: ${u}`);
      } else if (kind < 0.5) {
        push(`[W ${stamp()} JupyterHub base:816] Failed login for ${u}`);
      } else if (kind < 0.6) {
        push(`[I ${stamp()} JupyterHub base:1170] User ${u} server took ${(rand() * 2).toFixed(3)} seconds to stop`);
      } else if (kind < 0.65) {
        push(`[W ${stamp()} JupyterHub base:906] ${Math.floor(rand() * 20)} pending spawns, throttling. Suggested retry in 35 seconds.`);
      } else if (kind < 0.67) {
        push(
          `[W ${stamp()} JupyterHub web:1818] 500 POST /hub/api/users/${u}/server (127.0.0.1): Spawner failed to start [status=3]. The logs for ${u} may contain details.`,
        );
        push(
          `[W ${stamp()} JupyterHub user:881] ${u}'s server never showed up at http://127.0.0.1:47257/user/${u}/ after 15 seconds. Giving up.`,
        );
        push('    ');
        push('    Common causes of this timeout, and debugging tips:');
      } else if (kind < 0.69) {
        push(`[W ${stamp()} JupyterHub base:1127] User ${u} server stopped, with exit code: -9`);
      } else if (kind < 0.7) {
        push('probe: simulated crash');
      } else {
        push(`[I ${stamp()} JupyterHub pages:394] ${u} is pending spawn`);
      }
    }
    if (batch.length > 1 << 20) await flush();
  }
  await flush();
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { lines, bytes };
}
