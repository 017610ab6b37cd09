/** README: the mock as it starts has two confidential demo clients, so a check that a code is bound to its client can run. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_EMAIL } from '../../../fixtures/index.ts';
import { DEMO_CLIENT, DEMO_CLIENT_2 } from '../../config.ts';
import { type RunningMock, startMock } from '../../server.ts';
import { postForm } from '../../testing/test-support.ts';

const REDIRECT = 'http://localhost:3000/callback';
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false });
});
afterAll(() => mock.close());

const basic = (client: { id: string; secret: string }) => ({ authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}` });

it('gives demo-client-2 / demo-secret-2 a client token with the default clients', async () => {
  const result = await postForm(`${mock.url}/user/oauth/token`, { grant_type: 'client_credentials' }, basic(DEMO_CLIENT_2));
  expect(result.status).toBe(200);
});

it('refuses demo-client-2 a code issued to demo-client: invalid_grant', async () => {
  const query = new URLSearchParams({ response_type: 'code', client_id: DEMO_CLIENT.id, redirect_uri: REDIRECT, state: 's', login_hint: SAMPLE_EMAIL });
  const location = (await fetch(`${mock.url}/user/oauth/authorize?${query.toString()}`, { redirect: 'manual' })).headers.get('location');
  const code = new URL(location!).searchParams.get('code')!;
  const result = await postForm(`${mock.url}/user/oauth/token`, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, basic(DEMO_CLIENT_2));
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ error: 'invalid_grant' });
});
