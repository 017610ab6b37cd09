import type { CustomerInfo } from '../../spec/index.ts';
import { CheckFailure } from '../runner/results.ts';
import { needOwn, needUser, type Target } from '../runner/target.ts';
import { updateBodyOf } from '../runner/update-body.ts';
import { same } from './expect.ts';

/**
 * Runs a check that may change the user's customer, then writes the data read before the run
 * back, whatever the check did or threw (contracts/README.md: writes restore what they changed). A failed
 * restore fails the check, even one that passed, so nobody misses a customer left changed.
 */
export async function withRestore(target: Target, check: () => Promise<void>): Promise<void> {
  const original = needOwn(target);
  let failure: unknown;
  try {
    await check();
  } catch (error) {
    failure = error;
  }
  const restored = await restore(target, original);
  if (failure) throw failure;
  if (restored) throw restored;
}

/** Writes the original back and reads it again; returns a failure when it did not come back. */
export async function restore(target: Target, original: CustomerInfo): Promise<CheckFailure | undefined> {
  const bearer = needUser(target);
  const write = await target.http.request({ method: 'POST', path: '/v1/customer/info', bearer, json: updateBodyOf(original) });
  if (write.status !== 200) return new CheckFailure(`restoring the customer failed: ${write.status}`, write.exchange);
  const read = await target.http.request({ method: 'GET', path: '/v1/customer/info', bearer });
  if (!same(read.json, original)) return new CheckFailure('after the restore the customer differs from what the run read first', read.exchange);
  return undefined;
}
