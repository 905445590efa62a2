import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * One HTTP exchange with graphite-web on node:http rather than fetch: the proxy's overhead is a
 * budget (bench/proxy.ts), and fetch — Next's patched one in particular — costs several times
 * more per call. Redirects are never followed (a 3xx is just a status), so a request cannot be
 * bounced to another host or path. The body is capped so a runaway answer cannot exhaust memory:
 * it is refused as soon as it passes the cap (or announces a length over it), never read whole.
 */

export type RawResponse = {
  status: number;
  /** The answer's bytes as received: kept as they are (the render cache stores them), decoded only where read. */
  bytes: Buffer;
};

export type HttpCallInit = {
  method: 'GET' | 'POST';
  /** Form-encoded body for POST. */
  form?: string;
  /** JSON body for POST (graphite-web's event creation reads JSON, not a form). */
  json?: string;
  headers: Record<string, string>;
  signal: AbortSignal;
  maxBytes: number;
};

export class ResponseTooLarge extends Error {
  override name = 'ResponseTooLarge';
  readonly limitBytes: number;
  constructor(message: string, limitBytes: number) {
    super(message);
    this.limitBytes = limitBytes;
  }
}

const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

export function httpCall(url: URL, init: HttpCallInit): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const https = url.protocol === 'https:';
    const headers: Record<string, string> = { ...init.headers };
    const body = init.form ?? init.json;
    if (body !== undefined) {
      headers['content-type'] = init.form !== undefined ? 'application/x-www-form-urlencoded' : 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const options = { method: init.method, headers, signal: init.signal, agent: https ? httpsAgent : httpAgent };
    const request = (https ? httpsRequest : httpRequest)(url, options, (response) => {
      // Refused before a byte of the body is read when graphite-web announces its size.
      const announced = Number(response.headers['content-length']);
      if (Number.isFinite(announced) && announced > init.maxBytes) {
        reject(new ResponseTooLarge(`answer of ${announced} bytes, over the limit of ${init.maxBytes}`, init.maxBytes));
        request.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > init.maxBytes) {
          reject(new ResponseTooLarge(`answer larger than ${init.maxBytes} bytes`, init.maxBytes));
          request.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes: Buffer.concat(chunks, size) }));
      response.on('error', reject);
      response.on('aborted', () => reject(new Error('response aborted')));
    });
    request.on('error', reject);
    request.end(body);
  });
}
