/**
 * What a client's user catches for each network fault: Node's own `fetch` (undici) and `curl`.
 * The table this records is the one in docs/decisions/043 and the README ("Network faults").
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER } from '../../../fixtures/index.ts';
import type { RunningMock } from '../../server.ts';
import { startWithClientToken } from '../../testing/test-support.ts';

let mock: RunningMock;
let token: string;
beforeAll(async () => ({ mock, token } = await startWithClientToken({ rateLimit: false })));
afterAll(() => mock.close());

const KINDS = ['reset', 'empty', 'garbage', 'truncated', 'slow-body'] as const;
const url = () => `${mock.url}/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`;
const headers = (kind: string) => ({ authorization: `Bearer ${token}`, prefer: `fault=${kind}, delay=200` });

/** `TypeError: fetch failed (ECONNRESET)`: the error, and its cause's code, as a user's catch sees them. */
async function fetchOutcome(kind: string): Promise<string> {
  try {
    const response = await fetch(url(), { headers: headers(kind) });
    await response.text();
    return `${response.status}`;
  } catch (error) {
    const { name, message, cause } = error as Error & { cause?: { code?: string; name?: string } };
    // Node 20's undici gives a parser error its llhttp code; 24's gives it none, only its name.
    return `${name}: ${message} (${cause?.code ?? cause?.name})`;
  }
}

function curlExit(kind: string): Promise<number> {
  const args = ['-sS', '-o', '/dev/null', '--max-time', '10', ...Object.entries(headers(kind)).flatMap(([name, value]) => ['-H', `${name}: ${value}`]), url()];
  return new Promise((resolve) => execFile('curl', args, (error) => resolve(error ? Number((error as { code?: number }).code) : 0)));
}

it('gives fetch the error its users catch, per fault', async () => {
  const seen: Record<string, string> = {};
  for (const kind of KINDS) seen[kind] = await fetchOutcome(kind);
  expect(seen).toEqual({
    reset: 'TypeError: fetch failed (ECONNRESET)',
    empty: 'TypeError: fetch failed (UND_ERR_SOCKET)',
    garbage: expect.stringMatching(/^TypeError: fetch failed \((HPE_INVALID_CONSTANT|HTTPParserError)\)$/),
    // The head arrived, so `fetch` resolved; reading the body fails.
    truncated: 'TypeError: terminated (UND_ERR_SOCKET)',
    'slow-body': '200',
  });
});

it.runIf(existsSync('/usr/bin/curl'))('gives curl the exit code its users see, per fault', async () => {
  const seen: Record<string, number> = {};
  for (const kind of KINDS) seen[kind] = await curlExit(kind);
  // 56 receive failure, 52 empty reply, 1 "Received HTTP/0.9 when not allowed", 18 partial file.
  expect(seen).toEqual({ reset: 56, empty: 52, garbage: 1, truncated: 18, 'slow-body': 0 });
});
