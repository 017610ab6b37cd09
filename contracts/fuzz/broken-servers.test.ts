import { describe, expect, it } from 'vitest';
import type { CheckName } from './checks.ts';
import { EARLIER_BROKEN_SERVERS as BROKEN_SERVERS } from '../testing/broken/earlier.ts';
import { startBrokenMock } from '../testing/wrap-mock.ts';
import { runFuzz } from './run-fuzz.ts';

/** The breakages of contracts/testing that lie in the fuzzer's reach, and the check that must name each. */
const CAUGHT_BY: Record<string, { check: CheckName; only: string[] }> = {
  'a wrong error body': { check: 'response_schema_conformance', only: ['searchCustomers/schema-invalid'] },
  'a field over its maxLength': { check: 'response_schema_conformance', only: ['getCustomerInfo/valid'] },
  'a 500 on malformed JSON': { check: 'not_a_server_error', only: ['searchCustomers/malformed-json'] },
};

describe('runFuzz against the mock with one rule broken', () => {
  it('finds every breakage it expects in contracts/testing', () => {
    expect(BROKEN_SERVERS.map((s) => s.breaks)).toEqual(expect.arrayContaining(Object.keys(CAUGHT_BY)));
  });

  for (const server of BROKEN_SERVERS.filter((s) => s.breaks in CAUGHT_BY)) {
    const { check, only } = CAUGHT_BY[server.breaks] as { check: CheckName; only: string[] };
    it(`fails ${check} given ${server.breaks}`, async () => {
      const broken = await startBrokenMock(server.breakage, { rateLimit: false, ...server.overrides });
      try {
        const report = await runFuzz({ baseUrl: broken.url, count: 60, seed: 3, only, timeLimitMs: 20_000 });
        expect(report.failures.map((f) => f.check)).toContain(check);
      } finally {
        await broken.close();
      }
    });
  }
});
