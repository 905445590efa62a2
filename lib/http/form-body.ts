import { ApiError } from './route';

/**
 * A form body (application/x-www-form-urlencoded), as graphite-web and Grafana send renders, so
 * that the documented 50 targets of 1,000 characters fit: in a query string they overflow Node's
 * 16 KB header limit. Room for that limit with every character percent-encoded, and no more.
 */
export const MAX_FORM_BYTES = 256 * 1024;

const FORM_TYPE = 'application/x-www-form-urlencoded';

/** The query string's parameters followed by the form body's (graphite-web reads both). */
export async function formParams(request: Request): Promise<URLSearchParams> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== FORM_TYPE) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `content-type: expected ${FORM_TYPE}, got ${JSON.stringify(type?.slice(0, 60) ?? '')}`,
    );
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_FORM_BYTES) throw new ApiError(413, 'body_too_large', `body: larger than the limit of ${MAX_FORM_BYTES} bytes`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_FORM_BYTES)
    throw new ApiError(413, 'body_too_large', `body: larger than the limit of ${MAX_FORM_BYTES} bytes`);
  const params = new URLSearchParams(new URL(request.url).search);
  for (const [key, value] of new URLSearchParams(text)) params.append(key, value);
  return params;
}
