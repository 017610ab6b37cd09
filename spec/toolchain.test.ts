import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { SPEC_PATH } from './load-spec.ts';

const run = promisify(execFile);
const bin = (name: string) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

/** Runs a command and returns its combined output, whatever its exit code. */
async function output(cmd: string, args: string[]): Promise<{ code: number; text: string }> {
  try {
    const { stdout, stderr } = await run(cmd, args, { maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, text: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, text: e.stdout + e.stderr };
  }
}

it.each([SPEC_PATH, SPEC_PATH.replace(/customer-api\.yaml$/, 'admin-api.yaml')])('passes the Redocly lint with no error and no warning (%s)', async (path) => {
  const { code, text } = await output(bin('redocly'), ['lint', path, '--format', 'json']);
  const report = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as {
    totals: { errors: number; warnings: number };
    problems: unknown[];
  };
  expect(report.problems).toEqual([]);
  expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  expect(code).toBe(0);
});

it('is parsed by Dredd 14.1.0 into one transaction per documented status, without an error line', async () => {
  // Port 9 (discard) is never contacted: --names only lists the transactions.
  const { text } = await output(bin('dredd'), [SPEC_PATH, 'http://127.0.0.1:9', '--names', '--no-color']);
  expect(text).not.toMatch(/^error:/m);
  expect(text).toMatch(/complete: 0 passing, 0 failing, 0 errors, 45 skipped, 45 total/);
  expect(text).toContain('/v1/client/customer/search > Search customer - client mode > 403 > application/json');
});

it('keeps the generated TypeScript types in step with the spec', async () => {
  const { code, text } = await output(bin('openapi-typescript'), [SPEC_PATH]);
  expect(code).toBe(0);
  const committed = readFileSync(new URL('./spec-types.ts', import.meta.url), 'utf8');
  const generated = text.slice(text.indexOf('/**'));
  expect(committed.trim(), 'run `npm run gen:types` after changing the spec').toBe(
    generated.slice(0, generated.lastIndexOf('}') + 1).trim(),
  );
});
