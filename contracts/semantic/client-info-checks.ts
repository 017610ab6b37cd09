import { CheckSkip } from '../runner/results.ts';
import { needClient, needOwn, type Target } from '../runner/target.ts';
import type { SemanticCheck } from './check.ts';
import { expectResponse, expectThat, same } from './expect.ts';

const OPERATION = 'getClientCustomerInfo';

function get(target: Target, number: string | number) {
  return target.http.request({ method: 'GET', path: `/v1/client/customer/info/${number}`, bearer: needClient(target) });
}

const badNumber = (value: string): SemanticCheck => ({
  group: 'client-info',
  name: `answers 400 to the customer number "${value}"`,
  run: async (t) => expectResponse(await get(t, value), OPERATION, 400),
});

export const CLIENT_INFO_CHECKS: SemanticCheck[] = [
  {
    group: 'client-info',
    name: 'shows the same customer as user mode',
    run: async (t) => {
      const own = needOwn(t);
      const res = await get(t, own.customerNumber);
      expectResponse(res, OPERATION, 200);
      expectThat(same(res.json, own), 'client mode shows other data than GET /v1/customer/info', res);
    },
  },
  ...['abc', '1.5', '0', '-5'].map(badNumber),
  {
    group: 'client-info',
    name: 'answers 404 to a customer number no customer has',
    run: async (t) => {
      if (!t.missingCustomerNumber) throw new CheckSkip('found no customer number that answers 404');
      const res = await get(t, t.missingCustomerNumber);
      expectResponse(res, OPERATION, 404);
    },
  },
];
