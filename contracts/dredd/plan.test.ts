import { expect, it } from 'vitest';
import { listOperations, specValidators } from '../../spec/index.ts';
import { HttpClient } from '../http/http-client.ts';
import type { Target } from '../runner/target.ts';
import { CONTRACT_CUSTOMER } from '../runner/seed-customers.ts';
import { BAD_BEARER, planTransaction } from './plan.ts';

function target(overrides: Partial<Target> = {}): Target {
  return {
    options: { baseUrl: 'http://127.0.0.1:1', tokenUrl: '', tokenUrlGiven: false, clientId: 'c', clientSecret: 's', allowWrites: false, reportDir: '', failOnSkip: false, allowSkips: false, data: {} },
    http: new HttpClient('http://127.0.0.1:1'),
    writable: false,
    clientToken: 'client-token',
    userToken: 'user-token',
    missing: {},
    own: CONTRACT_CUSTOMER,
    missingCustomerNumber: 9900009999,
    notes: [],
    seeded: new Set(),
    knownCustomerNumbers: [],
    tokenUrl: '',
    ...overrides,
  };
}

const operations = listOperations(specValidators().doc);
const plansOf = (t: Target) =>
  operations.flatMap((op) => Object.keys(op.responses).map((status) => ({ key: `${op.operationId} ${status}`, plan: planTransaction(t, op.operationId, op.tokenKind, status) })));

it('sends every documented status of every operation to the mock, the 400 of GET /v1/customer/info by Prefer', () => {
  const plans = plansOf(target({ adminUrl: 'http://127.0.0.1:1/__admin', writable: true, orphanUserToken: 'orphan' }));
  expect(plans.filter(({ plan }) => 'skip' in plan).map((s) => s.key)).toEqual([]);
  expect(plans.find((p) => p.key === 'getCustomerInfo 400')?.plan).toMatchObject({ prefer: 'code=400' });
});

it('skips with a reason what a real server cannot be made to answer, and every write', () => {
  const skipped = plansOf(target()).filter(({ plan }) => 'skip' in plan);
  expect(skipped.map((s) => s.key).sort()).toEqual([
    'checkCredentialCustomers 429', 'checkCredentialCustomers 500',
    'getClientCustomerInfo 429', 'getClientCustomerInfo 500',
    'getCustomerInfo 400', 'getCustomerInfo 404', 'getCustomerInfo 429', 'getCustomerInfo 500',
    'getCustomerProfile 200', 'getCustomerProfile 401', 'getCustomerProfile 403', 'getCustomerProfile 404',
    'getCustomerProfile 429', 'getCustomerProfile 500',
    'searchCustomers 429', 'searchCustomers 500',
    'updateCustomerInfo 200', 'updateCustomerInfo 400', 'updateCustomerInfo 404', 'updateCustomerInfo 413', 'updateCustomerInfo 415',
    'updateCustomerInfo 429', 'updateCustomerInfo 500',
  ]);
  for (const { plan } of skipped) expect('skip' in plan && plan.skip.length).toBeGreaterThan(20);
});

it('sends an unknown bearer for 401 and the other kind of token for 403', () => {
  expect(planTransaction(target(), 'searchCustomers', 'client', '401')).toMatchObject({ bearer: BAD_BEARER });
  expect(planTransaction(target(), 'searchCustomers', 'client', '403')).toMatchObject({ bearer: 'user-token' });
  expect(planTransaction(target(), 'getCustomerInfo', 'user', '403')).toMatchObject({ bearer: 'client-token' });
});

it('fills the path with the own customer for 200 and a missing one for 404', () => {
  expect(planTransaction(target(), 'getClientCustomerInfo', 'client', '200')).toMatchObject({ path: `/v1/client/customer/info/${CONTRACT_CUSTOMER.customerNumber}` });
  expect(planTransaction(target(), 'getClientCustomerInfo', 'client', '404')).toMatchObject({ path: '/v1/client/customer/info/9900009999' });
});
