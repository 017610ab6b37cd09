import { CheckFailure } from '../runner/results.ts';
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
  covers: [`${OPERATION} 400`],
  run: async (t) => expectResponse(await get(t, value), OPERATION, 400),
});

export const CLIENT_INFO_CHECKS: SemanticCheck[] = [
  {
    group: 'client-info',
    name: 'shows the same customer as user mode',
    covers: [`${OPERATION} 200`],
    run: async (t) => {
      const own = needOwn(t);
      const res = await get(t, own.customerNumber);
      expectResponse(res, OPERATION, 200);
      expectThat(same(res.json, own), 'client mode shows other data than GET /v1/customer/info', res);
    },
  },
  {
    // A server that answers every number with one customer passes the check above.
    group: 'client-info',
    name: 'answers the customer asked for: customerNumber N for number N',
    covers: [`${OPERATION} 200`],
    run: async (t) => {
      const numbers = [needOwn(t).customerNumber, ...t.knownCustomerNumbers];
      for (const number of numbers) {
        const res = await get(t, number);
        expectResponse(res, OPERATION, 200);
        const got = (res.json as { customerNumber?: unknown }).customerNumber;
        expectThat(got === number, `asked for customer ${number}, the answer describes customer ${String(got)}`, res);
      }
    },
  },
  ...['abc', '1.5', '0', '-5'].map(badNumber),
  {
    group: 'client-info',
    name: 'answers 404 to a customer number no customer has',
    covers: [`${OPERATION} 404`],
    run: async (t) => {
      needClient(t);
      if (!t.missingCustomerNumber) throw new CheckFailure(`no customer number answered 404: ${t.missingProblem ?? 'none was tried'}`);
      const res = await get(t, t.missingCustomerNumber);
      expectResponse(res, OPERATION, 404);
    },
  },
];
