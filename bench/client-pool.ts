/**
 * The tokens that drive our mock with its rate limits on: one client id for each entry of the
 * pool (bench/pool-size.ts says how many), a client token and a user token (for the update) of
 * that id, minted by `POST /__admin/tokens` (mock/http/admin/admin-tokens.ts). The admin API is
 * not rate limited, so minting counts for no window.
 *
 * Why a pool of real client ids, not raised limits: the mock's limits are not a flag (only
 * `startMock({rateLimits})`, in the mock's own process), and ids that never reach a limit make the
 * limiter do its real work on every request, as it does for any client of the default mock.
 */
import { SAMPLE_UNIQUE_ID } from '../fixtures/scenario-sample.ts';
import { tokenFrom } from './capture.ts';
import type { Tokens } from './scenarios.ts';

/** Tokens minted at once: enough to hide the round trips, few enough not to queue in the mock. */
const MINT_CONCURRENCY = 8;

export async function mintPool(url: string, size: number): Promise<Tokens[]> {
  const pool: Tokens[] = new Array<Tokens>(size);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < size; i = next++) pool[i] = await mintPair(url, `bench-${i + 1}`);
  };
  await Promise.all(Array.from({ length: Math.min(MINT_CONCURRENCY, size) }, worker));
  return pool;
}

async function mintPair(url: string, clientId: string): Promise<Tokens> {
  const mint = (body: object) =>
    tokenFrom(`${url}/__admin/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return { client: await mint({ clientId }), user: await mint({ uniqueId: SAMPLE_UNIQUE_ID, clientId }) };
}

/**
 * A "rate limits on" row must come from a mock that counts: the API answers a counted call with
 * `X-RateLimit-Remaining` (mock/http/rate-limit.ts). Without it (a default changed, an
 * environment variable) the rows would measure the wrong pipeline under the right name.
 */
export async function assertRateLimited(url: string, path: string, tokens: Tokens): Promise<void> {
  const res = await fetch(url + path, { headers: { authorization: `Bearer ${tokens.client}` }, signal: AbortSignal.timeout(10_000) });
  await res.arrayBuffer();
  if (res.status !== 200 || !res.headers.has('x-ratelimit-remaining')) {
    throw new Error(`${url}${path} answered ${res.status} without X-RateLimit-Remaining: is the mock's rate limit really on?`);
  }
}
