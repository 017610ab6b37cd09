import { describe, expect, it } from 'vitest';
import type { BrokenServer } from './broken/broken-server.ts';
import { runQuietly } from './run-quietly.ts';
import { startBrokenMock } from './wrap-mock.ts';

/**
 * One test per broken server: a contract run against it must exit 1 and name the check that
 * catches it. A server caught by a semantic or setup check is run without the Dredd suite (its
 * start compiles the spec each time and would make this suite minutes longer); one caught by a
 * Dredd transaction gets the whole run. The unbroken mock always gets the whole run.
 */
export function describeBrokenServers(title: string, servers: BrokenServer[]): void {
  describe(title, () => {
    for (const server of servers) {
      it(`${server.breaks}: caught by "${server.caughtBy}"`, async () => {
        const broken = await startBrokenMock(server.breakage, server.overrides);
        try {
          const run = await runQuietly(broken.url, [], { minIntervalMs: 0 }, { withoutDredd: !server.caughtBy.startsWith('dredd.') });
          expect(run.failedChecks).toContain(server.caughtBy);
          expect(run.exitCode).toBe(1);
        } finally {
          await broken.close();
        }
      }, 60_000);
    }
  });
}
