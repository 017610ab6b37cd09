/**
 * A whole fuzz run against one base URL: credentials, the families of every operation in the
 * spec, the request budget shared among them, each family run as a seeded fast-check property,
 * and the user's customer restored afterwards when the run wrote to it.
 *
 * @example
 * const report = await runFuzz({ baseUrl: 'http://127.0.0.1:4010', count: 500, seed: 1 });
 * if (!report.ok) process.exitCode = 1;
 */
import { loadSpec, specValidators } from '../../spec/index.ts';
import { CHECK_NAMES, type CheckName } from './checks.ts';
import type { Family, SkippedFamily } from './family.ts';
import { HttpClient, type ClientStats } from '../http/http-client.ts';
import { fuzzCredentials, type TokenOptions } from './credentials.ts';
import { familiesFor } from './request-families.ts';
import { restoreCustomer, snapshotCustomer } from './restore-customer.ts';
import { runFamily, type FailureRecord, type FamilyRun } from './run-family.ts';

export interface FuzzOptions extends Partial<Omit<TokenOptions, 'baseUrl'>> {
  baseUrl: string;
  /** Cases to generate and check across all families (shrinking and 429 retries come on top). */
  count: number;
  seed: number;
  /** The run stops by itself after this long; default 5 minutes. */
  timeLimitMs?: number;
  allowWrites?: boolean;
  maxRps?: number;
  /** How long one request may take before it counts as unanswered; default 10 s. */
  requestTimeoutMs?: number;
  /** Only the families whose id contains one of these (e.g. `searchCustomers`, `/auth`). */
  only?: string[];
  /** Replay one reported case: `familyId:seed:path`, as the summary prints it. */
  replay?: string;
  onFamilyDone?: (run: FamilyRun) => void;
}

export interface FuzzReport {
  baseUrl: string;
  seed: number;
  count: number;
  ok: boolean;
  durationMs: number;
  checks: Record<CheckName, { passed: number; failed: number }>;
  failures: FailureRecord[];
  families: FamilyRun[];
  skipped: SkippedFamily[];
  notes: string[];
  client: ClientStats;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const deadline = started + (options.timeLimitMs ?? 300_000);
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  // Snapshot, restore and tokens use their own client: the restore must happen even past the deadline.
  const keeper = new HttpClient(options.baseUrl, { minIntervalMs: 0, timeoutMs });
  const tokens = await fuzzCredentials(keeper, { clientId: 'demo-client', clientSecret: 'demo-secret', ...options });
  const allowWrites = options.allowWrites ?? tokens.hasAdmin;
  const validators = specValidators();
  const doc = loadSpec();
  const families: Family[] = [];
  const skipped: SkippedFamily[] = [];
  for (const operation of validators.operations.values()) {
    const ctx = { doc, validators: operation, credentials: tokens.credentials, allowWrites, honoursPrefer: tokens.hasAdmin };
    const built = familiesFor(ctx);
    families.push(...built.families);
    skipped.push(...built.skipped);
  }
  const replay = splitReplay(options.replay);
  const replayId = replay?.familyId;
  const wanted = (id: string) => (replayId ? id === replayId : !options.only || options.only.some((o) => id.includes(o)));
  const chosen = families.filter((f) => wanted(f.id));
  if (replayId && chosen.length === 0) throw new Error(`--replay: no family ${replayId}`);
  // One request at a time at most maxRps a second; waits on 429s only end at the deadline.
  const client = new HttpClient(options.baseUrl, {
    deadline, timeoutMs, minIntervalMs: options.maxRps ? 1000 / options.maxRps : 0, maxRetries: Number.POSITIVE_INFINITY,
  });
  const snapshot = allowWrites ? await snapshotCustomer(keeper, tokens.credentials) : undefined;
  const runs: FamilyRun[] = [];
  try {
    const budget = shareBudget(chosen, options.count);
    for (const family of chosen) {
      if (Date.now() >= deadline) break;
      const run = await runFamily(family, {
        client, validators, deadline, numRuns: budget.get(family.id) ?? 1,
        seed: replay ? replay.seed : familySeed(options.seed, family.id), ...(replay ? { replayPath: replay.path } : {}),
      });
      runs.push(run);
      options.onFamilyDone?.(run);
    }
  } finally {
    if (snapshot) tokens.notes.push(await restoreCustomer(keeper, tokens.credentials, snapshot));
    client.close();
    keeper.close();
  }
  return report(options, started, runs, skipped.filter((f) => wanted(f.id)), tokens.notes, client.stats);
}

/** Each family's runs, in proportion to its weight, within its cap. */
export function shareBudget(families: Family[], count: number): Map<string, number> {
  const total = families.reduce((sum, f) => sum + f.weight, 0) || 1;
  return new Map(families.map((f) => [f.id, Math.max(1, Math.min(f.maxRuns ?? Infinity, Math.round((count * f.weight) / total)))]));
}

/** A family's own seed, from the run's seed and its id: adding a family does not move the others. */
export function familySeed(seed: number, familyId: string): number {
  let hash = 2166136261;
  for (const char of familyId) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return (hash ^ seed) | 0;
}

/** `familyId:seed:path`; a family id has no colon, fast-check's path is colon-separated (`12:0:1`). */
function splitReplay(replay: string | undefined): { familyId: string; seed: number; path: string } | undefined {
  if (!replay) return undefined;
  const match = /^([^:]+):(-?\d+):(\d+(?::\d+)*)$/.exec(replay);
  if (!match) throw new Error('--replay takes familyId:seed:path, as the summary prints it, e.g. searchCustomers/valid:-123:12:0:1');
  return { familyId: match[1] as string, seed: Number(match[2]), path: match[3] as string };
}

function report(
  options: FuzzOptions, started: number, runs: FamilyRun[], skipped: SkippedFamily[], notes: string[], client: ClientStats,
): FuzzReport {
  const checks = Object.fromEntries(CHECK_NAMES.map((c) => [c, { passed: 0, failed: 0 }])) as FuzzReport['checks'];
  for (const run of runs) {
    for (const [check, counts] of run.tally) {
      checks[check].passed += counts.passed;
      checks[check].failed += counts.failed;
    }
  }
  const failures = runs.flatMap((r) => r.failures);
  return {
    baseUrl: options.baseUrl, seed: options.seed, count: options.count,
    ok: failures.length === 0, durationMs: Date.now() - started,
    checks, failures, families: runs, skipped, notes, client: { ...client },
  };
}
