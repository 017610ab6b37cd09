import type { Exchange } from '../http/exchange.ts';

export type { Exchange };

export type Verdict =
  | { status: 'passed' }
  | { status: 'failed'; message: string; exchange?: Exchange }
  | { status: 'skipped'; reason: string; needs?: string };

/** The outcome of one check; `suite` + `name` is unique and stable across runs (JUnit needs both). */
export interface CheckResult {
  suite: 'dredd' | 'semantic' | 'setup';
  /** e.g. `search` or `getCustomerInfo`: the JUnit class name under the suite. */
  group: string;
  name: string;
  verdict: Verdict;
  durationMs: number;
  /** How the check provoked what it checked (e.g. "a client token (the wrong kind)"). */
  detail?: string;
  /** `operationId status` pairs a semantic check exercises, for the coverage table. */
  covers?: string[];
}

/** Thrown inside a check to fail it with the exchange that showed the breakage. */
export class CheckFailure extends Error {
  constructor(
    message: string,
    readonly exchange?: Exchange,
  ) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/**
 * Thrown inside a check when the target cannot support it; `reason` goes into the report, `needs`
 * names the option that would let it run (`--user-token`, `--allow-writes`, `--data`, …), which
 * the skip budget repeats when it fails a run (runner/skip-limit.ts).
 */
export class CheckSkip extends Error {
  constructor(
    readonly reason: string,
    readonly needs?: string,
  ) {
    super(reason);
    this.name = 'CheckSkip';
  }
}

export function countVerdicts(results: CheckResult[]): Record<Verdict['status'], number> {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const result of results) counts[result.verdict.status] += 1;
  return counts;
}
