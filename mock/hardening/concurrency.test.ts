/**
 * Concurrency (issue 6): 200 concurrent replace-all updates with distinct bodies at one customer.
 * The final state equals exactly one of them, with no field from another, and search by every
 * email sent finds the customer for the final body's emails only (the indexes agree with the
 * record). Run in memory and with a state file, whose restart must show the same final state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Name, PhoneNumber } from '../../spec/index.ts';
import { callOperation, clientToken, userToken } from '../testing/test-support.ts';
import { type RunningMock, startMock } from '../server.ts';

const CUSTOMER = 563457;
const UPDATES = 200;
const directory = mkdtempSync(join(tmpdir(), 'concurrency-'));

afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** The four fields an update replaces (docs/reference.md §3). */
interface Replaced {
  name: Name;
  phoneNumbers: PhoneNumber[];
  emails: string[];
  invoiceEmailAddress: string;
}

/** Body `i`: every field distinct from every other body's, so a mixed state cannot look whole. */
function body(i: number): Replaced {
  return {
    name: { firstName: `First${i}`, middleName: `Middle${i}`, lastName: `Last${i}`, companyName: `Company ${i}`, departmentName: `Dept ${i}` },
    phoneNumbers: [{ phoneNumber: `+4741${String(i).padStart(6, '0')}`, phoneNumberType: 'mobile' }],
    emails: [`update${i}.a@concurrency.example`, `update${i}.b@concurrency.example`],
    invoiceEmailAddress: `invoice${i}@concurrency.example`,
  };
}

const BODIES = Array.from({ length: UPDATES }, (_, i) => body(i));

/** The fields an update replaces, as read back in client mode. */
function replaced(info: Replaced): Replaced {
  const { name, phoneNumbers, emails, invoiceEmailAddress } = info;
  return { name, phoneNumbers, emails, invoiceEmailAddress };
}

async function inBatches<T>(items: readonly T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(each));
}

async function expectOneWinner(mock: RunningMock): Promise<number> {
  const token = await clientToken(mock.url);
  const info = await callOperation(mock.url, 'getClientCustomerInfo', { token, params: { customerNumber: CUSTOMER } });
  const winners = BODIES.flatMap((sent, i) => (JSON.stringify(replaced(info.body)) === JSON.stringify(sent) ? [i] : []));
  expect(winners, `final state ${JSON.stringify(replaced(info.body))}`).toHaveLength(1);
  const winner = winners[0]!;
  await inBatches(BODIES.map((sent, i) => [sent, i] as const), 25, async ([sent, i]) => {
    for (const email of sent.emails) {
      const found = await callOperation(mock.url, 'searchCustomers', { token, body: { email } });
      expect(found.status).toBe(200);
      expect(found.body.customers.map((customer: { customerNumber: number }) => customer.customerNumber), email).toEqual(i === winner ? [CUSTOMER] : []);
    }
  });
  const byPhone = await callOperation(mock.url, 'searchCustomers', { token, body: { phoneNumber: BODIES[winner]!.phoneNumbers[0]!.phoneNumber } });
  expect(byPhone.body.customers.map((customer: { customerNumber: number }) => customer.customerNumber)).toEqual([CUSTOMER]);
  return winner;
}

async function fireUpdates(mock: RunningMock): Promise<void> {
  const token = await userToken(mock.url);
  const results = await Promise.all(BODIES.map((sent) => callOperation(mock.url, 'updateCustomerInfo', { token, body: sent })));
  expect(results.map((result) => result.status)).toEqual(BODIES.map(() => 200));
}

it('ends in exactly one of 200 concurrent updates, with consistent indexes, in memory', async () => {
  const mock = await startMock({ rateLimit: false, count: 20 });
  try {
    await fireUpdates(mock);
    await expectOneWinner(mock);
  } finally {
    await mock.close();
  }
});

it('ends in exactly one of 200 concurrent updates with --state-file, and a restart shows the same one', async () => {
  const stateFile = join(directory, 'state.jsonl');
  const first = await startMock({ rateLimit: false, count: 20, stateFile });
  let winner: number;
  try {
    await fireUpdates(first);
    winner = await expectOneWinner(first);
  } finally {
    await first.close();
  }
  const second = await startMock({ rateLimit: false, count: 0, stateFile });
  try {
    expect(await expectOneWinner(second)).toBe(winner);
  } finally {
    await second.close();
  }
});
