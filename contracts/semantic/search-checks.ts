import type { HttpResponse } from '../http/http-client.ts';
import { CheckSkip } from '../runner/results.ts';
import { needClient, needMock, needOwn, needWrites, type Target } from '../runner/target.ts';
import { updateBodyOf } from '../runner/update-body.ts';
import type { SemanticCheck } from './check.ts';
import { customerNumbers, expectException, expectResponse, expectThat } from './expect.ts';
import { withRestore } from './restore.ts';
import { expectResultsSatisfy } from './search-answers.ts';
import { searchFacts } from './search-facts.ts';
import { SEARCH_SCENARIOS, type SearchExpectation, type SearchScenario } from './search-scenarios.ts';

const OPERATION = 'searchCustomers';

const search = (target: Target, body: Record<string, unknown>): Promise<HttpResponse> =>
  target.http.request({ method: 'POST', path: '/v1/client/customer/search', bearer: needClient(target), json: body });

/** Every search scenario as a check; each 200 answer is also checked against its query. */
const SCENARIO_CHECKS: SemanticCheck[] = SEARCH_SCENARIOS.map((scenario) => ({
  group: 'search',
  name: scenario.name,
  covers: [`${OPERATION} ${scenario.expect.status}`],
  run: (target) => runScenario(target, scenario),
}));

async function runScenario(target: Target, scenario: SearchScenario): Promise<void> {
  needClient(target);
  let { expect } = scenario;
  let body: Record<string, unknown> | undefined;
  if (scenario.seeded && !target.adminUrl) {
    const fromData = scenario.fromData?.(target.options.data);
    if (!fromData) needMock(target, `this scenario (${scenario.seeded}${scenario.fromData ? '; name it with --data FILE' : ''})`, scenario.fromData ? '--data' : undefined);
    else ({ body, expect } = fromData);
  }
  body ??= scenario.body(searchFacts(target));
  await expectSearch(target, body, expect);
}

export async function expectSearch(target: Target, body: Record<string, unknown>, expect: SearchExpectation): Promise<void> {
  const res = await search(target, body);
  expectResponse(res, OPERATION, expect.status);
  if (expect.status === 403) expectException(res, expect.exceptionType);
  if (expect.status !== 200) return;
  expectResultsSatisfy(res, body);
  const numbers = customerNumbers(res);
  if ('exactly' in expect) {
    expectThat(JSON.stringify(numbers) === JSON.stringify(expect.exactly), `expected customers [${expect.exactly.join(', ')}], got [${numbers.join(', ')}]`, res);
  } else if ('includes' in expect) {
    expectThat(numbers.includes(expect.includes), `expected customer ${expect.includes} among the results, got [${numbers.join(', ')}]`, res);
  } else {
    const own = searchFacts(target).own;
    expectThat(numbers.includes(own) === expect.includesOwn, `expected the own customer ${own} ${expect.includesOwn ? 'among' : 'not among'} the results, got [${numbers.join(', ')}]`, res);
  }
}

/**
 * Not only the first value of a list is indexed: each phone and each email finds the customer.
 * A customer with only one, where writes are allowed, is given a second for the check (restored).
 */
const SECOND_VALUE = { phoneNumber: '+4799000779', email: 'kontrakt.andre@kontrakt.example.no' } as const;

const EVERY_VALUE_CHECKS: SemanticCheck[] = (['phoneNumber', 'email'] as const).map((field) => ({
  group: 'search',
  name: `finds the customer by each of its ${field === 'email' ? 'emails' : 'phone numbers'}`,
  covers: [`${OPERATION} 200`],
  run: async (t) => {
    const own = needOwn(t);
    const valuesOf = (c: typeof own) => (field === 'email' ? (c.emails ?? []) : (c.phoneNumbers ?? []).map((p) => p.phoneNumber));
    const probe = async (values: string[]) => {
      for (const value of values) await expectSearch(t, { [field]: value }, { status: 200, includes: own.customerNumber });
    };
    if (valuesOf(own).length >= 2) return probe(valuesOf(own));
    needWrites(t);
    await withRestore(t, async () => {
      const body = updateBodyOf(own);
      const more = field === 'email'
        ? { ...body, emails: [...(body.emails ?? []), SECOND_VALUE.email] }
        : { ...body, phoneNumbers: [...(body.phoneNumbers ?? []), { phoneNumber: SECOND_VALUE.phoneNumber, phoneNumberType: 'mobile' }] };
      const res = await t.http.request({ method: 'POST', path: '/v1/customer/info', bearer: t.userToken, json: more });
      expectResponse(res, 'updateCustomerInfo', 200);
      await probe(field === 'email' ? (more.emails ?? []) : (more.phoneNumbers ?? []).map((p) => p.phoneNumber));
    });
  },
}));

const decomposes = (text: string | null | undefined) => Boolean(text) && text!.normalize('NFD') !== text;

/**
 * NFC matching needs a letter with a decomposed form in the data (the mock's contract customer is
 * a Håland). Where the own customer has none and writes are allowed, the run gives it such a last
 * name for the check, then restores it; without writes the check says so.
 */
const NFC_ON_WRITTEN_NAME: SemanticCheck = {
  group: 'search',
  name: 'matches after Unicode NFC normalisation (decomposed input)',
  covers: [`${OPERATION} 200`],
  run: async (t) => {
    const own = needOwn(t);
    const email = own.emails?.[0];
    if (!email) throw new CheckSkip('the own customer has no email to search with');
    const search = (lastName: string) => expectSearch(t, { email, lastName: lastName.normalize('NFD') }, { status: 200, includes: own.customerNumber });
    if (decomposes(own.name?.lastName)) return search(own.name!.lastName!);
    needWrites(t);
    await withRestore(t, async () => {
      const body = updateBodyOf(own);
      const lastName = 'Kontrakt-Håland';
      const res = await t.http.request({ method: 'POST', path: '/v1/customer/info', bearer: t.userToken, json: { ...body, name: { ...body.name, lastName } } });
      expectResponse(res, 'updateCustomerInfo', 200);
      await search(lastName);
    });
  },
};

export const SEARCH_CHECKS: SemanticCheck[] = [...SCENARIO_CHECKS, ...EVERY_VALUE_CHECKS, NFC_ON_WRITTEN_NAME];
