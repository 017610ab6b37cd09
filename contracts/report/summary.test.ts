import { expect, it } from 'vitest';
import type { CheckResult } from '../runner/results.ts';
import { renderSummary } from './summary.ts';

const results: CheckResult[] = [
  { suite: 'semantic', group: 'search', name: 'finds a customer by email', verdict: { status: 'passed' }, durationMs: 3 },
  { suite: 'semantic', group: 'search', name: 'answers 403 given six matches', verdict: { status: 'skipped', reason: 'needs seeded data' }, durationMs: 0 },
  {
    suite: 'semantic', group: 'update', name: 'replaces all', durationMs: 5,
    verdict: { status: 'failed', message: 'emails kept ["a@b.no"]', exchange: { method: 'GET', url: 'http://127.0.0.1:1/v1/customer/info', status: 200, responseBody: '{"emails":["a@b.no"]}' } },
  },
];

it('gives the verdict of every check with its reason', () => {
  const summary = renderSummary({ baseUrl: 'http://127.0.0.1:1', notes: [], results, retries429: 0 });
  expect(summary).toContain('**FAILED**: 1 passed, 1 failed, 1 skipped (66 % of the checks ran).');
  expect(summary).toContain('| semantic.search | answers 403 given six matches | skipped | needs seeded data |');
});

it('shows the request and the answer of a failure', () => {
  const summary = renderSummary({ baseUrl: 'http://127.0.0.1:1', notes: [], results, retries429: 0 });
  expect(summary).toContain('### semantic.update: replaces all');
  expect(summary).toContain('GET http://127.0.0.1:1/v1/customer/info\n\n→ 200\n\n{"emails":["a@b.no"]}');
});

it('ends with a coverage table of every operation × status and every business rule', () => {
  const summary = renderSummary({ baseUrl: 'http://127.0.0.1:1', notes: [], results, retries429: 0 });
  const table = summary.slice(summary.indexOf('## Coverage'));
  expect(table).toContain('| searchCustomers | 200 | **not covered** |');
  expect(table).toContain('| more than five matches: 403 TooManyResultsException, five are answered; the limit counted after every filter | rule | skipped: needs seeded data |');
  expect(table).toContain('| the update replaces all four fields; a field left out becomes null | rule | exercised (1 check) |');
});

it('groups what was not run by reason, with the option that would run it', () => {
  const skips: CheckResult[] = [0, 1].map((n) => ({ suite: 'semantic', group: 'update', name: `w${n}`, verdict: { status: 'skipped', reason: 'writes need --allow-writes', needs: '--allow-writes' }, durationMs: 0 }));
  const summary = renderSummary({ baseUrl: 'http://127.0.0.1:1', notes: [], results: [...results, ...skips], retries429: 0 });
  expect(summary).toContain('## Not run, and why\n\n| reason | checks | to run them, give |\n| --- | --- | --- |\n| writes need --allow-writes | 2 | `--allow-writes` |\n| needs seeded data | 1 | — (see the reason) |');
});
