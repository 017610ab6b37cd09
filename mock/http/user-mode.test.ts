/** docs/reference.md §3, user mode and the replace-all update, over HTTP on an ephemeral port. */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_UNIQUE_ID, sampleCustomer } from '../../fixtures/index.ts';
import { type RunningMock, startMock } from '../server.ts';
import { callOperation, clientToken, userToken } from '../testing/test-support.ts';

let mock: RunningMock;
let user: string;
let client: string;

beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false });
  client = await clientToken(mock.url);
});
afterAll(() => mock.close());
beforeEach(async () => {
  mock.store.upsert([sampleCustomer()]);
  user = await userToken(mock.url, { uniqueId: SAMPLE_UNIQUE_ID });
});

const update = (body: unknown, rawBody?: string) =>
  callOperation(mock.url, 'updateCustomerInfo', rawBody === undefined ? { token: user, body } : { token: user, rawBody });
const readAsUser = () => callOperation(mock.url, 'getCustomerInfo', { token: user });
const readAsClient = () => callOperation(mock.url, 'getClientCustomerInfo', { token: client, params: { customerNumber: SAMPLE_CUSTOMER_NUMBER } });

it('returns the customer whose attached users hold the token user', async () => {
  const result = await readAsUser();
  expect(result.status).toBe(200);
  expect(result.body.customerNumber).toBe(SAMPLE_CUSTOMER_NUMBER);
  expect(result.body.attachedUsers[0].uniqueId).toBe(SAMPLE_UNIQUE_ID);
});

it('replaces every field and shows exactly the new data to user and client reads', async () => {
  const body = { name: { lastName: 'Hansen', firstName: 'Eva' }, emails: ['eva@example.no'] };
  const result = await update(body);
  expect(result).toMatchObject({ status: 200, body: { success: true } });
  const expected = {
    customerNumber: SAMPLE_CUSTOMER_NUMBER,
    name: { firstName: 'Eva', middleName: null, lastName: 'Hansen', companyName: null, departmentName: null },
    phoneNumbers: null,
    emails: ['eva@example.no'],
    invoiceEmailAddress: null,
  };
  expect((await readAsUser()).body).toMatchObject(expected);
  expect((await readAsClient()).body).toMatchObject(expected);
});

it('sets the name to lastName "-" given a JSON null body', async () => {
  expect((await update(undefined, 'null')).status).toBe(200);
  expect((await readAsUser()).body.name).toEqual({ firstName: null, middleName: null, lastName: '-', companyName: null, departmentName: null });
});

it('sets the name to lastName "-" given an empty body', async () => {
  const result = await callOperation(mock.url, 'updateCustomerInfo', { token: user });
  expect(result.status).toBe(200);
  expect((await readAsUser()).body.name.lastName).toBe('-');
  expect((await readAsUser()).body.emails).toBeNull();
});

it('sets the name to lastName "-" given name {}', async () => {
  expect((await update({ name: {} })).status).toBe(200);
  expect((await readAsUser()).body.name.lastName).toBe('-');
});

it('returns 400 given a name with content but neither lastName nor companyName', async () => {
  const result = await update({ name: { firstName: 'Eva' } });
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toMatch(/lastName or companyName/);
  expect((await readAsUser()).body.name.lastName).toBe('Nordmann');
});

it('ignores customerNumber and attachedUsers in the body', async () => {
  const result = await update({ customerNumber: 1, attachedUsers: [], name: { companyName: 'Firma AS' } });
  expect(result.status).toBe(200);
  const read = await readAsUser();
  expect(read.body.customerNumber).toBe(SAMPLE_CUSTOMER_NUMBER);
  expect(read.body.attachedUsers).toHaveLength(1);
  expect(read.body.name.companyName).toBe('Firma AS');
});

it('returns 400 naming the field given an unknown field', async () => {
  const result = await update({ name: { lastName: 'X' }, nickname: 'x' });
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toContain('nickname');
});

it('does not touch the address and products', async () => {
  await update({ name: { lastName: 'Hansen' } });
  const stored = mock.store.get(SAMPLE_CUSTOMER_NUMBER)!;
  expect(stored.address).toEqual(sampleCustomer().address);
  expect(stored.products).toEqual(sampleCustomer().products);
});

it('returns 400 naming the field and rule given an invalid invoiceEmailAddress', async () => {
  const result = await update({ invoiceEmailAddress: 'not-an-email' });
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toMatch(/invoiceEmailAddress: must be a valid email/);
});

it('returns 400 with an E.164 hint given a phone number that is not E.164', async () => {
  const result = await update({ phoneNumbers: [{ phoneNumber: '90123456' }] });
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toMatch(/phoneNumbers\[0\]\.phoneNumber: must be an E\.164/);
});
