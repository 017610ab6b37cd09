import { expect, it } from 'vitest';
import { validateHar } from './validate-har.ts';
import { matchOperation, validatePayload } from './validate-payload.ts';

const sample = {
  customerNumber: 563457,
  name: { lastName: 'Nordmann' },
  attachedUsers: [{ uniqueId: 'abc123ee63461dd', credentials: [{ credential: '+4790123456', credentialType: 'B_SMS_PHONE' }] }],
};

it('finds no violation in a body that fits the response schema', () => {
  expect(validatePayload('getCustomerInfo', 200, sample)).toEqual([]);
});

it('names the JSON path of a field over its maxLength', () => {
  const body = { ...sample, name: { lastName: 'x'.repeat(31) } };
  expect(validatePayload('getCustomerInfo', 200, body)).toEqual([{ path: '$.name.lastName', message: 'must NOT have more than 30 characters' }]);
});

it('names array positions in the path', () => {
  const body = { ...sample, phoneNumbers: [{ phoneNumber: '12345' }] };
  expect(validatePayload('getCustomerInfo', 200, body)[0]?.path).toBe('$.phoneNumbers[0].phoneNumber');
});

it('checks a request body with the request schema', () => {
  expect(validatePayload('checkCredentialCustomers', 'request', { credentials: [] })).toHaveLength(1);
});

it('refuses an unknown operation', () => {
  expect(() => validatePayload('nope', 200, {})).toThrow(/no operation/);
});

it('matches an operation by method and path, below a base path too', () => {
  expect(matchOperation('GET', '/capi/v1/client/customer/info/563457')?.operationId).toBe('getClientCustomerInfo');
  expect(matchOperation('POST', '/v1/customer/info')?.operationId).toBe('updateCustomerInfo');
  expect(matchOperation('DELETE', '/v1/customer/info')).toBeUndefined();
});

it('checks every exchange of a HAR file against its operation', () => {
  const har = {
    log: {
      entries: [
        { request: { method: 'GET', url: 'https://api-test.mediaconnect.no/capi/v1/customer/info' }, response: { status: 200, content: { text: JSON.stringify(sample) } } },
        {
          request: { method: 'POST', url: 'http://127.0.0.1:4010/v1/client/customer/search', postData: { text: '{"phoneNumber":"123"}' } },
          response: { status: 200, content: { text: '{"customers":[]}' } },
        },
        { request: { method: 'GET', url: 'http://127.0.0.1:4010/healthz' }, response: { status: 200 } },
      ],
    },
  };
  const results = validateHar(har);
  expect(results.map((r) => r.violations.length)).toEqual([0, 1, 0]);
  expect(results[1]?.violations[0]?.path).toBe('request $.phoneNumber');
  expect(results[2]?.skipped).toMatch(/no operation/);
});

it('names the missing or unknown field in the path, not only the object holding it', () => {
  expect(validatePayload('checkCredentialCustomers', 'request', {})).toEqual([{ path: '$.credentials', message: 'is required' }]);
  expect(validatePayload('updateCustomerInfo', 'request', { phoneNumbers: [{ phoneNumberType: 'x' }] })).toEqual([{ path: '$.phoneNumbers[0].phoneNumber', message: 'is required' }]);
  expect(validatePayload('searchCustomers', 'request', { phoneNumber: '+4712345678', nick: 1 })).toEqual([{ path: '$.nick', message: 'is not a known field' }]);
});
