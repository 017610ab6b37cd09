/** `GET /` and `GET /__admin`: the start page that links the console, the docs, the specs and the health check. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../server.ts';
import { postJson } from '../../testing/test-support.ts';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false, adminToken: 'sekret' });
});
afterAll(() => mock.close());

const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);

it.each(['/', '/__admin'])('answers GET %s with a page linking the console, /docs, /openapi.yaml and /healthz, without the admin token', async (path) => {
  const response = await fetch(`${mock.url}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(links(await response.text())).toEqual(expect.arrayContaining(['/__admin/console', '/docs', '/openapi.yaml', '/healthz', '/openapi-admin.yaml']));
});

it('still answers 404 for a path beside / that no route serves', async () => {
  const response = await fetch(`${mock.url}/favicon.ico`);
  expect(response.status).toBe(404);
  expect((await response.json()).exceptionType).toBe('NotFoundException');
});

it('links the session\'s own paths under /__sessions/{id}/', async () => {
  const made = await postJson(`${mock.url}/__admin/sessions`, { id: 'landing' }, { authorization: 'Bearer sekret' });
  expect(made.status).toBe(201);
  const html = await (await fetch(`${mock.url}/__sessions/landing/`)).text();
  expect(links(html)).toContain('/__sessions/landing/__admin/console');
  expect(html).toContain('session landing');
});

it('leaves the console out with --no-admin, and /__admin is a 404 then', async () => {
  const closed = await startMock({ count: 0, rateLimit: false, admin: false });
  try {
    expect(links(await (await fetch(`${closed.url}/`)).text())).not.toContain('/__admin/console');
    expect((await fetch(`${closed.url}/__admin`)).status).toBe(404);
    expect((await fetch(`${closed.url}/__admin/console`)).status).toBe(404);
  } finally {
    await closed.close();
  }
});
