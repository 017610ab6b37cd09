/** Issue 13: the RFC 8414 metadata document, on the host the request came to. */
import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../server.ts';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ count: 0 });
});
afterAll(() => mock.close());

it('names the endpoints, grants, client authentications and PKCE methods, with absolute URLs', async () => {
  const response = await fetch(`${mock.url}/.well-known/oauth-authorization-server`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({
    issuer: mock.url,
    authorization_endpoint: `${mock.url}/user/oauth/authorize`,
    token_endpoint: `${mock.url}/user/oauth/token`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    code_challenge_methods_supported: ['S256', 'plain'],
  });
});

/** A GET with a chosen Host header, which fetch does not let a caller set. */
function metadataWithHost(host: string): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    request(`${mock.url}/.well-known/oauth-authorization-server`, { headers: { host } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(JSON.parse(text) as Record<string, string>));
    }).on('error', reject).end();
  });
}

it('uses the host the request came to', async () => {
  const port = new URL(mock.url).port;
  expect(await metadataWithHost(`localhost:${port}`)).toMatchObject({ issuer: `http://localhost:${port}`, token_endpoint: `http://localhost:${port}/user/oauth/token` });
});

it('builds no metadata from a Host header that is not a host: a loopback mock refuses it (DNS rebinding guard)', async () => {
  const answer = await metadataWithHost('evil.example/<script>');
  expect(answer).toMatchObject({ exceptionType: 'ForbiddenHostException' });
  expect(answer).not.toHaveProperty('issuer');
});
