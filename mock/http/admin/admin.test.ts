/** docs/reference.md §4, the admin API under /__admin, over HTTP. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_UNIQUE_ID, sampleCustomer, scenarioCustomers, UNKNOWN_CUSTOMER_NUMBER } from '../../../fixtures/index.ts';
import { type RunningMock, startMock } from '../../server.ts';
import { callOperation, getJson, postJson } from '../../testing/test-support.ts';

let mock: RunningMock;
let dir: string;
const scenarioCount = scenarioCustomers().length;

beforeAll(async () => {
  mock = await startMock({ count: 5, rateLimit: false });
  dir = await mkdtemp(join(tmpdir(), 'mock-admin-'));
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  expect((await postJson(`${mock.url}/__admin/reset`, {})).status).toBe(200);
});

const admin = (path: string) => `${mock.url}/__admin${path}`;
const customer = (customerNumber: number, lastName: string) => ({ ...sampleCustomer(), customerNumber, attachedUsers: [], name: { lastName } });

it('resets to the start data given {}', async () => {
  mock.store.upsert([customer(42, 'Extra')]);
  const result = await postJson(admin('/reset'), {});
  expect(result.body).toEqual({ count: scenarioCount + 5 });
  expect(mock.store.get(42)).toBeUndefined();
});

it('resets to generated data given a seed and count', async () => {
  const result = await postJson(admin('/reset'), { seed: 3, count: 20 });
  expect(result).toMatchObject({ status: 200, body: { count: scenarioCount + 20 } });
});

it('resets to the given customers', async () => {
  const result = await postJson(admin('/reset'), { customers: [customer(7, 'Sju')] });
  expect(result.body).toEqual({ count: 1 });
  expect(mock.store.size).toBe(1);
});

it('returns 400 naming the record and field given a bad record in a reset, and changes nothing', async () => {
  const result = await postJson(admin('/reset'), { customers: [customer(7, 'Sju'), { customerNumber: 'x' }] });
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toMatch(/^record 2 of 2: .*customerNumber: must be integer/);
  expect(mock.store.size).toBe(scenarioCount + 5);
});

it('inserts one record and replaces by customerNumber', async () => {
  expect((await postJson(admin('/customers'), customer(42, 'Først'))).body).toEqual({ count: 1 });
  expect((await postJson(admin('/customers'), [customer(42, 'Sist'), customer(43, 'Ny')])).body).toEqual({ count: 2 });
  expect(mock.store.get(42)?.name?.lastName).toBe('Sist');
  expect(mock.store.get(43)?.name?.lastName).toBe('Ny');
});

it('returns 400 given an array with one bad record, and stores none of it', async () => {
  const result = await postJson(admin('/customers'), [customer(44, 'God'), { ...customer(45, 'Dårlig'), address: undefined }]);
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toMatch(/^record 2 of 2 \(customerNumber 45\): address: is required/);
  expect(mock.store.get(44)).toBeUndefined();
});

it('names a single bad record by its field alone, not as a member of an array', async () => {
  const result = await postJson(admin('/customers'), { ...customer(46, 'En'), emails: ['not-an-email'] });
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toBe('emails[0]: must be a valid email');
});

it.each([
  ['no lastName or companyName', { firstName: 'Kari', lastName: null, companyName: null }],
  ['a blank lastName', { lastName: '  ' }],
  ['a null name', null],
])('answers 400 to a record whose name has %s, as the API\'s update does', async (_label, name) => {
  for (const body of [{ ...customer(47, 'x'), name }, { customers: [{ ...customer(47, 'x'), name }] }]) {
    const result = await postJson(admin('customers' in body ? '/reset' : '/customers'), body);
    expect(result.status).toBe(400);
    expect(result.body.errorMessage).toMatch(/name: must hold a lastName or a companyName/);
  }
  expect(mock.store.get(47)).toBeUndefined();
});

it('returns a stored record, and 404 given an unknown number', async () => {
  const found = await getJson(admin(`/customers/${SAMPLE_CUSTOMER_NUMBER}`));
  expect(found.body).toEqual(sampleCustomer());
  const missing = await getJson(admin(`/customers/${UNKNOWN_CUSTOMER_NUMBER}`));
  expect(missing.status).toBe(404);
  expect(missing.body.exceptionType).toBe('CustomerNotFoundException');
});

it('lists a page of customers in customer-number order', async () => {
  const page = await getJson(admin('/customers?offset=1&limit=2'));
  expect(page.status).toBe(200);
  expect(page.body).toMatchObject({ total: scenarioCount + 5, offset: 1, limit: 2 });
  expect(page.body.customers).toHaveLength(2);
  expect(page.body.customers[0].customerNumber).toBeLessThan(page.body.customers[1].customerNumber);
});

it('returns 400 given a page limit over 1000', async () => {
  expect((await getJson(admin('/customers?limit=1001'))).status).toBe(400);
  expect((await getJson(admin('/customers?offset=-1'))).status).toBe(400);
});

it('exports every record in the format --fixtures loads', async () => {
  const response = await fetch(admin('/export'));
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const file = join(dir, 'export.json');
  await writeFile(file, await response.text());
  const records = JSON.parse(await readFile(file, 'utf8'));
  expect(records).toHaveLength(scenarioCount + 5);
  const reloaded = await startMock({ fixtures: file });
  try {
    expect(reloaded.store.size).toBe(scenarioCount + 5);
    expect(reloaded.store.get(SAMPLE_CUSTOMER_NUMBER)).toEqual(sampleCustomer());
  } finally {
    await reloaded.close();
  }
});

it('mints a user token by uniqueId, credential or customerNumber', async () => {
  for (const who of [{ uniqueId: SAMPLE_UNIQUE_ID }, { credential: '+4790123456' }, { customerNumber: SAMPLE_CUSTOMER_NUMBER }]) {
    const result = await postJson(admin('/tokens'), who);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const info = await callOperation(mock.url, 'getCustomerInfo', { token: result.body.access_token });
    expect(info.body.customerNumber).toBe(SAMPLE_CUSTOMER_NUMBER);
  }
});

it('mints a client token given a clientId', async () => {
  const result = await postJson(admin('/tokens'), { clientId: 'demo-client' });
  const info = await callOperation(mock.url, 'getClientCustomerInfo', { token: result.body.access_token, params: { customerNumber: SAMPLE_CUSTOMER_NUMBER } });
  expect(info.status).toBe(200);
});

it('returns 404 given a credential no user has, and 400 given an unknown field', async () => {
  expect((await postJson(admin('/tokens'), { credential: 'nobody@example.no' })).status).toBe(404);
  expect((await postJson(admin('/tokens'), { email: 'x@example.no' })).status).toBe(400);
});

it('answers 404 on every admin route with --no-admin', async () => {
  const closed = await startMock({ count: 0, admin: false });
  try {
    const result = await postJson(`${closed.url}/__admin/reset`, {});
    expect(result.status).toBe(404);
    expect(result.body.exceptionType).toBe('NotFoundException');
  } finally {
    await closed.close();
  }
});

it('needs the admin token on every admin route given --admin-token', async () => {
  const guarded = await startMock({ count: 0, adminToken: 's3cret' });
  try {
    expect((await getJson(`${guarded.url}/__admin/customers`)).status).toBe(401);
    expect((await getJson(`${guarded.url}/__admin/export`, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await postJson(`${guarded.url}/__admin/tokens`, { clientId: 'x' })).status).toBe(401);
    expect((await getJson(`${guarded.url}/__admin/customers`, { authorization: 'Bearer s3cret' })).status).toBe(200);
  } finally {
    await guarded.close();
  }
});

it('deletes one customer with DELETE /__admin/customers/{n}: 204, then reads and searches miss it', async () => {
  const deleted = await fetch(admin(`/customers/${SAMPLE_CUSTOMER_NUMBER}`), { method: 'DELETE', headers: { 'content-type': 'application/json' } });
  expect(deleted.status).toBe(204);
  expect(await deleted.text()).toBe('');
  expect((await getJson(admin(`/customers/${SAMPLE_CUSTOMER_NUMBER}`))).status).toBe(404);
  expect(mock.store.findCustomerByUser(SAMPLE_UNIQUE_ID)).toBeUndefined();
});

it('answers 404 with the API error body when the customer to delete is absent', async () => {
  const result = await fetch(admin(`/customers/${UNKNOWN_CUSTOMER_NUMBER}`), { method: 'DELETE', headers: { 'content-type': 'application/json' } });
  expect(result.status).toBe(404);
  expect(await result.json()).toMatchObject({ exceptionType: 'CustomerNotFoundException' });
});
