/**
 * `Prefer: fault=…` over a bare socket (docs/reference.md §3 "Network faults"): what the client side
 * of the wire sees for each kind, that the mock serves others meanwhile, and the journal's entry.
 */
import { get } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER } from '../../../fixtures/index.ts';
import type { RunningMock } from '../../server.ts';
import { getJson, startWithClientToken } from '../../testing/test-support.ts';
import { splitAnswer, wireRequest } from './wire-exchange.ts';

let mock: RunningMock;
let token: string;
beforeAll(async () => ({ mock, token } = await startWithClientToken({ rateLimit: false })));
afterAll(() => mock.close());

const PATH = `/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`;
const head = (prefer: string) =>
  `GET ${PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nPrefer: ${prefer}\r\nConnection: close\r\n\r\n`;

it('resets the connection before any byte given Prefer: fault=reset', async () => {
  const seen = await wireRequest(mock.url, head('fault=reset'));
  expect(seen.errorCode).toBe('ECONNRESET');
  expect(seen.bytes.length).toBe(0);
});

it('closes the connection with no bytes given Prefer: fault=empty', async () => {
  const seen = await wireRequest(mock.url, head('fault=empty'));
  expect(seen.ended).toBe(true);
  expect(seen.errorCode).toBeUndefined();
  expect(seen.bytes.length).toBe(0);
});

it('sends bytes that are not HTTP, then closes, given Prefer: fault=garbage', async () => {
  const seen = await wireRequest(mock.url, head('fault=garbage'));
  expect(seen.ended).toBe(true);
  expect(seen.bytes.length).toBeGreaterThan(0);
  expect(seen.bytes.subarray(0, 5).toString('latin1')).not.toBe('HTTP/');
  // Node's own HTTP parser (llhttp, as in fetch) refuses them.
  const parserError = await new Promise<string | undefined>((resolve) => {
    const request = get(`${mock.url}${PATH}`, { headers: { authorization: `Bearer ${token}`, prefer: 'fault=garbage' } }, () => resolve(undefined));
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code));
  });
  expect(parserError).toBe('HPE_INVALID_CONSTANT');
});

it('sends the real status and headers with half the body, then closes, given Prefer: fault=truncated', async () => {
  const whole = await getJson(`${mock.url}${PATH}`, { authorization: `Bearer ${token}` });
  const seen = await wireRequest(mock.url, head('fault=truncated'));
  const { head: answerHead, body } = splitAnswer(seen.bytes);
  const length = Number(/\r\ncontent-length: (\d+)/i.exec(answerHead)?.[1]);
  expect(answerHead).toMatch(/^HTTP\/1\.1 200 /);
  expect(length).toBe(Buffer.byteLength(JSON.stringify(whole.body)));
  expect(seen.ended).toBe(true);
  expect(body.length).toBe(Math.floor(length / 2));
  expect(body.toString('utf8')).toBe(JSON.stringify(whole.body).slice(0, body.length));
});

it('truncates the answer a Prefer: code asked for too', async () => {
  const seen = await wireRequest(mock.url, head('fault=truncated, code=404'));
  const { head: answerHead, body } = splitAnswer(seen.bytes);
  expect(answerHead).toMatch(/^HTTP\/1\.1 404 /);
  expect(body.length).toBe(Math.floor(Number(/content-length: (\d+)/i.exec(answerHead)?.[1]) / 2));
});

it('writes the body in several pieces over the delay given Prefer: fault=slow-body, and serves others meanwhile', async () => {
  const slow = wireRequest(mock.url, head('fault=slow-body, delay=800'));
  // Asked while the slow body is being written: answered at once, whole.
  const started = performance.now();
  const health = await getJson(`${mock.url}/healthz`);
  const healthMs = performance.now() - started;
  const seen = await slow;
  expect(health.status).toBe(200);
  const { head: answerHead, body } = splitAnswer(seen.bytes);
  expect(answerHead).toMatch(/^HTTP\/1\.1 200 /);
  expect(body.length).toBe(Number(/content-length: (\d+)/i.exec(answerHead)?.[1]));
  JSON.parse(body.toString('utf8'));
  const bodyChunks = seen.chunks.filter((chunk) => chunk.atMs > 0).length;
  expect(bodyChunks).toBeGreaterThanOrEqual(5);
  const last = seen.chunks.at(-1)!.atMs;
  expect(last).toBeGreaterThanOrEqual(700);
  expect(healthMs).toBeLessThan(last);
});

it('serves other connections while it resets, empties and garbles these', async () => {
  const faulted = ['reset', 'empty', 'garbage', 'truncated'].map((kind) => wireRequest(mock.url, head(`fault=${kind}, delay=300`)));
  const other = await getJson(`${mock.url}${PATH}`, { authorization: `Bearer ${token}` });
  expect(other.status).toBe(200);
  await Promise.all(faulted);
  expect((await getJson(`${mock.url}/healthz`)).status).toBe(200);
});

it('answers 400 naming the allowed kinds given another fault', async () => {
  const seen = await wireRequest(mock.url, head('fault=explode'));
  const { head: answerHead, body } = splitAnswer(seen.bytes);
  expect(answerHead).toMatch(/^HTTP\/1\.1 400 /);
  expect(JSON.parse(body.toString('utf8')).errorMessage).toBe(
    'Prefer: fault must be one of reset, empty, garbage, truncated, slow-body, not "explode".',
  );
});

it('journals each faulted request with its fault, and no status where none was sent', async () => {
  await fetch(`${mock.url}/__admin/requests`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
  for (const kind of ['reset', 'empty', 'garbage', 'truncated', 'slow-body']) await wireRequest(mock.url, head(`fault=${kind}, delay=100`));
  await getJson(`${mock.url}${PATH}`, { authorization: `Bearer ${token}` });
  const { body } = await getJson(`${mock.url}/__admin/requests`);
  const entries = body.requests.map((entry: { fault?: string; status: number | null }) => [entry.fault, entry.status]);
  expect(entries).toEqual([
    ['reset', null],
    ['empty', null],
    ['garbage', null],
    ['truncated', 200],
    ['slow-body', 200],
    [undefined, 200],
  ]);
  const truncated = await getJson(`${mock.url}/__admin/requests?fault=truncated`);
  expect(truncated.body.requests.map((entry: { fault: string }) => entry.fault)).toEqual(['truncated']);
});

it('journals a connection fault whose client left during the delay, and keeps serving', async () => {
  await fetch(`${mock.url}/__admin/requests`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
  for (const kind of ['reset', 'empty', 'garbage']) await wireRequest(mock.url, head(`fault=${kind}, delay=200`), 50);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const { body } = await getJson(`${mock.url}/__admin/requests`);
  expect(body.requests.map((entry: { fault?: string }) => entry.fault)).toEqual(['reset', 'empty', 'garbage']);
});
