import type { CustomerInfo, Name } from '../../spec/index.ts';
import type { HttpResponse } from '../http/http-client.ts';
import { CheckSkip } from '../runner/results.ts';
import { admin, needClient, needOwn, needUser, needWrites, type Target } from '../runner/target.ts';
import type { SemanticCheck } from './check.ts';
import { expectResponse, expectThat, same } from './expect.ts';
import { restore, withRestore } from './restore.ts';

const OPERATION = 'updateCustomerInfo';
const NAME_FIELDS = ['firstName', 'middleName', 'lastName', 'companyName', 'departmentName'] as const;

/** A full replacement, unlike the seeded or discovered data in every field. */
const FULL_UPDATE = {
  name: { firstName: 'Åse', middleName: 'Kontrakt', lastName: 'Sjekkesen', companyName: 'Sjekk AS', departmentName: 'Test' },
  phoneNumbers: [{ phoneNumber: '+4799000777', phoneNumberType: 'mobile' }, { phoneNumber: '+4799000778', phoneNumberType: 'home' }],
  emails: ['ase.sjekkesen@kontrakt.example.no', 'sjekk@kontrakt.example.no'],
  invoiceEmailAddress: 'sjekk@kontrakt.example.no',
};

async function update(t: Target, body: { json?: unknown; rawBody?: string }, status = 200): Promise<HttpResponse> {
  const res = await t.http.request({
    method: 'POST', path: '/v1/customer/info', bearer: needUser(t),
    ...body, headers: { 'content-type': 'application/json' },
  });
  expectResponse(res, OPERATION, status);
  if (status === 200) expectThat((res.json as { success?: unknown }).success === true, 'the update did not answer {"success": true}', res);
  return res;
}

async function readOwn(t: Target): Promise<{ res: HttpResponse; customer: CustomerInfo }> {
  const res = await t.http.request({ method: 'GET', path: '/v1/customer/info', bearer: needUser(t) });
  expectResponse(res, 'getCustomerInfo', 200);
  return { res, customer: res.json as CustomerInfo };
}

/** `null` or left out both read as "null" here: the contract is that the old value is gone. */
const isNull = (value: unknown) => value === null || value === undefined;

function expectName(res: HttpResponse, name: Name | null | undefined, want: Partial<Record<(typeof NAME_FIELDS)[number], string>>): void {
  for (const field of NAME_FIELDS) {
    const got = name?.[field];
    const expected = want[field];
    expectThat(expected === undefined ? isNull(got) : got === expected, `name.${field} is ${JSON.stringify(got)}, expected ${JSON.stringify(expected ?? null)}`, res);
  }
}

const writing = (name: string, run: (t: Target) => Promise<void>): SemanticCheck => ({
  group: 'update',
  name,
  run: async (t) => {
    needWrites(t);
    await withRestore(t, () => run(t));
  },
});

/** The "-" rule (contracts/README.md): each of these bodies leaves the customer named `{lastName: "-"}`. */
const DASH_BODIES: Array<{ label: string; body: { json?: unknown; rawBody?: string } }> = [
  { label: 'an empty body', body: { rawBody: '' } },
  { label: 'a null body', body: { rawBody: 'null' } },
  { label: 'an empty object', body: { json: {} } },
  { label: 'a null name', body: { json: { name: null, emails: ['kari@kontrakt.example.no'] } } },
  { label: 'an empty name', body: { json: { name: {}, emails: ['kari@kontrakt.example.no'] } } },
];

export const UPDATE_CHECKS: SemanticCheck[] = [
  writing('replaces all: fields left out become null', async (t) => {
    const before = needOwn(t);
    await update(t, { json: { name: { lastName: 'Sjekkesen' } } });
    const { res, customer } = await readOwn(t);
    expectName(res, customer.name, { lastName: 'Sjekkesen' });
    for (const field of ['phoneNumbers', 'emails', 'invoiceEmailAddress'] as const) {
      expectThat(isNull(customer[field]), `${field} kept ${JSON.stringify(customer[field])}; a replace-all update must null it`, res);
    }
    expectThat(customer.customerNumber === before.customerNumber && same(customer.attachedUsers, before.attachedUsers), 'the update changed the customer number or the attached users', res);
  }),
  writing('writes every field and reads them back exactly, in user and client mode', async (t) => {
    await update(t, { json: FULL_UPDATE });
    const { res, customer } = await readOwn(t);
    for (const [field, value] of Object.entries(FULL_UPDATE)) {
      expectThat(same(customer[field as keyof CustomerInfo], value), `${field} reads back as ${JSON.stringify(customer[field as keyof CustomerInfo])}`, res);
    }
    const client = await t.http.request({ method: 'GET', path: `/v1/client/customer/info/${customer.customerNumber}`, bearer: needClient(t) });
    expectResponse(client, 'getClientCustomerInfo', 200);
    expectThat(same(client.json, customer), 'client mode shows other data than user mode after the update', client);
  }),
  ...DASH_BODIES.map(({ label, body }) =>
    writing(`names the customer "-" given ${label}`, async (t) => {
      await update(t, body);
      const { res, customer } = await readOwn(t);
      expectName(res, customer.name, { lastName: '-' });
    }),
  ),
  writing('answers 400 to a name without lastName or companyName, changing nothing', async (t) => {
    await update(t, { json: { name: { firstName: 'Kari' } } }, 400);
    const { res, customer } = await readOwn(t);
    expectThat(same(customer, needOwn(t)), 'the refused update changed the customer', res);
  }),
  writing('answers 400 to an unknown field, changing nothing', async (t) => {
    await update(t, { json: { name: { lastName: 'Sjekkesen' }, nickname: 'Kari' } }, 400);
    const { res, customer } = await readOwn(t);
    expectThat(same(customer, needOwn(t)), 'the refused update changed the customer', res);
  }),
  writing('ignores the read-only customerNumber and attachedUsers', async (t) => {
    const before = needOwn(t);
    await update(t, { json: { customerNumber: 1, attachedUsers: [], name: { lastName: 'Sjekkesen' } } });
    const { res, customer } = await readOwn(t);
    expectThat(customer.customerNumber === before.customerNumber, `customerNumber became ${customer.customerNumber}`, res);
    expectThat(same(customer.attachedUsers, before.attachedUsers), 'attachedUsers changed', res);
    expectName(res, customer.name, { lastName: 'Sjekkesen' });
  }),
  writing('leaves the address and the products untouched', async (t) => {
    if (!t.ownAddress?.streetAddress || !t.ownAddress.postalCode) throw new CheckSkip("the own customer's address is not known");
    const products = t.adminUrl ? await adminProducts(t) : undefined;
    await update(t, { json: { name: { lastName: 'Sjekkesen' }, phoneNumbers: [{ phoneNumber: '+4799000779' }] } });
    const search = await t.http.request({
      method: 'POST', path: '/v1/client/customer/search', bearer: needClient(t), json: { phoneNumber: '+4799000779' },
    });
    expectResponse(search, 'searchCustomers', 200);
    const hit = (search.json as { customers: Array<{ customerNumber: number; address?: unknown }> }).customers.find((c) => c.customerNumber === needOwn(t).customerNumber);
    expectThat(hit !== undefined && same(hit.address, t.ownAddress), 'the address changed with the update (or the new phone finds no customer)', search);
    if (products) expectThat(same(await adminProducts(t), products), 'the products changed with the update');
  }),
  {
    group: 'update',
    name: 'restores the customer as the run found it',
    run: async (t) => {
      needWrites(t);
      const failure = await restore(t, needOwn(t));
      if (failure) throw failure;
    },
  },
];

async function adminProducts(t: Target): Promise<unknown> {
  const res = await admin(t, { method: 'GET', path: `/customers/${needOwn(t).customerNumber}` });
  return (res.json as { products?: unknown } | undefined)?.products;
}
