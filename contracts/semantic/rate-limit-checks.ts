import type { HttpResponse } from '../http/http-client.ts';
import { needClient, needUser, type Target } from '../runner/target.ts';
import type { SemanticCheck } from './check.ts';
import { expectThat } from './expect.ts';

/**
 * DESIGN.md §1: every API response carries `X-RateLimit-Remaining` (calls left) and
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
