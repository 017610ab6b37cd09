/**
 * Runs one family as a fast-check property: each generated case is sent and checked. On the first
 * failure fast-check shrinks the case, and the property keeps failing only while the same check
 * fails, so the report shows the smallest request that breaks that check, with the seed and path
 * that replay it (`fc.check(…, { seed, path })`).
 */
import fc from 'fast-check';
import type { SpecValidators } from '../../spec/index.ts';
import { runChecks, type CheckName, type CheckOutcome } from './checks.ts';
import type { Family } from './family.ts';
import type { FuzzCase, FuzzResponse } from './fuzz-case.ts';
import { DeadlineReached } from '../http/exchange.ts';
import type { HttpClient } from '../http/http-client.ts';

/** Requests and time spent on shrinking one failure; past either, the case found so far is reported. */
const MAX_SHRINK_REQUESTS = 150;
const MAX_SHRINK_MS = 20_000;
/** A target that leaves this many requests of a family in a row unanswered is not asked more of them. */
const MAX_SILENT_IN_A_ROW = 3;

export interface FailureRecord {
  check: CheckName;
  message: string;
  familyId: string;
  operationId: string;
  note: string;
  fuzzCase: FuzzCase;
  /** Absent when the target gave no answer at all. */
  response?: FuzzResponse;
  /** The fast-check seed and path of the shrunk case: `--replay familyId:seed:path` runs it again ('' when not shrunk). */
  seed: number;
  path: string;
  /** The case was shrunk from a larger one (false: shrinking found nothing smaller). */
  shrunk: boolean;
}

export interface FamilyRun {
  familyId: string;
  planned: number;
  /** Cases generated, sent and checked (shrinking not included). */
  cases: number;
  shrinkRequests: number;
  tally: Map<CheckName, { passed: number; failed: number }>;
  /** Status codes seen (shrinking not included), to show what the run reached. */
  statuses: Map<number, number>;
  failures: FailureRecord[];
  stoppedByDeadline: boolean;
  /** Why the family stopped before its budget, other than the deadline. */
  stoppedEarly?: string;
}

export interface FamilyRunOptions {
  client: HttpClient;
  validators: SpecValidators;
  seed: number;
  numRuns: number;
  deadline: number;
  /** Replays one case: the `path` fast-check reported. */
  replayPath?: string;
}

interface Exchange {
  fuzzCase: FuzzCase;
  response?: FuzzResponse;
  outcomes: CheckOutcome[];
}

export async function runFamily(family: Family, options: FamilyRunOptions): Promise<FamilyRun> {
  const run: FamilyRun = {
    familyId: family.id, planned: options.numRuns, cases: 0, shrinkRequests: 0, tally: new Map(), statuses: new Map(), failures: [], stoppedByDeadline: false,
  };
  if (options.replayPath !== undefined) {
    await runRound(family, options, run, { reported: new Set(), seen: new Map() }, options.seed, options.numRuns);
    return run;
  }
  // fast-check stops a property at its first failure; a new round (next seed) goes on with the
  // rest of the budget, and failures of checks already reported no longer stop it. Each round
  // reports one check, so a family reports each check at most once.
  const reported = new Set<CheckName>();
  const seen = new Map<CheckName, Exchange>();
  const going = () => run.cases < options.numRuns && !run.stoppedByDeadline && !run.stoppedEarly;
  for (let round = 0; round <= CHECK_COUNT && going(); round += 1) {
    const found = await runRound(family, options, run, { reported, seen }, options.seed + round, options.numRuns - run.cases);
    if (!found) break;
  }
  // A check that failed only beside another one, and never again alone, is still reported: as seen.
  for (const [check, exchange] of seen) {
    if (!reported.has(check)) run.failures.push(...failuresOf(family, exchange, exchange, new Set([check]), options.seed, ''));
  }
  return run;
}

const CHECK_COUNT = 7;

/** What the rounds of a family share: the checks already reported, and the first case each check failed on. */
interface RoundMemory {
  reported: Set<CheckName>;
  seen: Map<CheckName, Exchange>;
}

/** One fast-check property over `numRuns` cases; true when it found (and shrank) a new failure. */
async function runRound(
  family: Family, options: FamilyRunOptions, run: FamilyRun, known: RoundMemory, seed: number, numRuns: number,
): Promise<boolean> {
  const { reported, seen } = known;
  let target: Set<CheckName> | undefined;
  let first: Exchange | undefined;
  let last: Exchange | undefined;
  let shrinkingSince = 0;
  let silentInARow = 0;
  const property = fc.asyncProperty(family.arbitrary, async (fuzzCase) => {
    if (run.stoppedByDeadline || run.stoppedEarly) return true;
    if (target && (run.shrinkRequests >= MAX_SHRINK_REQUESTS || Date.now() - shrinkingSince > MAX_SHRINK_MS)) return true;
    const exchange = await send(options, fuzzCase);
    if (!exchange) {
      run.stoppedByDeadline = true;
      return true;
    }
    silentInARow = exchange.response ? 0 : silentInARow + 1;
    if (!target && silentInARow >= MAX_SILENT_IN_A_ROW) run.stoppedEarly = `${silentInARow} requests in a row got no answer`;
    if (target) run.shrinkRequests += 1;
    else tally(run, exchange);
    for (const o of exchange.outcomes) if (!o.ok && !target && !seen.has(o.check)) seen.set(o.check, exchange);
    const failed = exchange.outcomes.filter((o) => !o.ok && (target ? target.has(o.check) : !reported.has(o.check)));
    if (failed.length === 0) return true;
    if (!target) {
      // Shrink toward one check, the first in CHECK_NAMES order: each check gets its own smallest
      // case (the others that failed here are found again in later rounds).
      target = new Set([failed[0]?.check as CheckName]);
      first = exchange;
      shrinkingSince = Date.now();
    }
    last = exchange;
    return false;
  });
  const details = await fc.check(property, {
    seed,
    numRuns,
    ...(options.replayPath !== undefined ? { path: options.replayPath, endOnFailure: true } : {}),
    interruptAfterTimeLimit: Math.max(1, options.deadline - Date.now()),
    markInterruptAsFailure: false,
  });
  if (details.interrupted) run.stoppedByDeadline = true;
  if (!first || !last || !target) return false;
  for (const check of target) reported.add(check);
  run.failures.push(...failuresOf(family, first, last, target, seed, details.counterexamplePath ?? ''));
  return true;
}

async function send(options: FamilyRunOptions, fuzzCase: FuzzCase): Promise<Exchange | undefined> {
  try {
    const response = await options.client.send(fuzzCase.request);
    return { fuzzCase, response, outcomes: runChecks(fuzzCase, response, options.validators) };
  } catch (error) {
    if (error instanceof DeadlineReached) return undefined;
    const message = `no answer: ${(error as Error).message}`;
    return { fuzzCase, outcomes: [{ check: 'not_a_server_error', ok: false, message }] };
  }
}

function tally(run: FamilyRun, { outcomes, response }: Exchange): void {
  run.cases += 1;
  const status = response?.status ?? 0;
  run.statuses.set(status, (run.statuses.get(status) ?? 0) + 1);
  for (const outcome of outcomes) {
    const counts = run.tally.get(outcome.check) ?? { passed: 0, failed: 0 };
    counts[outcome.ok ? 'passed' : 'failed'] += 1;
    run.tally.set(outcome.check, counts);
  }
}

/** One record per check that failed first; the shrunk case where it still fails there, else the original. */
function failuresOf(family: Family, first: Exchange, last: Exchange, target: Set<CheckName>, seed: number, path: string): FailureRecord[] {
  return first.outcomes.filter((o) => !o.ok && target.has(o.check)).map((o) => {
    const shrunkOutcome = last.outcomes.find((l) => l.check === o.check && !l.ok);
    const shown = shrunkOutcome ? last : first;
    return {
      check: o.check,
      message: (shrunkOutcome ?? o).message,
      familyId: family.id,
      operationId: family.operationId,
      note: shown.fuzzCase.note,
      fuzzCase: shown.fuzzCase,
      ...(shown.response ? { response: shown.response } : {}),
      seed,
      path,
      shrunk: shown !== first,
    };
  });
}
