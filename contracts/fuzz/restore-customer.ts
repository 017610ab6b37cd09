/**
 * Valid updates overwrite the user's customer (update replaces all, contracts/README.md), so a run that
 * sends them reads the customer first and writes the same data back at the end.
 */
import type { CustomerInfo } from '../../spec/index.ts';
import type { Credentials } from './fuzz-case.ts';
import type { HttpClient } from '../http/http-client.ts';

const INFO_PATH = '/v1/customer/info';

export async function snapshotCustomer(client: HttpClient, credentials: Credentials): Promise<CustomerInfo | undefined> {
  if (!credentials.user) return undefined;
  try {
    const headers = { authorization: `Bearer ${credentials.user}`, accept: 'application/json' };
    const response = await client.send({ method: 'GET', path: INFO_PATH, headers });
    return response.status === 200 ? (JSON.parse(response.body) as CustomerInfo) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the snapshot's updatable fields back; says in words how it went, for the report. */
export async function restoreCustomer(client: HttpClient, credentials: Credentials, snapshot: CustomerInfo): Promise<string> {
  const { name, phoneNumbers, emails, invoiceEmailAddress } = snapshot;
  const body = JSON.stringify({ name, phoneNumbers, emails, invoiceEmailAddress });
  try {
    const response = await client.send({
      method: 'POST', path: INFO_PATH, body,
      headers: { authorization: `Bearer ${credentials.user ?? ''}`, accept: 'application/json', 'content-type': 'application/json' },
    });
    return response.status === 200
      ? `restored customer ${snapshot.customerNumber} to its data before the run`
      : `could not restore customer ${snapshot.customerNumber}: ${response.status} ${response.body.slice(0, 120)}`;
  } catch (error) {
    return `could not restore customer ${snapshot.customerNumber}: ${(error as Error).message}`;
  }
}
