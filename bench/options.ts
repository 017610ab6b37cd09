/**
 * The flags of `npm run bench`. The full run is the one whose numbers go into docs/benchmarks.md;
 * `--quick` is the smoke run that `npm test` does so the bench never rots (bench/bench.test.ts).
 */
import { parseArgs } from 'node:util';
import type { LoadSettings } from './load.ts';

export interface BenchOptions {
  quick: boolean;
  /** The Markdown file to write the tables into; `undefined`: standard output only. */
  out: string | undefined;
  settings: LoadSettings;
  sizes: number[];
  help: boolean;
}

export const DEFAULT_REPORT = 'docs/benchmarks.md';

export const USAGE = `Usage: npm run bench -- [--quick] [--out FILE]

Starts our mock (in memory, and with --redis on a Redis of its own: Debian's redis-server),
Prism's mock and a bare node:http server on 127.0.0.1, drives each with autocannon, measures the
mock at 1,000, 100,000 and 1,000,000 customers (search by phone also with --redis), and writes the tables to
${DEFAULT_REPORT}. Progress goes to standard error, the tables to standard output.

  --quick      smoke run: 1,000 customers only, about 1 s per measurement; writes no file
               unless --out is given
  --out FILE   where to write the tables (default ${DEFAULT_REPORT}; with --quick, none)
  --help       this text`;

const FULL: LoadSettings = { connections: 10, durationSeconds: 3, rounds: 3, warmupRequests: 2000 };
const QUICK: LoadSettings = { connections: 10, durationSeconds: 1, rounds: 1, warmupRequests: 200 };

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { quick: { type: 'boolean' }, out: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
    allowPositionals: false,
  });
  const quick = values.quick === true;
  return {
    quick,
    out: values.out ?? (quick ? undefined : DEFAULT_REPORT),
    settings: quick ? QUICK : FULL,
    sizes: quick ? [1000] : [1000, 100_000, 1_000_000],
    help: values.help === true,
  };
}
