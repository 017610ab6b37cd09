import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../mock/server.ts';
import { runQuietly } from '../testing/run-quietly.ts';

// The mock without its admin API stands in for a real server: nothing seeded, data discovered
// from the user's own customer, writes only because --allow-writes is given.
const DATA = fileURLToPath(new URL('../data/mock-default-fixtures.json', import.meta.url));
const LOGIN = ['--allow-writes', '--user-login-hint', 'ola.nordmann@hotmail.no'];

let mock: RunningMock;
let sampleBefore: unknown;
let run: Awaited<ReturnType<typeof runQuietly>>;

beforeAll(async () => {
  mock = await startMock({ admin: false, rateLimits: { perSecond: 10_000, perMinute: 100_000 } });
  sampleBefore = mock.store.get(563457);
  run = await runQuietly(mock.url, [...LOGIN, '--data', DATA, '--max-skipped', '99'], { minIntervalMs: 0 });
}, 120_000);

afterAll(async () => {
  await mock?.close();
});

const skipped = () => run.results.filter((r) => r.verdict.status === 'skipped');
const verdictOf = (name: string) => run.results.find((r) => r.name === name)?.verdict.status;

it('passes against a server without the admin API, each skip with its reason', () => {
  expect(run.failedChecks).toEqual([]);
  expect(run.exitCode).toBe(0);
  for (const r of skipped()) expect(r.verdict.status === 'skipped' && r.verdict.reason.length).toBeGreaterThan(20);
  expect(verdictOf('skips no more checks than allowed')).toBe('passed');
});

it('arranges NFC data through the user’s own customer, and gives it back', () => {
  expect(verdictOf('matches after Unicode NFC normalisation (decomposed input)')).toBe('passed');
  expect(mock.store.get(563457)).toEqual(sampleBefore);
});

it('checks the rules that need several customers with the facts of --data', () => {
  expect(verdictOf('answers 403 TooManyResultsException given more than five matches')).toBe('passed');
  expect(verdictOf('orders results by customer number')).toBe('passed');
  expect(verdictOf('a product code the customer holds keeps it')).toBe('passed');
});

it('fails a run that skipped more checks than --max-skipped allows, naming the count', async () => {
  const strict = await runQuietly(mock.url, [...LOGIN, '--fail-on-skip'], { minIntervalMs: 0 }, { withoutDredd: true });
  expect(strict.exitCode).toBe(1);
  expect(strict.failedChecks).toEqual(['setup.skips: skips no more checks than allowed']);
  const message = strict.results.find((r) => r.group === 'skips')?.verdict;
  expect(message).toMatchObject({ status: 'failed', message: expect.stringMatching(/^\d+ of \d+ checks were skipped; --fail-on-skip allows none\. /) });
}, 60_000);

it('fails by default a run that skipped more than a quarter of its checks, naming what to give', async () => {
  // No user login: as a new user would first try it against a real server.
  const bare = await runQuietly(mock.url, [], { minIntervalMs: 0 }, { withoutDredd: true });
  expect(bare.exitCode).toBe(1);
  expect(bare.failedChecks).toEqual(['setup.skips: skips no more checks than allowed']);
  const verdict = bare.results.find((r) => r.group === 'skips')?.verdict;
  const message = verdict?.status === 'failed' ? verdict.message : '';
  expect(message).toMatch(/^\d+ of \d+ checks were skipped; by default no more than a quarter \(\d+\) may be skipped\. Give --user-token with --allow-writes \(\d+ checks\), --user-token \(\d+ checks\)/);
  expect(bare.results.filter((r) => r.verdict.status === 'skipped').length * 4).toBeGreaterThan(bare.results.length);
}, 60_000);
