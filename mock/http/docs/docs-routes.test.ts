import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSpec } from '../../../spec/index.ts';
import { type RunningMock, startMock } from '../../server.ts';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false });
});
afterAll(async () => {
  await mock.close();
});

it('serves the spec as JSON with this mock, on the port it listens on, as the first server', async () => {
  const response = await fetch(`${mock.url}/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const served = (await response.json()) as { servers: Array<{ url: string }>; paths: object };
  expect(served.servers[0]!.url).toBe(mock.url);
  expect(served.servers.map((s) => s.url)).toContain('https://api.mediaconnect.no/capi');
  expect(served.servers.map((s) => s.url)).not.toContain('http://127.0.0.1:4010');
  expect(served.paths).toEqual(loadSpec().paths);
});

it('serves the same document as YAML', async () => {
  const response = await fetch(`${mock.url}/openapi.yaml`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/yaml/);
  const json = await (await fetch(`${mock.url}/openapi.json`)).json();
  expect(parse(await response.text())).toEqual(json);
});

it('names the host the request came to, not the address the mock bound', async () => {
  const port = new URL(mock.url).port;
  const response = await fetch(`http://localhost:${port}/openapi.json`);
  const served = (await response.json()) as { servers: Array<{ url: string }> };
  expect(served.servers[0]!.url).toBe(`http://localhost:${port}`);
});

it('serves the docs page and the Redoc bundle it loads, both from the mock', async () => {
  const page = await fetch(`${mock.url}/docs`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await page.text();
  expect(html).toContain('spec-url="openapi.json"');
  expect(html).not.toMatch(/https?:\/\//);
  const bundle = await fetch(new URL('docs/redoc.standalone.js', `${mock.url}/docs`));
  expect(bundle.status).toBe(200);
  expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
  expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
});

it('serves the admin API\'s spec as one document, with this mock first and no reference to another file', async () => {
  const response = await fetch(`${mock.url}/openapi-admin.json`);
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text).not.toContain('customer-api.yaml');
  const served = JSON.parse(text) as { openapi: string; servers: Array<{ url: string }>; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
  expect(served.openapi).toBe('3.0.3');
  expect(served.servers[0]!.url).toBe(mock.url);
  expect(Object.keys(served.paths)).toEqual(expect.arrayContaining(['/__admin/customers', '/__admin/customers/generate', '/user/oauth/token']));
  expect(served.components.schemas.CustomerRecord).toBeDefined();
  const yaml = await fetch(`${mock.url}/openapi-admin.yaml`);
  expect(yaml.headers.get('content-type')).toMatch(/^application\/yaml/);
});

it('shows the admin API in /docs beside the Customer API, and cites no file of the checkout', async () => {
  const customer = await (await fetch(`${mock.url}/docs`)).text();
  expect(customer).toContain('href="docs?spec=admin"');
  const admin = await (await fetch(`${mock.url}/docs?spec=admin`)).text();
  expect(admin).toContain('spec-url="openapi-admin.json"');
  expect(await (await fetch(`${mock.url}/openapi.json`)).text()).not.toMatch(/shared[/]seed/);
});
