/**
 * `--fault-rate` with `--fault-kind` (fault-injection.ts `faults`): the share of each kind, drawn
 * with the seeded random source, at the step (10,000 draws, fast) and over HTTP (a smaller run);
 * and the routes that stay spared.
 */
import { expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER } from '../../../fixtures/index.ts';
import { parseMockConfig } from '../../config.ts';
import { startMock } from '../../server.ts';
import { seededRandom } from '../components.ts';
import { faults } from '../fault-injection.ts';
import type { MockRequest, MockResponse } from '../pipeline/exchange.ts';
import { ApiError } from '../../core/errors.ts';
import { DEMO_BASIC, getJson, postForm, postJson } from '../../testing/test-support.ts';
import { FAULT_KINDS, type FaultKind } from './fault-kinds.ts';
import { wireRequest } from './wire-exchange.ts';

/** Runs the step on a stand-in exchange and says what it did: a kind, or 'none'. */
function drawOnce(step: ReturnType<typeof faults>): FaultKind | 'none' {
  const socket = { end: () => {}, resetAndDestroy: () => {}, destroy: () => {} };
  const res = { fault: undefined, shouldKeepAlive: true } as unknown as MockResponse;
  const req = { socket } as unknown as MockRequest;
  try {
    void step!(req, res);
  } catch (error) {
    if (error instanceof ApiError && error.status === 500) return '500';
    throw error;
  }
  return res.fault ?? 'none';
}

it('gives each --fault-kind its share of 10,000 seeded draws within 2 points', () => {
  const kinds: FaultKind[] = [...FAULT_KINDS];
  const step = faults(0.6, seededRandom(42), kinds);
  const counts = new Map<string, number>();
  const runs = 10_000;
  for (let i = 0; i < runs; i++) {
    const outcome = drawOnce(step);
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  expect(Math.abs(counts.get('none')! / runs - 0.4)).toBeLessThan(0.02);
  for (const kind of kinds) expect(Math.abs((counts.get(kind) ?? 0) / runs - 0.6 / kinds.length)).toBeLessThan(0.02);
});

it('draws the same calls for a seed with one kind as before --fault-kind existed', () => {
  const withKind = faults(0.3, seededRandom(7), ['500']);
  const without = faults(0.3, seededRandom(7));
  const pattern = (step: ReturnType<typeof faults>) => Array.from({ length: 200 }, () => drawOnce(step));
  expect(pattern(withKind)).toEqual(pattern(without));
});

it('reads --fault-kind repeated, and MOCK_FAULT_KINDS comma-separated, and refuses another kind', () => {
  expect(parseMockConfig(['--fault-kind', 'reset', '--fault-kind', 'slow-body']).config.faultKinds).toEqual(['reset', 'slow-body']);
  expect(parseMockConfig([], { MOCK_FAULT_KINDS: '500,truncated' }).config.faultKinds).toEqual(['500', 'truncated']);
  expect(parseMockConfig([]).config.faultKinds).toEqual([]);
  expect(() => parseMockConfig(['--fault-kind', 'explode'])).toThrow('--fault-kind must be one of 500, reset, empty, garbage, truncated, slow-body, not "explode".');
});

it('gives --fault-rate requests the --fault-kinds over HTTP, journals them, and spares OAuth, admin and health', async () => {
  const mock = await startMock({ count: 0, rateLimit: false, faultRate: 1, faultKinds: ['reset', 'empty', 'garbage'], seed: 3 });
  try {
    const token = await postForm(`${mock.url}/user/oauth/token`, { grant_type: 'client_credentials' }, { authorization: DEMO_BASIC });
    expect(token.status).toBe(200);
    expect((await getJson(`${mock.url}/healthz`)).status).toBe(200);
    expect((await getJson(`${mock.url}/__admin/customers/${SAMPLE_CUSTOMER_NUMBER}`)).status).toBe(200);
    expect((await postJson(`${mock.url}/__admin/tokens`, { clientId: 'demo-client' })).status).toBe(200);
    const head = `GET /v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token.body.access_token}\r\nConnection: close\r\n\r\n`;
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      const wire = await wireRequest(mock.url, head);
      seen.push(wire.errorCode === 'ECONNRESET' ? 'reset' : wire.bytes.length === 0 ? 'empty' : 'garbage');
    }
    for (const kind of ['reset', 'empty', 'garbage']) expect(seen.filter((outcome) => outcome === kind).length).toBeGreaterThanOrEqual(4);
    const journal = await getJson(`${mock.url}/__admin/requests?operationId=getClientCustomerInfo`);
    expect(journal.body.requests.map((entry: { fault: string }) => entry.fault)).toEqual(seen);
  } finally {
    await mock.close();
  }
});
