import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCustomers } from '../fixtures/index.ts';
import { fixtureText } from '../fixtures/test-helpers.ts';

const run = promisify(execFile);
const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
const script = join(import.meta.dirname, 'fixtures.ts');

async function fixtures(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [script, ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fixtures-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run fixtures', () => {
  it('writes customers made from --template as the admin API\'s generate does, the same for the same seed', async () => {
    const template = join(await mkdtemp(join(tmpdir(), 'fixtures-template-')), 'template.json');
    await writeFile(template, JSON.stringify({ name: { lastName: 'Malsen' }, address: { postalCode: '0150' } }));
    const first = await fixtures('--template', template, '--count', '3', '--seed', '4');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const records = JSON.parse(first.stdout);
    expect(records.map((record: { customerNumber: number }) => record.customerNumber)).toEqual([1_000_001, 1_000_002, 1_000_003]);
    for (const record of records) expect(record).toMatchObject({ name: { lastName: 'Malsen' }, address: { postalCode: '0150', postalPlace: expect.any(String) } });
    expect((await fixtures('--template', template, '--count', '3', '--seed', '4')).stdout).toBe(first.stdout);
    await rm(dirname(template), { recursive: true, force: true });
  });

  it('exits 2 naming the field given a --template that cannot give a valid record', async () => {
    const template = join(await mkdtemp(join(tmpdir(), 'fixtures-template-')), 'bad-template.json');
    await writeFile(template, JSON.stringify({ emails: ['not-an-email'] }));
    const result = await fixtures('--template', template, '--count', '2');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`fixtures: --template ${template}: template: emails[0]: must be a valid email. Run with --help for usage.\n`);
    await rm(dirname(template), { recursive: true, force: true });
  });

  it('writes the same bytes as generateCustomers and writeFixtures, and no temporary file', async () => {
    const out = join(dir, 'customers.json');
    const result = await fixtures('--seed', '3', '--count', '50', '--out', out);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(await readFile(out, 'utf8')).toBe(await fixtureText(generateCustomers({ seed: 3, count: 50 })));
    expect(await readdir(dir)).toEqual(['customers.json']);
  });

  it('exits 2 with one line on standard error for a bad value, writing nothing', async () => {
    const out = join(dir, 'never.json');
    const result = await fixtures('--count', 'many', '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('fixtures: --count must be a whole number from 0 to 9000000, not "many". Run with --help for usage.\n');
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });

  it('exits 1 and leaves no file when the output cannot be written', async () => {
    const result = await fixtures('--count', '5', '--out', join(dir, 'missing-folder', 'x.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^fixtures: cannot write .*x\.json: ENOENT/);
    expect(await readdir(dir)).not.toContain('missing-folder');
  });
});
