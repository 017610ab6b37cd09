import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPrism, type PrismServer } from '../prism/start-prism.ts';
import { runQuietly } from './run-quietly.ts';

// Prism's stateless mock answers every request with the spec's examples: it knows no tokens, no
// search rules and no state, so the contract must fail against it and say which rules broke.
let prism: PrismServer;
let run: Awaited<ReturnType<typeof runQuietly>>;

beforeAll(async () => {
  prism = await startPrism({ mode: 'mock' });
  // Prism has no token endpoint: given tokens. Prism hangs on malformed JSON: a short timeout.
  run = await runQuietly(prism.url, ['--client-token', 'any', '--user-token', 'any', '--allow-writes'], { minIntervalMs: 0, timeoutMs: 1500 });
}, 120_000);

afterAll(async () => {
  await prism?.close();
});

it('fails the run against Prism’s stateless mock', () => {
  expect(run.exitCode).toBe(1);
});

it('names the auth rules Prism does not enforce', () => {
  expect(run.failedChecks).toContain('semantic.auth.searchCustomers: answers 401 with an unknown bearer');
  expect(run.failedChecks).toContain('semantic.auth.getCustomerInfo: answers 403 insufficient_scope to a client token');
});

it('names the search and update rules a stateless mock cannot keep', () => {
  expect(run.failedChecks).toContain('semantic.search: answers 400 to an empty search');
  expect(run.failedChecks).toContain('semantic.search: does not match a prefix of a phone number');
  expect(run.failedChecks).toContain('semantic.update: replaces all: fields left out become null');
});
