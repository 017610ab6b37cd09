import type { HttpResponse } from '../http/http-client.ts';
import { CheckSkip } from '../runner/results.ts';
import { needClient, needUser, type Target } from '../runner/target.ts';
import type { SemanticCheck } from './check.ts';
import { expectThat } from './expect.ts';

/**
 * contracts/README.md: every API response carries `X-RateLimit-Remaining` (calls left) and
 * `X-RateLimit-Reset` (epoch seconds). A reset more than a day off is not epoch seconds
 * (milliseconds, or seconds-from-now).
 */
function expectRateLimitHeaders(res: HttpResponse): void {
  const remaining = res.headers['x-ratelimit-remaining'];
  const reset = res.headers['x-ratelimit-reset'];
  expectThat(remaining !== undefined && /^\d+$/.test(remaining), `X-RateLimit-Remaining is ${remaining ?? 'missing'}, not a count`, res);
  expectThat(reset !== undefined && /^\d+$/.test(reset), `X-RateLimit-Reset is ${reset ?? 'missing'}, not epoch seconds`, res);
  const now = Date.now() / 1000;
  expectThat(Math.abs(Number(reset) - now) < 86_400, `X-RateLimit-Reset ${reset} is not epoch seconds near now (${Math.round(now)})`, res);
}

const row = (name: string, request: (t: Target) => Promise<HttpResponse>): SemanticCheck => ({
  group: 'rate-limit',
  name,
  run: async (t) => expectRateLimitHeaders(await request(t)),
});

export const RATE_LIMIT_CHECKS: SemanticCheck[] = [
  row('headers on GET /v1/customer/info', (t) => t.http.request({ method: 'GET', path: '/v1/customer/info', bearer: needUser(t) })),
  row('headers on a search', (t) => t.http.request({ method: 'POST', path: '/v1/client/customer/search', bearer: needClient(t), json: { phoneNumber: '+999999999999' } })),
  row('headers on a credentials check', (t) => t.http.request({ method: 'POST', path: '/v1/client/credential/customers/check', bearer: needClient(t), json: { credentials: ['nobody@kontrakt.example.invalid'] } })),
  row('headers on client-mode customer info', (t) => t.http.request({ method: 'GET', path: `/v1/client/customer/info/${t.own?.customerNumber ?? t.missingCustomerNumber ?? 1}`, bearer: needClient(t) })),
  row('headers on a 400 answer', (t) => t.http.request({ method: 'POST', path: '/v1/client/customer/search', bearer: needClient(t), json: {} })),
];

const clientInfo = (t: Target, extra: { headers?: Record<string, string>; retryOn429?: boolean } = {}) =>
  t.http.request({ method: 'GET', path: `/v1/client/customer/info/${t.own?.customerNumber ?? t.missingCustomerNumber ?? 1}`, bearer: needClient(t), ...extra });

/** Headers checked for behaviour, not only shape (the API's rules, contracts/README.md: 100 a second, 2000 a minute). */
export const RATE_LIMIT_BEHAVIOUR_CHECKS: SemanticCheck[] = [
  {
    group: 'rate-limit',
    name: 'X-RateLimit-Remaining counts down across calls in one window',
    run: async (t) => {
      // Three calls in a row; two of them in one window (same Reset) must show one call fewer left.
      for (let attempt = 0; attempt < 3; attempt++) {
        const answers = [await clientInfo(t), await clientInfo(t), await clientInfo(t)];
        answers.forEach(expectRateLimitHeaders);
        const pairs = answers.slice(1).map((res, i) => [answers[i]!, res] as const).filter(([a, b]) => a.headers['x-ratelimit-reset'] === b.headers['x-ratelimit-reset']);
        if (pairs.length === 0) continue;
        for (const [before, after] of pairs) {
          const [was, is] = [Number(before.headers['x-ratelimit-remaining']), Number(after.headers['x-ratelimit-remaining'])];
          expectThat(is < was, `X-RateLimit-Remaining went from ${was} to ${is} between two calls in one window`, after);
        }
        return;
      }
      throw new CheckSkip('every pair of calls fell into different rate-limit windows');
    },
  },
  {
    group: 'rate-limit',
    name: 'X-RateLimit-Reset is epoch seconds in the near future',
    run: async (t) => {
      const res = await clientInfo(t);
      expectRateLimitHeaders(res);
      const reset = Number(res.headers['x-ratelimit-reset']);
      const now = Math.floor(Date.now() / 1000);
      // A window of at most a minute (the API's rules, contracts/README.md): its end is from now to 61 s ahead.
      expectThat(reset >= now - 1 && reset <= now + 61, `X-RateLimit-Reset ${reset} is not the end of a current window (now ${now})`, res);
    },
  },
  {
    group: 'rate-limit',
    name: 'a 429 carries Retry-After',
    covers: ['getClientCustomerInfo 429'],
    run: async (t) => {
      if (!t.adminUrl) throw new CheckSkip('a real server answers 429 only when flooded past its rate limit, which a contract run must not do');
      const res = await clientInfo(t, { headers: { prefer: 'code=429' }, retryOn429: false });
      expectThat(res.status === 429, `Prefer: code=429 answered ${res.status}`, res);
      const retryAfter = res.headers['retry-after'] ?? '';
      expectThat(/^\d+$/.test(retryAfter.trim()) || !Number.isNaN(Date.parse(retryAfter)), `a 429 with Retry-After ${JSON.stringify(res.headers['retry-after'] ?? null)}, not seconds or an HTTP date (RFC 9110 §10.2.3)`, res);
    },
  },
];
