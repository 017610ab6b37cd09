/**
 * `npm run fuzz -- --base-url URL [--count N] [--seed S] …`: fuzzes any target from the spec's
 * schemas and exits 1 on any failure (contracts/fuzz, docs/decisions/014).
 */
import { writeFileSync } from 'node:fs';
import { parseFuzzArgs, USAGE } from '../contracts/fuzz/fuzz-cli.ts';
import { runFuzz } from '../contracts/fuzz/run-fuzz.ts';
import { formatSummary, reportJson } from '../contracts/fuzz/summary.ts';

async function main(): Promise<number> {
  let options;
  try {
    options = parseFuzzArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  console.log(`Fuzzing ${options.baseUrl} with seed ${options.seed} (${options.count} cases)…`);
  const report = await runFuzz({
    ...options,
    onFamilyDone: (run) => {
      const failed = run.failures.length ? `, ${run.failures.length} failure(s)` : '';
      console.log(`  ${run.familyId}: ${run.cases}/${run.planned} cases${failed}`);
    },
  });
  console.log(`\n${formatSummary(report)}`);
  if (options.report) writeFileSync(options.report, `${reportJson(report)}\n`);
  return report.ok ? 0 : 1;
}

process.exitCode = await main();
