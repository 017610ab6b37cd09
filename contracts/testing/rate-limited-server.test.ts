import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { runQuietly } from './run-quietly.ts';
import { startBrokenMock, type Breakage } from './wrap-mock.ts';

/** Every fifth API call is refused with 429 before it reaches the mock, as a busy real server might. */
function every5thCallRateLimited(): Breakage {
  let calls = 0;
  return {
    request: (req) => {
      if (!req.path.includes('/v1/') || req.headers.prefer) return req;
      calls += 1;
      if (calls % 5 !== 0) return req;
      return {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '0', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000)) },
        body: '{"exceptionType":"TooManyRequestsException","errorMessage":"Rate limit exceeded."}',
      };
    },
  };
}

it('waits out 429 answers instead of failing checks on them', async () => {
  const server = await startBrokenMock(every5thCallRateLimited());
  try {
    const run = await runQuietly(server.url, [], { minIntervalMs: 0 });
    const failures = run.results.filter((r) => r.verdict.status === 'failed').map((r) => JSON.stringify(r.verdict));
    expect(failures.filter((f) => f.includes('429'))).toEqual([]);
    expect(readFileSync(run.summaryPath, 'utf8')).toMatch(/429 answers waited out: [1-9]\d*/);
  } finally {
    await server.close();
  }
}, 60_000);
