/**
 * `npm run validate -- --operation OPERATION_ID [--status CODE] [--request] FILE`: checks a saved
 * JSON body against the spec (a response of CODE, default 200, or with --request the request body),
 * or every exchange of a `.har` file against the operation its method and path match.
 * Prints each violation with its JSON path. Exit 0: conforms; 1: violations; 2: bad usage.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { validateHar } from '../contracts/validate/validate-har.ts';
import { validatePayload } from '../contracts/validate/validate-payload.ts';

const USAGE = `Usage: npm run validate -- --operation OPERATION_ID [--status CODE] [--request] FILE
       npm run validate -- [--operation OPERATION_ID] FILE.har

  --operation ID   the spec's operationId (getCustomerInfo, updateCustomerInfo, searchCustomers,
                   checkCredentialCustomers, getClientCustomerInfo); for a .har file, only its exchanges
  --status CODE    the response status whose schema applies (default 200)
  --request        check FILE as the operation's request body instead
Exit code: 0 conforms, 1 violations, 2 bad usage.`;

function main(): number {
  let values: { operation?: string; status?: string; request?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      options: { operation: { type: 'string' }, status: { type: 'string' }, request: { type: 'boolean' }, help: { type: 'boolean' } },
      allowPositionals: true,
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) return console.log(USAGE), 0;
  const [file, ...extra] = positionals;
  if (!file || extra.length) return usage('give exactly one FILE');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return usage(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return file.endsWith('.har') ? checkHar(text, values.operation) : checkJson(text, values);
  } catch (error) {
    return usage((error as Error).message);
  }
}

function checkJson(text: string, values: { operation?: string; status?: string; request?: boolean }): number {
  if (!values.operation) return usage('--operation is required for a JSON file');
  if (values.status !== undefined && !/^\d{3}$/.test(values.status)) return usage(`--status must be a status code, not "${values.status}"`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    console.log(`$: is not JSON (${(error as Error).message})`);
    return 1;
  }
  const target = values.request ? 'request' : Number(values.status ?? 200);
  const violations = validatePayload(values.operation, target, body);
  for (const v of violations) console.log(`${v.path}: ${v.message}`);
  console.log(violations.length ? `${violations.length} violation(s)` : `conforms to ${values.operation} ${target}`);
  return violations.length ? 1 : 0;
}

function checkHar(text: string, operation: string | undefined): number {
  const results = validateHar(JSON.parse(text), operation);
  let count = 0;
  for (const result of results) {
    console.log(`${result.label}: ${result.skipped ? `not checked, ${result.skipped}` : result.violations.length ? 'VIOLATIONS' : 'conforms'}`);
    for (const v of result.violations) console.log(`  ${v.path}: ${v.message}`);
    count += result.violations.length;
  }
  console.log(`${results.length} exchange(s), ${count} violation(s)`);
  return count ? 1 : 0;
}

function usage(message: string): number {
  console.error(`validate: ${message}\n\n${USAGE}`);
  return 2;
}

process.exitCode = main();
