/**
 * `npm run contract -- --base-url URL …`: the contract suites against any server (contracts/README.md).
 * Exit 0 when every check passed, 1 when one failed (or too many were skipped), 2 for bad flags or a
 * target that cannot be reached (junit.xml then holds one failed case saying why).
 */
import { HELP, parseContractOptions, UsageError } from '../contracts/runner/options.ts';
import { runContract } from '../contracts/runner/run-contract.ts';

async function main(): Promise<number> {
  let options;
  try {
    options = parseContractOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`contract: ${error.message}\nRun with --help for the options.`);
    return 2;
  }
  if (options === 'help') {
    console.log(HELP);
    return 0;
  }
  try {
    return (await runContract(options)).exitCode;
  } catch (error) {
    console.error(`contract: the run could not complete: ${(error as Error).message}`);
    return 2;
  }
}

process.exitCode = await main();
