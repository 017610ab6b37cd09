/**
 * The request journal (issue 14): what is recorded and how, the filters of GET /__admin/requests,
 * the deep-partial count, DELETE, the ring's bound, and one journal per session.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_PHONE } from '../../../fixtures/index.ts';
import { type RunningMock, startMock } from '../../server.ts';
import { callOperation, clientToken, DEMO_BASIC, getJson, postForm, postJson } from '../../testing/test-support.ts';
import { MAX_JOURNAL_BODY_BYTES } from './journal-entry.ts';

let mock: RunningMock;
let token: string;

beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false, clients: [{ id: 'demo-client', secret: 'demo-secret' }, { id: 'other', secret: 'other-secret' }] });
  token = await clientToken(mock.url);
});
afterAll(() => mock.close());
beforeEach(async () => {
  expect((await fetch(`${mock.url}/__admin/requests`, { method: 'DELETE', headers: { 'content-type': 'application/json' } })).status).toBe(204);
});

const requests = async (query = '', base = mock.url) => (await getJson(`${base}/__admin/requests${query}`)).body;
const count = async (filter: Record<string, unknown>, base = mock.url) => (await postJson(`${base}/__admin/requests/count`, filter)).body.count as number;
const info = (customerNumber = SAMPLE_CUSTOMER_NUMBER, base = mock.url) => callOperation(base, 'getClientCustomerInfo', { token, params: { customerNumber } });

it('records API and OAuth requests with every field, and not /__admin, /healthz or a preflight', async () => {
  await postForm(`${mock.url}/user/oauth/token`, { grant_type: 'client_credentials' }, { authorization: DEMO_BASIC });
  await callOperation(mock.url, 'searchCustomers', { token, prefix: '/capi', body: { phoneNumber: SAMPLE_PHONE } });
  await getJson(`${mock.url}/healthz`);
  await getJson(`${mock.url}/__admin/customers?limit=1`);
  await fetch(`${mock.url}/v1/client/customer/search`, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' } });
  await getJson(`${mock.url}/no/such/path`);
  const { total, requests: entries } = await requests();
  expect(total).toBe(2);
  const [tokenCall, search] = entries;
  expect(tokenCall).toMatchObject({ method: 'POST', path: '/user/oauth/token', status: 200, operationId: null, clientId: 'demo-client', uniqueId: null, body: { grant_type: 'client_credentials' } });
  expect(search).toMatchObject({ method: 'POST', path: '/capi/v1/client/customer/search', query: {}, status: 200, operationId: 'searchCustomers', clientId: 'demo-client', body: { phoneNumber: SAMPLE_PHONE } });
  expect(search.id).toBeGreaterThan(tokenCall.id);
  expect(Number.isNaN(Date.parse(search.time))).toBe(false);
  expect(search.durationMs).toBeGreaterThanOrEqual(0);
  expect(search.headers['content-type']).toBe('application/json');
  expect(Object.keys(search).sort()).toEqual(['body', 'clientId', 'durationMs', 'headers', 'id', 'method', 'operationId', 'path', 'query', 'status', 'time', 'uniqueId']);
});

it('masks Authorization (a bearer keeps 6 characters) and client_secret in body and query', async () => {
  await info();
  await postForm(`${mock.url}/user/oauth/token?client_secret=in-query&client_id=demo-client`, { grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 'demo-secret' });
  const [read, tokenCall] = (await requests()).requests;
  expect(read.headers.authorization).toBe(`Bearer ${token.slice(0, 6)}…`);
  expect(tokenCall.body).toEqual({ grant_type: 'client_credentials', client_id: 'demo-client', client_secret: '…' });
  expect(tokenCall.query).toEqual({ client_secret: '…', client_id: 'demo-client' });
  await postForm(`${mock.url}/user/oauth/token`, { grant_type: 'client_credentials' }, { authorization: DEMO_BASIC });
  const text = JSON.stringify(await requests());
  expect(text).not.toContain('demo-secret');
  expect(text).not.toContain(token);
  expect(text).not.toContain(DEMO_BASIC.slice(6));
});

it('cuts a body over 64 KiB', async () => {
  const big = { phoneNumber: SAMPLE_PHONE, lastName: 'x'.repeat(100 * 1024) };
  const result = await callOperation(mock.url, 'searchCustomers', { token, body: big });
  expect(result.status).toBe(400);
  const [entry] = (await requests()).requests;
  expect(entry.bodyTruncated).toBe(true);
  expect(entry.body).toHaveLength(64 * 1024);
  expect(entry.body.startsWith('{"phoneNumber"')).toBe(true);
});

it('filters by operationId, method, path, status, clientId and since, AND-ed', async () => {
  await info();
  await info(999_999_999);
  await callOperation(mock.url, 'searchCustomers', { token, body: { phoneNumber: SAMPLE_PHONE } });
  const all = (await requests()).requests;
  expect((await requests('?operationId=getClientCustomerInfo')).total).toBe(2);
  expect((await requests('?method=post')).total).toBe(1);
  expect((await requests(`?path=/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`)).total).toBe(1);
  expect((await requests('?status=404')).requests.map((e: { path: string }) => e.path)).toEqual(['/v1/client/customer/info/999999999']);
  expect((await requests('?clientId=demo-client')).total).toBe(3);
  expect((await requests('?clientId=other')).total).toBe(0);
  expect((await requests(`?since=${all[0].id}`)).requests.map((e: { id: number }) => e.id)).toEqual([all[1].id, all[2].id]);
  expect((await requests('?operationId=getClientCustomerInfo&status=200')).total).toBe(1);
});

it('keeps the newest `limit` matches, oldest first, with total counting all', async () => {
  for (let i = 0; i < 5; i++) await info();
  const all = (await requests()).requests;
  const page = await requests('?limit=2');
  expect(page.total).toBe(5);
  expect(page.requests.map((e: { id: number }) => e.id)).toEqual([all[3].id, all[4].id]);
});

it('answers 400 given a bad filter', async () => {
  for (const query of ['?limit=0', '?limit=1001', '?status=abc', '?since=-1', '?colour=red', '?limit=1&limit=2']) {
    const result = await getJson(`${mock.url}/__admin/requests${query}`);
    expect(result.status, query).toBe(400);
    expect(result.body.exceptionType, query).toBe('ValidationException');
  }
  for (const body of [{ status: '200' }, { body: 'x' }, { limit: 3 }, { nope: 1 }, []]) {
    expect((await postJson(`${mock.url}/__admin/requests/count`, body)).status, JSON.stringify(body)).toBe(400);
  }
});

it('counts requests whose JSON body contains the given body, deeply', async () => {
  const update = { name: { firstName: 'Kari', lastName: 'Nordmann' }, phoneNumbers: [{ phoneNumber: '+4712345678', phoneNumberType: 'mobile' }], emails: ['kari@example.no'] };
  const user = (await postJson(`${mock.url}/__admin/tokens`, { credential: 'ola.nordmann@hotmail.no' })).body.access_token;
  await callOperation(mock.url, 'updateCustomerInfo', { token: user, body: update });
  await callOperation(mock.url, 'searchCustomers', { token, body: { phoneNumber: SAMPLE_PHONE } });
  expect(await count({})).toBe(2);
  expect(await count({ operationId: 'updateCustomerInfo', body: { name: { lastName: 'Nordmann' } } })).toBe(1);
  expect(await count({ body: { phoneNumbers: [{ phoneNumberType: 'mobile' }] } })).toBe(1);
  expect(await count({ body: { name: { lastName: 'Hansen' } } })).toBe(0);
  expect(await count({ body: { emails: [] } })).toBe(0);
  expect(await count({ status: 200, method: 'POST', path: '/v1/client/customer/search', clientId: 'demo-client' })).toBe(1);
  expect(await count({ body: { phoneNumber: SAMPLE_PHONE } })).toBe(1);
});

it('empties with DELETE, answering 204, and keeps ids increasing', async () => {
  await info();
  const before = (await requests()).requests[0].id;
  expect((await fetch(`${mock.url}/__admin/requests`, { method: 'DELETE', headers: { 'content-type': 'application/json' } })).status).toBe(204);
  expect(await requests()).toEqual({ total: 0, requests: [] });
  await info();
  expect((await requests()).requests[0].id).toBeGreaterThan(before);
});

it('keeps only the last --journal-size requests', async () => {
  const small = await startMock({ count: 0, rateLimit: false, journalSize: 3 });
  try {
    const smallToken = await clientToken(small.url);
    for (let i = 0; i < 5; i++) await callOperation(small.url, 'getClientCustomerInfo', { token: smallToken, params: { customerNumber: SAMPLE_CUSTOMER_NUMBER } });
    const { total, requests: entries } = (await getJson(`${small.url}/__admin/requests`)).body;
    expect(total).toBe(3);
    expect(entries.map((e: { id: number }) => e.id)).toEqual([4, 5, 6]);
  } finally {
    await small.close();
  }
});

it('answers 200 with no entries given --journal-size 0', async () => {
  const off = await startMock({ count: 0, rateLimit: false, journalSize: 0 });
  try {
    await clientToken(off.url);
    expect((await getJson(`${off.url}/__admin/requests`)).body).toEqual({ total: 0, requests: [] });
    expect((await postJson(`${off.url}/__admin/requests/count`, {})).body).toEqual({ count: 0 });
    expect((await fetch(`${off.url}/__admin/requests`, { method: 'DELETE', headers: { 'content-type': 'application/json' } })).status).toBe(204);
  } finally {
    await off.close();
  }
});

it('keeps a journal per session, with paths less the session prefix', async () => {
  await postJson(`${mock.url}/__admin/sessions`, { id: 'j1', count: 0 });
  const base = `${mock.url}/__sessions/j1`;
  const inSession = await clientToken(base);
  await callOperation(base, 'getClientCustomerInfo', { token: inSession, prefix: '/capi', params: { customerNumber: SAMPLE_CUSTOMER_NUMBER } });
  const journal = await requests('', base);
  expect(journal.requests.map((e: { path: string }) => e.path)).toEqual(['/user/oauth/token', `/capi/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`]);
  expect((await requests()).total).toBe(0);
  expect(await count({ operationId: 'getClientCustomerInfo' }, base)).toBe(1);
  await fetch(`${mock.url}/__admin/sessions/j1`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
});

it('survives bodies nested deeper than JSON.stringify can write, and answers every query (fuzz regression)', async () => {
  // 100,000 deep (over 64 KiB) overflowed the stack when the entry was made, and crashed the mock;
  // 5,000 deep (10 KiB) would have broken GET /__admin/requests. Both are now refused as JSON nested
  // deeper than 64 levels (docs/reference.md §10), and journaled as their first 64 KiB of text.
  const bodies: string[] = [];
  for (const depth of [100_000, 5_000]) {
    const rawBody = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    bodies.push(rawBody.slice(0, MAX_JOURNAL_BODY_BYTES));
    const result = await callOperation(mock.url, 'searchCustomers', { token, rawBody });
    expect(result.status).toBe(400);
  }
  const listed = await getJson(`${mock.url}/__admin/requests`);
  expect(listed.status).toBe(200);
  expect(listed.body.requests.map((entry: { status: number }) => entry.status)).toEqual([400, 400]);
  expect(listed.body.requests.map((entry: { body: unknown; bodyTruncated?: true }) => [entry.body, entry.bodyTruncated])).toEqual([
    [bodies[0], true],
    [bodies[1], true],
  ]);
  expect(await count({ body: {} })).toBe(0);
  const deepPattern = JSON.parse(`${'{"a":'.repeat(65)}1${'}'.repeat(65)}`);
  const refused = await postJson(`${mock.url}/__admin/requests/count`, { body: deepPattern });
  expect(refused.status).toBe(400);
  expect(refused.body.errorMessage).toContain('deeper than 64');
});

it('keeps a refused token body\'s text with its client_secret masked', async () => {
  const deep = `${'['.repeat(70)}${']'.repeat(70)}`;
  const rawBody = `{"grant_type":"client_credentials","client_id":"demo-client","client_secret":"demo-secret","x":${deep}}`;
  const response = await fetch(`${mock.url}/user/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: rawBody });
  expect(response.status).toBe(400);
  const [entry] = (await getJson(`${mock.url}/__admin/requests?path=/user/oauth/token`)).body.requests.slice(-1);
  expect(entry.body).toBe(rawBody.replace('"demo-secret"', '"…"'));
  expect(entry.bodyTruncated).toBe(true);
});

it('lists the newest 100 when no limit is given', async () => {
  for (let i = 0; i < 105; i++) await fetch(`${mock.url}/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`, { headers: { authorization: `Bearer ${token}` } });
  const { total, requests: entries } = await requests();
  expect(total).toBe(105);
  expect(entries).toHaveLength(100);
  expect(entries[99].id - entries[0].id).toBe(99);
});
