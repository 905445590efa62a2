/**
 * How a chart's render request travels. A GET while its URL is short (cacheable by the browser's
 * SWR key and served by the proxy's fast path); a POST with the same parameters as a form body once
 * the URL would be long, because Node answers an empty 431 beyond 16 KB of headers and proxies in
 * front of the dashboard often stop at 8 KB. The documented limit (50 targets of 1,000 characters)
 * only fits in a body.
 */

/** Well under the 8 KB request line many reverse proxies allow. */
export const MAX_GET_URL_LENGTH = 4_000;

export interface RenderRequest {
  url: string;
  init: RequestInit;
}

/** `url` is what renderUrl built (path + query); the SWR key stays that URL either way. */
export function renderRequest(url: string): RenderRequest {
  if (url.length <= MAX_GET_URL_LENGTH) return { url, init: { method: 'GET' } };
  const q = url.indexOf('?');
  return {
    url: url.slice(0, q),
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: url.slice(q + 1),
    },
  };
}
