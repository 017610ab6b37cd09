import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { waitForTarget } from './wait-for-target.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A port nothing listens on: one taken from the OS, then given back. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

it('waits until a target that starts late answers /healthz with 200', async () => {
  const port = await freePort();
  setTimeout(() => {
    server = createServer((req, res) => res.writeHead(req.url === '/healthz' ? 200 : 404).end()).listen(port, '127.0.0.1');
  }, 600);
  const readiness = await waitForTarget(`http://127.0.0.1:${port}/capi`, 10);
  expect(readiness.ready).toBe(true);
  expect(readiness.waitedMs).toBeGreaterThan(0);
});

it('takes the base URL answering below 500 as ready where there is no /healthz', async () => {
  server = createServer((req, res) => res.writeHead(req.url === '/healthz' ? 404 : 401).end());
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const readiness = await waitForTarget(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 5);
  expect(readiness.ready).toBe(true);
});

it('gives up at the deadline, saying what it saw, given a target that answers 503', async () => {
  server = createServer((_req, res) => res.writeHead(503).end());
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const readiness = await waitForTarget(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 1);
  expect(readiness).toMatchObject({ ready: false, last: '/healthz answered 503' });
});
