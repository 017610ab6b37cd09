/** Issue 13: GET /v1/customer/profile, the profile public login libraries read after login. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_EMAIL, SAMPLE_UNIQUE_ID } from '../../fixtures/index.ts';
import { userIdOf } from '../core/user-id.ts';
import { type RunningMock, startMock } from '../server.ts';
import { callOperation, clientToken, DEMO_BASIC, postForm, postJson, userToken } from '../testing/test-support.ts';

const REDIRECT = 'http://localhost:3000/callback';
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false });
});
afterAll(() => mock.close());

/** A user token through the authorization code flow, logged in with `hint`. */
async function loginToken(hint: string): Promise<string> {
  const query = new URLSearchParams({ response_type: 'code', client_id: 'demo-client', redirect_uri: REDIRECT, login_hint: hint });
  const response = await fetch(`${mock.url}/user/oauth/authorize?${query.toString()}`, { redirect: 'manual' });
  const code = new URL(response.headers.get('location')!).searchParams.get('code')!;
  const result = await postForm(`${mock.url}/user/oauth/token`, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, { authorization: DEMO_BASIC });
  return result.body.access_token as string;
}

it('answers the profile of the user logged in with an email, at /v1 and under /capi', async () => {
  const token = await loginToken(SAMPLE_EMAIL);
  for (const prefix of ['', '/capi']) {
    const result = await callOperation(mock.url, 'getCustomerProfile', { token, prefix });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      userId: userIdOf(SAMPLE_UNIQUE_ID),
      uniqueId: SAMPLE_UNIQUE_ID,
      customerNumber: SAMPLE_CUSTOMER_NUMBER,
      name: { firstName: 'Ola', middleName: 'Solstrand', lastName: 'Nordmann', companyName: 'Company International Ltd', departmentName: 'Support' },
      phoneNumbers: [{ phoneNumber: '+4712345678', phoneNumberType: 'personal' }, { phoneNumber: '+4723339100', phoneNumberType: 'company' }],
      emails: ['ola.nordmann@hotmail.no', 'ola.nordmann@company.com'],
      credential: { credential: SAMPLE_EMAIL, credentialType: 'A' },
    });
    expect(result.headers.get('x-ratelimit-remaining')).toBeNull(); // rate limits are off in this mock
  }
});

it('shows the phone credential with type B for a user who logged in with the phone', async () => {
  const result = await callOperation(mock.url, 'getCustomerProfile', { token: await loginToken('+4790123456') });
  expect(result.body.credential).toEqual({ credential: '+4790123456', credentialType: 'B' });
});

it("shows the user's first credential for a login by uniqueId, and for an admin token by credential the one named", async () => {
  expect((await callOperation(mock.url, 'getCustomerProfile', { token: await loginToken(SAMPLE_UNIQUE_ID) })).body.credential).toEqual({ credential: SAMPLE_EMAIL, credentialType: 'A' });
  const admin = await userToken(mock.url, { credential: '+4790123456' });
  expect((await callOperation(mock.url, 'getCustomerProfile', { token: admin })).body.credential).toEqual({ credential: '+4790123456', credentialType: 'B' });
});

it('gives a userId that is a positive safe integer, the same in another mock with the same data', async () => {
  const other = await startMock({ count: 0, rateLimit: false });
  try {
    const here = await callOperation(mock.url, 'getCustomerProfile', { token: await userToken(mock.url) });
    const there = await callOperation(other.url, 'getCustomerProfile', { token: await userToken(other.url) });
    expect(Number.isSafeInteger(here.body.userId) && here.body.userId > 0).toBe(true);
    expect(there.body.userId).toBe(here.body.userId);
    expect(userIdOf('another-user')).not.toBe(here.body.userId);
  } finally {
    await other.close();
  }
});

it('refuses a client token with 403 and no token with 401', async () => {
  expect((await callOperation(mock.url, 'getCustomerProfile', { token: await clientToken(mock.url) })).status).toBe(403);
  expect((await callOperation(mock.url, 'getCustomerProfile', {})).status).toBe(401);
});

it('answers 404 when no customer holds the user any more', async () => {
  const record = { customerNumber: 990001, name: { lastName: 'Gone' }, attachedUsers: [{ uniqueId: 'gone-user', credentials: [] }], address: {}, products: [] };
  expect((await postJson(`${mock.url}/__admin/customers`, record)).status).toBe(200);
  const token = await userToken(mock.url, { uniqueId: 'gone-user' });
  expect((await callOperation(mock.url, 'getCustomerProfile', { token })).body.credential).toBeNull();
  expect((await postJson(`${mock.url}/__admin/customers`, { ...record, attachedUsers: [] })).status).toBe(200);
  const result = await callOperation(mock.url, 'getCustomerProfile', { token });
  expect(result.status).toBe(404);
  expect(result.body.exceptionType).toBe('CustomerNotFoundException');
});
