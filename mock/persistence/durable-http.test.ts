/**
 * `--state-file` over HTTP (docs/decisions/016): a write's 200 waits for the fdatasync that covers
 * it, reads do not wait, and a failed fdatasync is a 500, never a 200 for data that may be lost.
 * fdatasync is replaced by one that the test completes by hand.
 */
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { callOperation, clientToken, userToken } from '../testing/test-support.ts';
import { type RunningMock, startMock } from '../server.ts';

type Done = (error: NodeJS.ErrnoException | null) => void;
const held: Done[] = [];

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, fdatasync: vi.fn((_fd: number, done: Done) => void held.push(done)) };
});

const directory = mkdtempSync(join(tmpdir(), 'durable-http-'));
const stateFile = join(directory, 'state.jsonl');
let mock: RunningMock;
let tokens: { user: string; client: string };

beforeAll(async () => {
  mock = await startMock({ rateLimit: false, count: 0, stateFile });
  tokens = { user: await userToken(mock.url), client: await clientToken(mock.url) };
});

afterEach(() => {
  for (const done of held.splice(0)) done(null);
});

afterAll(async () => {
  await mock.close();
  rmSync(directory, { recursive: true, force: true });
});

async function waitForSync(): Promise<void> {
  while (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
}

it('holds the 200 of an update until fdatasync has covered its journal line', async () => {
  let answered = false;
  const update = callOperation(mock.url, 'updateCustomerInfo', { token: tokens.user, body: { emails: ['held@example.no'] } }).then((result) => {
    answered = true;
    return result;
  });
  await waitForSync();
  expect(readFileSync(stateFile, 'utf8')).toContain('held@example.no');
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(answered).toBe(false);
  held.shift()!(null);
  expect((await update).status).toBe(200);
});

it('holds the 200 of an admin insert until fdatasync returns', async () => {
  const record = { ...mock.store.get(563457)!, customerNumber: 990002, attachedUsers: [], emails: [], invoiceEmailAddress: null };
  let answered = false;
  const insert = fetch(`${mock.url}/__admin/customers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) }).then((response) => {
    answered = true;
    return response;
  });
  await waitForSync();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(answered).toBe(false);
  held.shift()!(null);
  expect((await insert).status).toBe(200);
});

it('answers reads at once while a write waits for the disk', async () => {
  const update = callOperation(mock.url, 'updateCustomerInfo', { token: tokens.user, body: { emails: ['pending@example.no'] } });
  await waitForSync();
  const read = await callOperation(mock.url, 'getClientCustomerInfo', { token: tokens.client, params: { customerNumber: 563457 } });
  expect(read.status).toBe(200);
  held.shift()!(null);
  expect((await update).status).toBe(200);
});

it('answers 500, not 200, to every write once fdatasync failed, and still serves reads', async () => {
  const update = callOperation(mock.url, 'updateCustomerInfo', { token: tokens.user, body: { emails: ['lost@example.no'] } });
  await waitForSync();
  held.shift()!(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
  const result = await update;
  expect(result.status).toBe(500);
  expect(result.body).toMatchObject({ exceptionType: 'InternalServerErrorException' });
  expect(vi.mocked(fs.fdatasync)).toHaveBeenCalled();
  const later = await callOperation(mock.url, 'updateCustomerInfo', { token: tokens.user, body: { emails: ['later@example.no'] } });
  expect(later.status).toBe(500);
  const read = await callOperation(mock.url, 'getClientCustomerInfo', { token: tokens.client, params: { customerNumber: 563457 } });
  expect(read.status).toBe(200);
});
