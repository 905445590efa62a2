/** HTTP plumbing for the simulator: every request has a timeout; a browser session keeps cookies. */

import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export class HttpError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export type RequestOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
};

/** fetch without following redirects (the simulator reads each hop like a browser's network tab). */
export async function request(url: string, options: RequestOptions): Promise<Response> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    return await fetch(url, {
      method: options.method ?? 'GET',
      headers: options.headers,
      body: options.body,
      redirect: 'manual',
      signal,
    });
  } catch (error) {
    throw new HttpError(`${options.method ?? 'GET'} ${url} failed (${failureReason(error)})`, url);
  }
}

/**
 * What a browser sends when a person opens a page or submits a form. JupyterHub 4.1+ set the xsrf
 * cookie only for such navigation; without it (Node's fetch always says `Sec-Fetch-Mode: cors`)
 * the login form's token is signed per second and a POST in the next second is refused with 403
 * "XSRF cookie does not match POST argument" (seen on 6.1.1). So the students' pages go through
 * node:http, which sends these headers as given.
 */
const NAVIGATION: Record<string, string> = {
  'Sec-Fetch-Mode': 'navigate',
  'Sec-Fetch-Site': 'same-origin',
  'Sec-Fetch-Dest': 'document',
  'Sec-Fetch-User': '?1',
};
const NULL_BODY = new Set([101, 204, 205, 304]);

/** A page request as a browser makes it (see NAVIGATION), redirects not followed, with a timeout. */
export function navigate(url: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const headers: Record<string, string> = { ...NAVIGATION, ...options.headers };
  if (options.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(options.body));
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => reject(new HttpError(`${method} ${url} failed (${failureReason(error)})`, url));
    const req = send(target, { method, headers, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const answer = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) answer.append(res.rawHeaders[i] ?? '', res.rawHeaders[i + 1] ?? '');
        resolve(new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), { status, headers: answer }));
      });
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

/** undici hides the useful part ("connect ECONNREFUSED 127.0.0.1:8000") in `cause`. */
export function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'timed out';
  const cause: unknown = error.cause;
  // node:http reports its AbortSignal.timeout as an AbortError caused by the TimeoutError
  if (cause instanceof Error && cause.name === 'TimeoutError') return 'timed out';
  if (cause instanceof Error && cause.message !== '') return cause.message;
  return error.message;
}

/**
 * A minimal cookie jar for one host: name -> value. The hub sets its login cookie with
 * path=/hub/ and the xsrf cookie on /; a student only ever talks to one hub, so path and
 * domain matching would change nothing here.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(setCookieHeaders: readonly string[]): void {
    for (const header of setCookieHeaders) {
      const pair = header.split(';', 1)[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = /;\s*max-age=0\b/i.test(header) || /;\s*expires=Thu, 01 Jan 1970/i.test(header);
      if (expired || value === '' || value === '""') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** The value of a hidden `_xsrf` input in an HTML form, if the page has one (JupyterHub >= 4 does). */
export function findXsrfInput(html: string): string | undefined {
  const input = html.match(/<input[^>]*name=["']_xsrf["'][^>]*>/i)?.[0];
  return input?.match(/value=["']([^"']*)["']/i)?.[1];
}

export async function readTextSafely(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    return '';
  }
}
