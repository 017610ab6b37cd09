/**
 * `npm run fixtures -- --seed S --count N --out FILE`: writes a fixture file (docs/reference.md §5).
 * Flags are parsed in fixtures/cli-options.ts; run with --help for the list.
 */
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import type { CustomerRecord } from '../spec/index.ts';
import { parseFixturesArgs, USAGE, UsageError, type FixturesOptions } from '../fixtures/cli-options.ts';
import { FIRST_RANDOM_CUSTOMER_NUMBER, FixtureError, generateCustomers, isPlainObject, scenarioCustomers, templateCustomers, writeFixtures } from '../fixtures/index.ts';

const PROGRESS_FROM = 50_000;

async function main(argv: string[]): Promise<number> {
  let options: FixturesOptions;
  try {
    options = parseFixturesArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`fixtures: ${error.message.replace(/\.$/, '')}. Run with --help for usage.\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const records = options.template ? await fromTemplate(options, options.template) : withProgress(generateCustomers(options), options.count);
  if (options.out === '-') {
    // A reader that stops early (`| head`) is not an error, as for any Unix filter.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
    await writeFixtures(records, process.stdout);
  }
  else await writeFile(records, options.out);
  return 0;
}

/** `--template FILE`: the file's partial record laid over `count` seeded customers (fixtures/template-customers.ts). */
async function fromTemplate(options: FixturesOptions, file: string): Promise<CustomerRecord[]> {
  let template: unknown;
  try {
    template = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--template ${file}: ${(error as Error).message}`);
  }
  if (!isPlainObject(template)) throw new UsageError(`--template ${file}: must hold a JSON object, a part of a CustomerRecord`);
  try {
    return templateCustomers({ seed: options.seed, count: options.count, template, firstNumber: FIRST_RANDOM_CUSTOMER_NUMBER });
  } catch (error) {
    if (error instanceof FixtureError) throw new UsageError(`--template ${file}: ${error.message}`);
    throw error;
  }
}

/** Writes to a temporary file beside `out`, then renames it, so `out` is whole or untouched. */
async function writeFile(records: Iterable<CustomerRecord>, out: string): Promise<void> {
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  const removeTemp = () => rm(temp, { force: true });
  const onSignal = () => void removeTemp().finally(() => process.exit(130));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const stream = createWriteStream(temp);
  try {
    await writeFixtures(records, stream);
    stream.end();
    await finished(stream);
    await rename(temp, out);
  } catch (error) {
    stream.destroy();
    await removeTemp();
    throw new Error(`cannot write ${out}: ${(error as Error).message}`, { cause: error });
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

/** A progress bar on standard error, only for a person watching a large run. */
function* withProgress(records: Iterable<CustomerRecord>, count: number): Iterable<CustomerRecord> {
  if (!process.stderr.isTTY || count < PROGRESS_FROM) return yield* records;
  const total = count + scenarioCustomers().length;
  const bar = new cliProgress.SingleBar({ stream: process.stderr }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  let done = 0;
  try {
    for (const record of records) {
      yield record;
      if (++done % 1000 === 0) bar.update(done);
    }
    bar.update(done);
  } finally {
    bar.stop();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // A bad template is a bad flag value: one line, exit 2, as for the other flags.
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`fixtures: ${error.message.replace(/\.$/, '')}. Run with --help for usage.\n`);
  return 2;
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`fixtures: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
