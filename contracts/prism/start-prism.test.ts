import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { startPrism } from './start-prism.ts';

it('serves the spec’s example from the stateless mock and stops on close', async () => {
  const prism = await startPrism({ mode: 'mock' });
  const res = await fetch(`${prism.url}/v1/customer/info`, { headers: { authorization: 'Bearer any' } });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { customerNumber: number }).customerNumber).toBe(563457);
  await prism.close();
  await expect(fetch(`${prism.url}/v1/customer/info`)).rejects.toThrow();
}, 60_000);

it('reports a response violation as a proxy in front of an upstream', async () => {
  const upstream = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"customerNumber":"not a number","name":null,"attachedUsers":[]}');
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const lines: string[] = [];
  const prism = await startPrism({
    mode: 'proxy',
    upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    onLog: (line) => lines.push(line),
  });
  try {
    const res = await fetch(`${prism.url}/v1/customer/info`, { headers: { authorization: 'Bearer any' } });
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines.some((line) => line.includes('Violation: response.body.customerNumber'))).toBe(true);
  } finally {
    await prism.close();
    upstream.close();
  }
}, 60_000);
