import type { CredentialCheckResult, CustomerInfo } from '../../spec/index.ts';
import type { HttpResponse } from '../http/http-client.ts';
import { needClient, type Target } from '../runner/target.ts';
import { expectThat } from './expect.ts';
import { fold } from './search-answers.ts';

/** Emails compare case-insensitively, phones as E.164 (both trimmed), as the API matches them. */
const credentialKey = (value: unknown): string => fold(value);

/**
 * A 200 of the credential check must answer the input: every entry is one of the credentials
 * sent, in input order, and its customer really holds it (read back in client mode: an attached
 * user with that `uniqueId` holding that credential).
 */
export async function expectEntriesAnswerTheInput(target: Target, res: HttpResponse, input: unknown[], entries: CredentialCheckResult[]): Promise<void> {
  const keys = input.map(credentialKey);
  let last = -1;
  for (const entry of entries) {
    const at = keys.indexOf(credentialKey(entry.credential), last === -1 ? 0 : last);
    expectThat(at !== -1, `the entry ${entry.credential} (customer ${entry.customerNumber}) is not one of the credentials sent, or out of input order`, res);
    last = at;
  }
  const holders = new Map<number, CustomerInfo | undefined>();
  for (const entry of entries) {
    if (!holders.has(entry.customerNumber)) holders.set(entry.customerNumber, await readCustomer(target, entry.customerNumber));
    const holder = holders.get(entry.customerNumber);
    const user = holder?.attachedUsers?.find((u) => u.uniqueId === entry.uniqueId);
    const holds = user?.credentials?.some((c) => credentialKey(c.credential) === credentialKey(entry.credential));
    expectThat(Boolean(holds), `customer ${entry.customerNumber} has no user ${entry.uniqueId} holding ${entry.credential}`, res);
  }
}

async function readCustomer(target: Target, customerNumber: number): Promise<CustomerInfo | undefined> {
  const res = await target.http.request({ method: 'GET', path: `/v1/client/customer/info/${customerNumber}`, bearer: needClient(target) });
  return res.status === 200 ? (res.json as CustomerInfo) : undefined;
}
