/**
 * A single-page app as an integrator writes one, for the browser test: served from its own
 * origin, it logs in with the public client `demo-spa` by the authorization code flow with PKCE
 * (S256, WebCrypto), then calls the API with `fetch`. What it saw ends up in `window.result`.
 * The client token for the client-mode calls comes from `demo-client` here; a real app would get
 * it from its own backend, never with a secret in the page.
 */
export const SPA_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Integrator's app</title></head>
<body>
<script>
(async () => {
  const params = new URLSearchParams(location.search);
  const app = location.origin + '/callback';
  const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  if (!params.has('code')) {
    const mock = params.get('mock');
    const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
    sessionStorage.setItem('login', JSON.stringify({ mock, verifier, state }));
    const authorize = new URL(mock + '/user/oauth/authorize');
    authorize.search = new URLSearchParams({ response_type: 'code', client_id: 'demo-spa', redirect_uri: app, state,
      code_challenge: challenge, code_challenge_method: 'S256', login_hint: params.get('login_hint') }).toString();
    location.assign(authorize.toString());
    return;
  }
  const { mock, verifier, state } = JSON.parse(sessionStorage.getItem('login'));
  try {
    if (params.get('state') !== state) throw new Error('state mismatch');
    const form = (fields) => ({ method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
    const user = await (await fetch(mock + '/user/oauth/token', form({ grant_type: 'authorization_code', client_id: 'demo-spa',
      code: params.get('code'), redirect_uri: app, code_verifier: verifier }))).json();
    const bearer = (token) => ({ Authorization: 'Bearer ' + token });
    const info = await fetch(mock + '/v1/customer/info', { headers: bearer(user.access_token) });
    const profile = await fetch(mock + '/capi/v1/customer/profile', { headers: bearer(user.access_token) });
    const client = await (await fetch(mock + '/user/oauth/token', { ...form({ grant_type: 'client_credentials' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic ' + btoa('demo-client:demo-secret') } })).json();
    const clientInfo = await fetch(mock + '/v1/client/customer/info/563457', { headers: bearer(client.access_token) });
    const search = await fetch(mock + '/v1/client/customer/search', { method: 'POST',
      headers: { ...bearer(client.access_token), 'Content-Type': 'application/json' }, body: JSON.stringify({ phoneNumber: '+4712345678' }) });
    window.result = {
      tokenType: user.token_type,
      info: { status: info.status, customerNumber: (await info.json()).customerNumber },
      profile: { status: profile.status, body: await profile.json() },
      clientInfo: { status: clientInfo.status, rateLimitRemaining: clientInfo.headers.get('X-RateLimit-Remaining') },
      search: { status: search.status, customers: (await search.json()).customers.map((c) => c.customerNumber),
        rateLimitRemaining: search.headers.get('X-RateLimit-Remaining'), rateLimitReset: search.headers.get('X-RateLimit-Reset') },
    };
  } catch (error) {
    window.result = { error: String(error) };
  }
})();
</script>
</body>
</html>
`;
