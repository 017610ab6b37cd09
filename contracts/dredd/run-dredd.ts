import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { SPEC_PATH } from '../../spec/index.ts';
import type { CheckResult, Exchange, Verdict } from '../runner/results.ts';
import { redact } from '../http/report-text.ts';
import type { Target } from '../runner/target.ts';
import { createDreddBridge, type Recorded } from './dredd-bridge.ts';
import { dreddDidNotRun, dreddMissing } from './dredd-installed.ts';
import { BRIDGE_KEY } from './transaction.ts';

const require = createRequire(import.meta.url);
const HOOKS_PATH = fileURLToPath(new URL('./hooks.cjs', import.meta.url));

export interface DreddInstance {
  run(callback: (error: Error | null, stats: Record<string, number>) => void): void;
}
export type DreddConstructor = new (config: Record<string, unknown>) => DreddInstance;

/**
 * Runs Dredd 14 in this process over the canonical spec, with `hooks.cjs` bridged to this run's
 * hooks, and returns one result per transaction, named by Dredd's stable transaction name
 * (`/v1/customer/info > List customer info > 200 > application/json`).
 */
export async function runDredd(target: Target, load: () => DreddConstructor = loadDredd): Promise<CheckResult[]> {
  const missing = dreddMissing();
  if (missing) return [missing];
  const recorded = new Map<string, Recorded>();
  const globals = globalThis as Record<symbol, unknown>;
  globals[BRIDGE_KEY] = createDreddBridge(target, recorded);
  const started = Date.now();
  try {
    const Dredd = load();
    silenceDreddReporter();
    const dredd = new Dredd({
      // Dredd's old `request` client resolves `localhost` to ::1 first, where the mock does not listen.
      endpoint: target.options.baseUrl.replace(/^(https?:\/\/)localhost(?=[:/]|$)/, (_, scheme: string) => `${scheme}127.0.0.1`),
      path: [SPEC_PATH],
      hookfiles: [HOOKS_PATH],
      reporter: [],
      output: [],
      loglevel: 'error',
      color: false,
    });
    await new Promise<void>((resolve, reject) => dredd.run((error) => (error ? reject(error) : resolve())));
  } catch (error) {
    // Dredd that cannot start (a broken install, a spec it cannot read) checked nothing: a failure.
    return [dreddDidNotRun(`Dredd could not run: ${(error as Error).message ?? String(error)}`)];
  } finally {
    delete globals[BRIDGE_KEY];
  }
  if (recorded.size === 0) return [dreddDidNotRun('Dredd ran no transaction: no documented status was checked')];
  const perTransaction = recorded.size ? (Date.now() - started) / recorded.size : 0;
  return [...recorded.entries()].map(([name, entry]) => ({
    suite: 'dredd',
    group: entry.operation.operationId,
    name,
    verdict: verdictOf(entry),
    durationMs: entry.endedAt === undefined ? Math.round(perTransaction) : entry.endedAt - entry.startedAt,
    ...('how' in entry.plan ? { detail: entry.plan.how } : {}),
  }));
}

function verdictOf(entry: Recorded): Verdict {
  const { transaction: t, plan } = entry;
  if ('skip' in plan) return { status: 'skipped', reason: plan.skip, ...(plan.needs ? { needs: plan.needs } : {}) };
  if (t.test?.status === 'pass' && !t.fail) return { status: 'passed' };
  if (t.test?.status === 'skip') return { status: 'skipped', reason: t.test.message ?? 'skipped by Dredd' };
  const messages = new Set<string>();
  for (const field of Object.values(t.results?.fields ?? {})) {
    if (field.valid === false) for (const e of field.errors ?? []) messages.add(e.message);
  }
  for (const e of t.errors ?? []) if (e.severity === 'error') messages.add(e.message);
  if (typeof t.fail === 'string') messages.add(t.fail);
  const how = `provoked by ${plan.how}`;
  return { status: 'failed', message: `${[...messages].join('; ') || 'Dredd reported a failure'} (${how})`, exchange: exchangeOf(t) };
}

function exchangeOf(t: Recorded['transaction']): Exchange {
  const body = t.request.body;
  return {
    method: t.request.method,
    url: `${t.protocol}//${t.host}${t.port ? `:${t.port}` : ''}${t.fullPath}`,
    requestHeaders: redact(t.request.headers),
    requestBody: body && body.length > 2000 ? `${body.slice(0, 200)}… (${body.length} characters)` : body,
    status: t.real?.statusCode,
    responseHeaders: t.real?.headers,
    responseBody: t.real?.body?.slice(0, 2000),
  };
}

/**
 * Dredd 14's old winston reads a property of a module still loading; Node warns about that on
 * every run. The warning is about Dredd's dependencies, not the server under test: kept out of
 * the run's output, every other warning passes through.
 */
function loadDredd(): DreddConstructor {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).includes('padLevels')) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return require('dredd') as DreddConstructor;
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** Dredd always adds its CLI reporter; the runner prints its own lines and writes its own reports. */
function silenceDreddReporter(): void {
  const output = require('dredd/build/reporters/reporterOutputLogger.js') as {
    default: { transports: { console: { silent: boolean } } };
  };
  output.default.transports.console.silent = true;
}
