import { expect, test } from '@playwright/test';

// Every 4xx the proxy answers, with its exact JSON, through the production server and the real
// graphite-web (the Graphite 400 comes from graphite-web itself).

const longTarget = 'a'.repeat(1001);
const manyTargets = Array.from({ length: 51 }, (_, i) => `target=m${i}`).join('&');

const cases: [url: string, code: string, message: string][] = [
  ['/api/graphite/render', 'bad_request', 'target: at least one target is required'],
  ['/api/graphite/render?target=', 'bad_request', 'target[0]: empty target'],
  [`/api/graphite/render?target=${longTarget}`, 'bad_request', 'target[0]: longer than the limit of 1000 characters'],
  [`/api/graphite/render?${manyTargets}`, 'bad_request', 'target: more than the limit of 50 targets'],
  ['/api/graphite/render?target=a&from=yesterday', 'bad_request', 'from: not a Graphite time'],
  ['/api/graphite/render?target=a&from=now%2Fd', 'bad_request', 'from: not a Graphite time'],
  ['/api/graphite/render?target=a&until=-5x', 'bad_request', 'until: unknown time unit "x" (use s, min, h, d, w, mon, y)'],
  ['/api/graphite/render?target=a&from=1795604400000', 'bad_request', 'from: expected epoch seconds (this looks like milliseconds)'],
  ['/api/graphite/render?target=a&from=12:00_20260231', 'bad_request', 'from: not a valid calendar date/time'],
  ['/api/graphite/render?target=a&from=-1h&from=-2h', 'bad_request', 'from: given more than once'],
  ['/api/graphite/render?target=a&from=now&until=-1h', 'bad_request', 'until: must be later than from'],
  ['/api/graphite/render?target=a&from=-3y', 'bad_request', 'from: range from..until is longer than the limit of 732 days'],
  ['/api/graphite/render?target=a&maxDataPoints=0', 'bad_request', 'maxDataPoints: must be at least 1'],
  ['/api/graphite/render?target=a&maxDataPoints=5001', 'bad_request', 'maxDataPoints: over the limit of 5000'],
  ['/api/graphite/render?target=a&maxDataPoints=lots', 'bad_request', 'maxDataPoints: must be a whole number'],
  [
    '/api/graphite/render?from=x&maxDataPoints=0',
    'bad_request',
    'target: at least one target is required; maxDataPoints: must be at least 1; from: not a Graphite time',
  ],
  // Not an unknown function: those are refused before Graphite whenever its /functions list can be
  // fetched (graphite-web 1.1.8 on Python 3.11 cannot), so the answer would depend on the stack.
  [
    '/api/graphite/render?target=template(a.b%2C%20x%3Da.c)&from=-5min',
    'graphite_rejected',
    'target: rejected by Graphite: Invalid parameters (invalid template() syntax, only string/numeric arguments are allowed); targets: "template(a.b, x=a.c)"',
  ],
  ['/api/graphite/find', 'bad_request', 'query: required'],
  ['/api/graphite/find?query=a&query=b', 'bad_request', 'query: given more than once'],
  [`/api/graphite/find?query=${'a'.repeat(501)}`, 'bad_request', 'query: longer than the limit of 500 characters'],
  ['/api/graphite/find?query=a%00b', 'bad_request', 'query: contains control characters'],
  ['/api/graphite/events?tags=a/b', 'bad_request', 'tags[0]: tags may contain only letters, digits, and . _ : -'],
  ['/api/graphite/events?tags=a,b,c,d,e,f,g,h,i,j,k', 'bad_request', 'tags: more than the limit of 10 tags'],
  ['/api/graphite/events?from=-1h&until=-2h', 'bad_request', 'until: must be later than from'],
];

for (const [url, code, message] of cases) {
  test(`${url.slice(0, 80)} -> 400 ${code}`, async ({ request }) => {
    const response = await request.get(url);
    expect(response.status()).toBe(400);
    expect(response.headers()['content-type']).toContain('application/json');
    expect(await response.json()).toEqual({ error: { code, message } });
  });
}
