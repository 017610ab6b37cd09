/**
 * `GET /metrics` (docs/reference.md §4, docs/decisions/043), read with a Prometheus text-format
 * parser: counters move by exactly what a test sent, a session's requests carry its label, the
 * state gauges, and the route's guards (admin token, no journal, no rate limit, no browsers).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER } from '../../../fixtures/index.ts';
import { type RunningMock, startMock } from '../../server.ts';
import { manualClock } from '../components.ts';
import { callOperation, clientToken, getJson, postJson } from '../../testing/test-support.ts';
import { familyType, histogramCount, sample, scrape } from './prometheus-text.ts';

let mock: RunningMock;
let token: string;
// The rate limit's windows move with this clock, not with time.
const clock = manualClock(Date.now());
beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimits: { perSecond: 3, perMinute: 1000 } }, { clock });
  token = await clientToken(mock.url);
});
afterAll(() => mock.close());

const info = (prefer?: string, base = mock.url, bearer = token) =>
  callOperation(base, 'getClientCustomerInfo', { token: bearer, params: { customerNumber: SAMPLE_CUSTOMER_NUMBER }, ...(prefer ? { headers: { prefer } } : {}) });
const OPERATION = { operation: 'getClientCustomerInfo', session: '' };

it('counts requests by operation and status, and their answer times, by exactly what was sent', async () => {
  const before = await scrape(mock.url);
  for (let i = 0; i < 2; i++) expect((await info()).status).toBe(200);
  expect((await info('code=404')).status).toBe(404);
  const after = await scrape(mock.url);
  const moved = (labels: Record<string, string>) => sample(after, 'connect_mock_requests_total', labels) - sample(before, 'connect_mock_requests_total', labels);
  expect(familyType(after, 'connect_mock_requests_total')).toBe('counter');
  expect(moved({ ...OPERATION, status: '200' })).toBe(2);
  expect(moved({ ...OPERATION, status: '404' })).toBe(1);
  expect(familyType(after, 'connect_mock_request_duration_seconds')).toBe('histogram');
  expect(histogramCount(after, 'connect_mock_request_duration_seconds', OPERATION) - histogramCount(before, 'connect_mock_request_duration_seconds', OPERATION)).toBe(3);
  // Scrapes count nowhere.
  expect(after.text).not.toContain('/metrics"');
  clock.advance(1000);
});

it('counts 429s by client, and network faults by kind', async () => {
  const before = await scrape(mock.url);
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await info()).status);
  const limited = statuses.filter((status) => status === 429).length;
  expect(limited).toBeGreaterThan(0);
  clock.advance(1000);
  await info('fault=truncated').catch(() => undefined);
  await info('fault=reset').catch(() => undefined);
  const after = await scrape(mock.url);
  // A reset sent no status: "0".
  expect(sample(after, 'connect_mock_requests_total', { ...OPERATION, status: '0' })).toBe(1);
  expect(sample(after, 'connect_mock_faults_total', { ...OPERATION, kind: 'reset' })).toBe(1);
  expect(sample(after, 'connect_mock_rate_limited_total', { client: 'demo-client', session: '' }) - sample(before, 'connect_mock_rate_limited_total', { client: 'demo-client', session: '' })).toBe(limited);
  expect(sample(after, 'connect_mock_faults_total', { ...OPERATION, kind: 'truncated' })).toBe(1);
  clock.advance(1000);
});

it('labels a session\'s requests with the session, and drops its series once it ends', async () => {
  await postJson(`${mock.url}/__admin/sessions`, { id: 'metered', count: 0 });
  const base = `${mock.url}/__sessions/metered`;
  const sessionToken = await clientToken(base);
  await info(undefined, base, sessionToken);
  const during = await scrape(mock.url);
  expect(sample(during, 'connect_mock_requests_total', { operation: 'getClientCustomerInfo', status: '200', session: 'metered' })).toBe(1);
  expect(sample(during, 'connect_mock_sessions')).toBe(1);
  expect(sample(during, 'connect_mock_oauth_outstanding', { kind: 'access_token', session: 'metered' })).toBe(1);
  await fetch(`${base.replace('/__sessions/metered', '')}/__admin/sessions/metered`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
  const after = await scrape(mock.url);
  expect(sample(after, 'connect_mock_sessions')).toBe(0);
  expect(after.text).not.toContain('session="metered"');
});

it('shows customers, outstanding tokens, the journal size and the state backend', async () => {
  const scraped = await scrape(mock.url);
  expect(sample(scraped, 'connect_mock_customers', { session: '' })).toBe(mock.store.size);
  expect(sample(scraped, 'connect_mock_oauth_outstanding', { kind: 'access_token', session: '' })).toBeGreaterThanOrEqual(1);
  const journal = await getJson(`${mock.url}/__admin/requests?limit=1`);
  expect(sample(scraped, 'connect_mock_journal_entries', { session: '' })).toBe(journal.body.total);
  expect(sample(scraped, 'connect_mock_state_backend_up', { backend: 'memory' })).toBe(1);
});

it('is neither journaled nor rate limited', async () => {
  const before = (await getJson(`${mock.url}/__admin/requests?limit=1`)).body.total;
  // More scrapes in a second than the API's limit (3) allows.
  for (let i = 0; i < 6; i++) expect((await fetch(`${mock.url}/metrics`)).status).toBe(200);
  expect((await getJson(`${mock.url}/__admin/requests?limit=1`)).body.total).toBe(before);
});

it('is refused to a web page of another origin, as the admin API is', async () => {
  const response = await fetch(`${mock.url}/metrics`, { headers: { origin: 'https://evil.example' } });
  expect(response.status).toBe(403);
});

it('needs the admin token given --admin-token, and is off with --no-admin and with --no-metrics', async () => {
  const guarded = await startMock({ count: 0, adminToken: 's3cret' });
  const off = await startMock({ count: 0, admin: false });
  const unmetered = await startMock({ count: 0, metrics: false });
  try {
    expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect(sample(await scrape(guarded.url, { authorization: 'Bearer s3cret' }), 'connect_mock_state_backend_up', { backend: 'memory' })).toBe(1);
    expect((await fetch(`${off.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${unmetered.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${unmetered.url}/__admin/customers`)).status).toBe(200);
  } finally {
    await guarded.close();
    await off.close();
    await unmetered.close();
  }
});

it('reports the state backend as the health function given says', async () => {
  const down = await startMock({ count: 0 }, { stateHealth: () => ({ backend: 'redis', healthy: false }) });
  try {
    expect(sample(await scrape(down.url), 'connect_mock_state_backend_up', { backend: 'redis' })).toBe(0);
  } finally {
    await down.close();
  }
});
