import { expect, it } from 'vitest';
import { checkAnswers, medianRound } from './compare-servers.ts';
import type { LoadResult } from './load.ts';

const CLEAN: LoadResult = { requestsPerSecond: 1000, p50Ms: 1, p99Ms: 2, requests: 1000, non2xx: 0, rateLimited: 0, errors: 0, cpuUsPerRequest: 50, backendCpuUsPerRequest: Number.NaN };

it('accepts a run of our mock where every answer was a 2xx', () => {
  expect(() => checkAnswers('ours', 'client info', CLEAN)).not.toThrow();
});

it('calls a run that met the rate limits invalid, also when the 429s came in the warm-up only', () => {
  expect(() => checkAnswers('ours', 'client info, rate limits on', { ...CLEAN, rateLimited: 3 })).toThrow(/3 answers \(warm-up included\) were 429 .* invalid/);
  expect(() => checkAnswers('ours', 'client info, rate limits on', { ...CLEAN, non2xx: 3, rateLimited: 3 })).toThrow(/429/);
});

it('fails any other non-2xx or connection error of our mock or the bare server, not of Prism', () => {
  expect(() => checkAnswers('bare', 'update', { ...CLEAN, non2xx: 1 })).toThrow(/1 not 2xx/);
  expect(() => checkAnswers('ours', 'update', { ...CLEAN, errors: 2 })).toThrow(/2 connection errors/);
  expect(() => checkAnswers('ours', 'update', { ...CLEAN, requests: 0 })).toThrow(/0 answers/);
  expect(() => checkAnswers('prism', 'client info', { ...CLEAN, non2xx: 5 })).not.toThrow();
});

it("takes the median round, with every round's answers, 429s and errors counted", () => {
  const rounds = [900, 1200, 1000].map((rate, i) => ({ ...CLEAN, requestsPerSecond: rate, p50Ms: i, rateLimited: i === 0 ? 1 : 0, errors: i }));
  const median = medianRound(rounds);
  expect(median).toMatchObject({ requestsPerSecond: 1000, p50Ms: 2, requests: 3000, rateLimited: 1, errors: 3 });
  expect(medianRound([{ ...CLEAN, requestsPerSecond: 5 }, { ...CLEAN, requestsPerSecond: 3 }]).requestsPerSecond).toBe(3);
  expect(() => medianRound([])).toThrow(/no round/);
});
