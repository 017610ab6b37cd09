/** `GET /__admin/customers?q=TEXT` (docs/reference.md §4): which fields match, folding, paging. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sampleCustomer } from '../../../fixtures/index.ts';
import type { CustomerRecord } from '../../../spec/index.ts';
import { type RunningMock, startMock } from '../../server.ts';
import { getJson, postJson } from '../../testing/test-support.ts';

let mock: RunningMock;

/** Customers whose fields each hold one word found nowhere else in the store. */
function marked(customerNumber: number, mark: Partial<Record<string, string>>): CustomerRecord {
  const base = sampleCustomer();
  return {
    ...base,
    customerNumber,
    name: { firstName: mark.firstName ?? 'Ola', middleName: mark.middleName ?? null, lastName: mark.lastName ?? 'Vanlig', companyName: mark.companyName ?? null, departmentName: mark.departmentName ?? null },
    phoneNumbers: [{ phoneNumber: mark.phone ?? `+47200${customerNumber}`, phoneNumberType: 'home' }],
    emails: [mark.email ?? `kunde${customerNumber}@eksempel.no`],
    invoiceEmailAddress: null,
    attachedUsers: [{ uniqueId: `u${customerNumber}`, credentials: [{ credential: mark.credential ?? `login${customerNumber}@eksempel.no`, credentialType: 'A_EMAIL_ADDRESS' }] }],
    address: { ...base.address, streetAddress: mark.street ?? 'Storgata', postalCode: mark.postalCode ?? '0001', postalPlace: mark.place ?? 'Oslo' },
    products: [],
  };
}

const customers = [
  marked(9_100_001, { firstName: 'Zakarias' }),
  marked(9_100_002, { middleName: 'Quistgaard' }),
  marked(9_100_003, { lastName: 'Xylander' }),
  marked(9_100_004, { companyName: 'Wolframverket AS' }),
  marked(9_100_005, { departmentName: 'Yachtavdelingen' }),
  marked(9_100_006, { phone: '+4798765401' }),
  marked(9_100_007, { email: 'unik.epost@vrimle.no' }),
  marked(9_100_008, { credential: 'hemmelig.login@vrimle.no' }),
  marked(9_100_009, { street: 'Ærfuglveien' }),
  marked(9_100_010, { postalCode: '9999' }),
  marked(9_100_011, { place: 'Åsgårdstrand' }),
];

beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false });
  expect((await postJson(`${mock.url}/__admin/reset`, { customers })).status).toBe(200);
});
afterAll(() => mock.close());

const search = async (q: string, page = '') => (await getJson(`${mock.url}/__admin/customers?q=${encodeURIComponent(q)}${page}`)).body;
const numbers = (body: { customers: CustomerRecord[] }) => body.customers.map((record) => record.customerNumber);

it.each([
  ['the customer number', '9100001', 9_100_001],
  ['the first name', 'zakari', 9_100_001],
  ['the middle name', 'QUISTG', 9_100_002],
  ['the last name', 'xyland', 9_100_003],
  ['the company name', 'wolfram', 9_100_004],
  ['the department name', 'yachtavd', 9_100_005],
  ['a phone number', '98765401', 9_100_006],
  ['an e-mail', 'UNIK.EPOST', 9_100_007],
  ['a credential', 'hemmelig.login', 9_100_008],
  ['the street', 'ærfugl', 9_100_009],
  ['the postal code', '9999', 9_100_010],
  ['the postal place', 'ÅSGÅRD', 9_100_011],
])('finds a customer by %s, case folded', async (_field, q, customerNumber) => {
  const body = await search(q);
  expect(numbers(body)).toEqual([customerNumber]);
  expect(body.total).toBe(1);
});

it('matches composed and decomposed letters alike (NFC)', async () => {
  expect(numbers(await search('A\u030Asg'))).toEqual([9_100_011]);
  expect(numbers(await search('\u00C6rfugl'.normalize('NFD')))).toEqual([9_100_009]);
});

it('pages the matches in number order, with total counting them all', async () => {
  const all = await search('eksempel.no');
  expect(all.total).toBe(customers.length);
  const page = await search('eksempel.no', '&offset=2&limit=3');
  expect(page).toMatchObject({ total: customers.length, offset: 2, limit: 3 });
  expect(numbers(page)).toEqual([9_100_003, 9_100_004, 9_100_005]);
});

it('answers an empty page given text nothing holds, and the whole list given q empty', async () => {
  expect(await search('finnesikke')).toMatchObject({ total: 0, customers: [] });
  expect((await search('')).total).toBe(customers.length);
});

it('answers 400 given q twice or longer than 255 characters', async () => {
  expect((await getJson(`${mock.url}/__admin/customers?q=a&q=b`)).body.errorMessage).toBe('q: must be given once, as text.');
  const long = await getJson(`${mock.url}/__admin/customers?q=${'a'.repeat(256)}`);
  expect(long.status).toBe(400);
  expect(long.body.errorMessage).toBe('q: must be at most 255 characters.');
});
