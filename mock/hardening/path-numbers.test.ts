/**
 * Path numbers are numbers (issue 16): `/v1/client/customer/info/0x89ac1` read hex, and `+563457`,
 * `00563457` and `563457.0` found the sample customer. Every spelling but plain decimal digits is
 * a 400 naming the field, in the API and the admin API alike.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWithClientToken } from '../testing/test-support.ts';
import type { RunningMock } from '../server.ts';

let mock: RunningMock;
let token: string;

beforeAll(async () => ({ mock, token } = await startWithClientToken()));

afterAll(() => mock.close());

const SPELLINGS = ['+563457', ' 563457', '00563457', '563457.0', '0x89ac1', '5.63457e5', 'Infinity', '1e400', '-563457', '0', '9007199254740993', '99999999999999999999'];

it.each(SPELLINGS)('answers 400 naming customerNumber given the path number "%s"', async (spelling) => {
  const response = await fetch(`${mock.url}/v1/client/customer/info/${encodeURIComponent(spelling)}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(400);
  expect((await response.json()).errorMessage).toMatch(/^customerNumber: /);
});

it.each(SPELLINGS)('answers 400 at the admin API given the path number "%s"', async (spelling) => {
  const response = await fetch(`${mock.url}/__admin/customers/${encodeURIComponent(spelling)}`);
  expect(response.status).toBe(400);
});

it('serves the sample customer at its plain number, and 404 at an unknown one', async () => {
  const found = await fetch(`${mock.url}/v1/client/customer/info/563457`, { headers: { authorization: `Bearer ${token}` } });
  expect(found.status).toBe(200);
  const unknown = await fetch(`${mock.url}/v1/client/customer/info/9007199254740991`, { headers: { authorization: `Bearer ${token}` } });
  expect(unknown.status).toBe(404);
});
