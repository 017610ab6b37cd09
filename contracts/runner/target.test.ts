import { afterEach, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../mock/server.ts';
import { HttpClient } from '../http/http-client.ts';
import { parseContractOptions, type ContractOptions } from './options.ts';
import { CONTRACT_CUSTOMER } from './seed-customers.ts';
import { prepareTarget } from './target.ts';

let mock: RunningMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const prepare = (args: string[]) => {
  const options = parseContractOptions([...args, '--report-dir', 'unused'], {}) as ContractOptions;
  return prepareTarget(options, new HttpClient(options.baseUrl, { minIntervalMs: 0 }));
};

it('seeds a mock with a guarded admin API given its admin token, and writes there', async () => {
  mock = await startMock({ count: 5, adminToken: 'secret' });
  const target = await prepare(['--base-url', mock.url, '--admin-token', 'secret']);
  expect(target.adminUrl).toBe(`${mock.url}/__admin`);
  expect(target.own?.customerNumber).toBe(CONTRACT_CUSTOMER.customerNumber);
  expect(target.writable).toBe(true);
});

it('treats a server without the admin API as a real one and discovers the user’s customer', async () => {
  mock = await startMock({ count: 5, admin: false });
  const target = await prepare(['--base-url', mock.url, '--user-login-hint', 'ola.nordmann@hotmail.no']);
  expect(target.adminUrl).toBeUndefined();
  expect(target.writable).toBe(false);
  expect(target.own?.customerNumber).toBe(563457);
  expect(target.ownAddress?.postalCode).toBe('0179');
  expect(target.missingCustomerNumber).toBeDefined();
});

it('finds the token endpoint at the host when the base URL has a path', async () => {
  mock = await startMock({ count: 5, admin: false });
  const target = await prepare(['--base-url', `${mock.url}/capi`]);
  expect(target.clientToken).toBeDefined();
  expect(target.notes.join('\n')).toContain(`${mock.url}/user/oauth/token`);
});

it('names why it has no user token when none was given', async () => {
  mock = await startMock({ count: 5, admin: false });
  const target = await prepare(['--base-url', mock.url]);
  expect(target.userToken).toBeUndefined();
  expect(target.missing.user).toMatch(/--user-token/);
});
