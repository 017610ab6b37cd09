import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../mock/server.ts';
import { runFuzz } from './run-fuzz.ts';

describe('runFuzz against the project mock', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.close());

  it('finds no failures in a few hundred seeded cases, rate limits on', async () => {
    const report = await runFuzz({ baseUrl: mock.url, count: 300, seed: 1, timeLimitMs: 25_000 });
    expect(report.failures.map((f) => `${f.check} ${f.familyId}: ${f.message} (${f.note})`)).toEqual([]);
    expect(report.skipped).toEqual([]);
    for (const counts of Object.values(report.checks)) expect(counts.passed).toBeGreaterThan(0);
  });
});

describe('runFuzz against a broken server', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // Crashes on a lastName longer than three code points: the bug the fuzzer must find and shrink.
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const lastName = (JSON.parse(body || '{}') as { lastName?: string }).lastName ?? '';
        const status = [...lastName].length > 3 ? 500 : 200;
        res.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"customers":[]}' : '{"exceptionType":"X","errorMessage":"boom"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reports the failure shrunk to its smallest case, with the seed and path that replay it', async () => {
    const options = { baseUrl: url, count: 100, seed: 42, clientToken: 'token', only: ['searchCustomers/valid'], timeLimitMs: 20_000 };
    const report = await runFuzz(options);
    const failure = report.failures.find((f) => f.check === 'not_a_server_error');
    expect(report.ok).toBe(false);
    expect(failure?.shrunk).toBe(true);
    const sent = JSON.parse(String(failure?.fuzzCase.request.body)) as { lastName: string };
    expect([...sent.lastName]).toHaveLength(4);

    const replay = await runFuzz({ ...options, replay: `${String(failure?.familyId)}:${String(failure?.seed)}:${String(failure?.path)}` });
    expect(replay.failures[0]?.fuzzCase.request.body).toBe(failure?.fuzzCase.request.body);
  });
});
