/** The console's page and assets over HTTP: no admin token needed, its own origin only, small. */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../server.ts';
import { postJson } from '../../testing/test-support.ts';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false, adminToken: 'sekret' });
});
afterAll(() => mock.close());

it.each(['/__admin/console', '/__admin/console/', '/__admin/console/console.js', '/__admin/console/console.css'])('serves %s without the admin token, with a policy that allows only the mock', async (path) => {
  const response = await fetch(`${mock.url}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self';/);
});

it('keeps the admin API itself behind the token', async () => {
  expect((await fetch(`${mock.url}/__admin/customers`)).status).toBe(401);
});

it('names its assets with absolute paths, a session\'s prefix included', async () => {
  const made = await postJson(`${mock.url}/__admin/sessions`, { id: 'assets' }, { authorization: 'Bearer sekret' });
  expect(made.status).toBe(201);
  const html = await (await fetch(`${mock.url}/__sessions/assets/__admin/console`)).text();
  expect(html).toContain('src="/__sessions/assets/__admin/console/console.js"');
  expect((await fetch(`${mock.url}/__sessions/assets/__admin/console/console.js`)).status).toBe(200);
});

it('weighs under 150 KB gzipped, page, script and style together (docs/decisions/041)', async () => {
  let total = 0;
  for (const path of ['/__admin/console', '/__admin/console/console.js', '/__admin/console/console.css']) {
    total += gzipSync(Buffer.from(await (await fetch(`${mock.url}${path}`)).arrayBuffer())).length;
  }
  expect(total).toBeLessThan(150 * 1024);
});
