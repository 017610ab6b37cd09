/**
 * The package's programmatic entry (`import … from 'connect-customer-api-kit'`): the mock, the
 * fixture generator and the contract runner, the same code the three commands run.
 *
 * @example
 * import { startMock, generateCustomers } from 'connect-customer-api-kit';
 * const mock = await startMock({ count: 0, rateLimit: false });
 * await fetch(`${mock.url}/healthz`);
 * await mock.close();
 */
export { startMock, type RunningMock } from './mock/server.ts';
export type { MockConfig } from './mock/config.ts';
export { generateCustomers, scenarioCustomers, type GenerateOptions } from './fixtures/index.ts';
export type { CustomerRecord } from './spec/index.ts';
export { runContract, type ContractRun } from './contracts/runner/run-contract.ts';
export { parseContractOptions, type ContractOptions } from './contracts/runner/options.ts';
