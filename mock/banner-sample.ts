/**
 * The customer the start-up banner's examples use: the reference's sample customer when the data
 * holds it (the generated data always does), else the first customer with a user who logs in with
 * an e-mail, else the first customer, so that the printed `curl` lines work as pasted whatever
 * `--fixtures` or `--state-file` loaded.
 */
import type { CustomerStore } from './core/customer-store.ts';
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_EMAIL } from '../fixtures/scenario-sample.ts';

export interface BannerSample {
  customerNumber: number;
  /** A credential of one of its users, for the user-token lines; undefined when it has none. */
  credential: string | undefined;
}

/** How far the banner looks for a customer with an e-mail login before it takes the first. */
const LOOK_AHEAD = 100;

export function bannerSample(store: CustomerStore): BannerSample | undefined {
  if (store.get(SAMPLE_CUSTOMER_NUMBER)) return { customerNumber: SAMPLE_CUSTOMER_NUMBER, credential: SAMPLE_EMAIL };
  const first = store.list(0, LOOK_AHEAD);
  for (const record of first) {
    const credential = record.attachedUsers.flatMap((user) => user.credentials).find((c) => c.credential.includes('@'))?.credential;
    if (credential !== undefined) return { customerNumber: record.customerNumber, credential };
  }
  return first[0] && { customerNumber: first[0].customerNumber, credential: undefined };
}
