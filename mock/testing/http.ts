/**
 * Small HTTP helpers for the tests that talk to mocks in other processes: JSON in, status, headers
 * and JSON out, and the OAuth steps of the demo client.
 */
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = any>(url: string, init: { method?: string; token?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const method = init.method ?? (init.json === undefined ? 'GET' : 'POST');
  // The admin API takes writes as JSON only, bodiless ones too (admin-browser-guard.ts).
  if (method !== 'GET') headers['content-type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

export const REDIRECT = 'http://localhost:3000/callback';
const BASIC = `Basic ${Buffer.from('demo-client:demo-secret').toString('base64')}`;

/** A code for the user of `hint`, from the authorize endpoint with `login_hint` (no login page). */
export async function authorizationCode(base: string, hint: string): Promise<string> {
  const query = new URLSearchParams({ response_type: 'code', client_id: 'demo-client', redirect_uri: REDIRECT, login_hint: hint });
  const response = await fetch(`${base}/user/oauth/authorize?${query}`, { redirect: 'manual' });
  const code = new URL(response.headers.get('location') ?? 'http://x/').searchParams.get('code');
  if (!code) throw new Error(`no code in the redirect (${response.status} ${response.headers.get('location')})`);
  return code;
}

/** A token request of the demo client, form-encoded. */
export function tokenRequest(base: string, params: Record<string, string>): Promise<Answer> {
  return fetch(`${base}/user/oauth/token`, {
    method: 'POST',
    headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  }).then(async (response) => ({ status: response.status, headers: response.headers, body: await response.json() }));
}
