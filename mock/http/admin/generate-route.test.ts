/** `POST /__admin/customers/generate` (docs/reference.md §4): templates, save, bounds, determinism. */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { scenarioCustomers } from '../../../fixtures/index.ts';
import { type RunningMock, startMock } from '../../server.ts';
import { getJson, postJson } from '../../testing/test-support.ts';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ count: 3, rateLimit: false });
});
afterAll(() => mock.close());
beforeEach(async () => {
  expect((await postJson(`${mock.url}/__admin/reset`, {})).status).toBe(200);
});

const generate = (body: unknown) => postJson(`${mock.url}/__admin/customers/generate`, body);
const highest = () => Math.max(...[...mock.store.all()].map((record) => record.customerNumber));

it('lays a template over each customer: objects merged, arrays replaced', async () => {
  const phoneNumbers = [{ phoneNumber: '+4791234567', phoneNumberType: 'mobile' }];
  const result = await generate({ count: 3, seed: 5, template: { name: { lastName: 'Hansen' }, address: { postalCode: '0150' }, phoneNumbers } });
  expect(result.status).toBe(200);
  expect(result.body.customers).toHaveLength(3);
  for (const record of result.body.customers) {
    expect(record.name.lastName).toBe('Hansen');
    // Merged: the drawn fields beside the template's stay.
    expect(record.address.postalPlace).toEqual(expect.any(String));
    expect(record.address.postalCode).toBe('0150');
    expect(record.phoneNumbers).toEqual(phoneNumbers);
  }
});

it('numbers the customers after the highest in the store', async () => {
  const top = highest();
  const { body } = await generate({ count: 2, seed: 1 });
  expect(body.customers.map((record: { customerNumber: number }) => record.customerNumber)).toEqual([top + 1, top + 2]);
});

it('stores nothing when save is false or left out, and stores them all when save is true', async () => {
  const before = mock.store.size;
  await generate({ count: 4, seed: 2, save: false });
  await generate({ count: 4, seed: 2 });
  expect(mock.store.size).toBe(before);
  const saved = await generate({ count: 4, seed: 2, save: true });
  expect(mock.store.size).toBe(before + 4);
  const stored = await getJson(`${mock.url}/__admin/customers/${saved.body.customers[3].customerNumber}`);
  expect(stored.body).toEqual(saved.body.customers[3]);
});

it('takes customerNumber from the template only when count is 1', async () => {
  expect((await generate({ count: 1, template: { customerNumber: 4242 } })).body.customers[0].customerNumber).toBe(4242);
  const many = await generate({ count: 2, template: { customerNumber: 4242 } });
  expect(many.status).toBe(400);
  expect(many.body.errorMessage).toMatch(/^template\.customerNumber: may be given only when count is 1/);
});

it.each([
  [{ name: { lastName: 'x'.repeat(31) } }, /^template: name\.lastName: must NOT have more than 30 characters/],
  [{ emails: ['not-an-email'] }, /^template: emails\[0\]: must be a valid email/],
  [{ name: { lastName: null, companyName: null } }, /^template: name: must hold a lastName or a companyName/],
  [{ address: { streetNumber: 'six' } }, /^template: address\.streetNumber: must be integer/],
])('answers 400 naming the field given a template that cannot give a valid record (%j)', async (template, message) => {
  const before = mock.store.size;
  const result = await generate({ count: 2, template, save: true });
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ exceptionType: 'ValidationException', errorMessage: expect.stringMatching(message) });
  expect(mock.store.size).toBe(before);
});

it.each([
  [{ count: 0 }, /^count: must be a whole number from 1 to 10000/],
  [{ count: 10_001 }, /^count: must be a whole number from 1 to 10000/],
  [{ count: 1.5 }, /^count:/],
  [{}, /^count:/],
  [{ count: 1, seed: -1 }, /^seed:/],
  [{ count: 1, template: [] }, /^template: must be an object/],
  [{ count: 1, save: 'yes' }, /^save: must be true or false/],
  [{ count: 1, extra: 1 }, /^extra: is not a known field/],
  [[1], /^body: must be an object/],
])('answers 400 given %j', async (body, message) => {
  const result = await generate(body);
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toMatch(message);
});

it('makes 1 and 10,000 customers, the bounds of count', async () => {
  expect((await generate({ count: 1 })).body.customers).toHaveLength(1);
  expect((await generate({ count: 10_000, seed: 9 })).body.customers).toHaveLength(10_000);
});

it('gives the same customers for the same seed and template, and others for another seed', async () => {
  const template = { address: { postalPlace: 'Bergen' } };
  const first = await generate({ count: 5, seed: 11, template });
  const again = await generate({ count: 5, seed: 11, template });
  const other = await generate({ count: 5, seed: 12, template });
  expect(again.body).toEqual(first.body);
  expect(other.body).not.toEqual(first.body);
});

it('draws no credential that a stored customer holds', async () => {
  const held = new Set(scenarioCustomers().flatMap((record) => record.attachedUsers.flatMap((user) => user.credentials.map((c) => c.credential))));
  const { body } = await generate({ count: 50, seed: 1, save: true });
  for (const record of body.customers) for (const user of record.attachedUsers) for (const { credential } of user.credentials) expect(held.has(credential)).toBe(false);
});
