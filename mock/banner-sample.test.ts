/** The banner's example customer comes from the data loaded (issue 23: not 563457 when the file lacks it). */
import { expect, it } from 'vitest';
import { sampleCustomer } from '../fixtures/index.ts';
import { bannerSample } from './banner-sample.ts';
import { CustomerStore } from './core/customer-store.ts';

const other = (customerNumber: number, credential: string | undefined) => ({
  ...sampleCustomer(),
  customerNumber,
  attachedUsers: credential ? [{ uniqueId: `u${customerNumber}`, credentials: [{ credential, credentialType: 'A_EMAIL_ADDRESS' }] }] : [],
});

it('uses the sample customer when the data holds it', () => {
  expect(bannerSample(new CustomerStore([other(5, 'a@b.no'), sampleCustomer()]))).toEqual({ customerNumber: 563457, credential: 'ola.nordmann@hotmail.no' });
});

it('uses the first customer with an e-mail login when the sample is not loaded', () => {
  expect(bannerSample(new CustomerStore([other(9, undefined), other(12, 'kari@eksempel.no')]))).toEqual({ customerNumber: 12, credential: 'kari@eksempel.no' });
});

it('uses the first customer when none has a login, and none when the store is empty', () => {
  expect(bannerSample(new CustomerStore([other(9, undefined)]))).toEqual({ customerNumber: 9, credential: undefined });
  expect(bannerSample(new CustomerStore())).toBeUndefined();
});
