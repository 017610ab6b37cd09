/** `--log pretty|json|off` (issue 14): one line a request, with method, path, status, ms and client, and the network fault if any. */
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER } from '../../fixtures/index.ts';
import type { LogFormat } from './request-log.ts';
import { startMock } from '../server.ts';
import { callOperation, clientToken, getJson } from '../testing/test-support.ts';

async function linesOf(log: LogFormat): Promise<string[]> {
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const mock = await startMock({ count: 0, rateLimit: false, log }, { logStream });
  try {
    const token = await clientToken(mock.url);
    await callOperation(mock.url, 'getClientCustomerInfo', { token, params: { customerNumber: SAMPLE_CUSTOMER_NUMBER } });
    await getJson(`${mock.url}/healthz`);
    await callOperation(mock.url, 'getClientCustomerInfo', { token, params: { customerNumber: SAMPLE_CUSTOMER_NUMBER }, headers: { prefer: 'fault=reset' } }).catch(() => undefined);
  } finally {
    await mock.close();
  }
  return lines;
}

it('writes one JSON object a line with --log json', async () => {
  const lines = (await linesOf('json')).map((line) => JSON.parse(line));
  expect(lines).toHaveLength(4);
  expect(lines[1]).toMatchObject({ level: 30, msg: 'request', method: 'GET', path: `/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`, status: 200, clientId: 'demo-client' });
  expect(typeof lines[1].ms).toBe('number');
  expect(Number.isNaN(Date.parse(lines[1].time))).toBe(false);
  expect(lines[2]).toMatchObject({ path: '/healthz', status: 200, clientId: null });
  expect(lines[1].fault).toBeUndefined();
  expect(lines[3]).toMatchObject({ status: null, fault: 'reset', clientId: 'demo-client' });
});

it('writes a readable line a request with --log pretty', async () => {
  const lines = await linesOf('pretty');
  expect(lines).toHaveLength(4);
  expect(lines[1]).toMatch(new RegExp(`^\\d\\d:\\d\\d:\\d\\d GET /v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER} 200 \\d+\\.\\d ms demo-client$`));
  expect(lines[2]).toMatch(/ GET \/healthz 200 .* -$/);
  expect(lines[3]).toMatch(/ - \d+\.\d ms demo-client fault=reset$/);
});

it('writes nothing with --log off, the default of startMock', async () => {
  expect(await linesOf('off')).toEqual([]);
});
