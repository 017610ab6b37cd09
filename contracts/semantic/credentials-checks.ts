import type { CredentialCheckResult } from '../../spec/index.ts';
import { CheckSkip } from '../runner/results.ts';
import { CONTRACT_CUSTOMER, CONTRACT_USER_EMAIL, CONTRACT_USER_PHONE, NEIGHBOUR_CUSTOMER, SECOND_USER_EMAIL } from '../runner/seed-customers.ts';
import { needClient, needMock, needOwn, type Target } from '../runner/target.ts';
import type { SemanticCheck } from './check.ts';
import { expectResponse, expectThat } from './expect.ts';
import { expectEntriesAnswerTheInput } from './credential-answers.ts';
import { swapCase } from './search-facts.ts';

const OPERATION = 'checkCredentialCustomers';
const unknown = (i: number) => `nobody-${i}@kontrakt.example.invalid`;

interface OwnCredential {
  credential: string;
  uniqueId: string;
}

function ownCredentials(target: Target): OwnCredential[] {
  const own = needOwn(target);
  const list = (own.attachedUsers ?? []).flatMap((u) => u.credentials.map((c) => ({ credential: c.credential, uniqueId: u.uniqueId })));
  if (!list.length) throw new CheckSkip('the own customer has no attached user with credentials');
  return list;
}

async function check(target: Target, credentials: unknown[], status = 200) {
  const res = await target.http.request({
    method: 'POST', path: '/v1/client/credential/customers/check', bearer: needClient(target), json: { credentials },
  });
  expectResponse(res, OPERATION, status);
  const customers = (res.json as { customers?: CredentialCheckResult[] }).customers ?? [];
  if (status === 200) await expectEntriesAnswerTheInput(target, res, credentials, customers);
  return { res, customers };
}

const row = (name: string, run: (target: Target) => Promise<void>): SemanticCheck => ({ group: 'credentials', name, run });

export const CREDENTIALS_CHECKS: SemanticCheck[] = [
  row('answers each credential in input order', async (t) => {
    const input = ownCredentials(t).reverse();
    const own = needOwn(t).customerNumber;
    const { res, customers } = await check(t, input.map((c) => c.credential));
    const got = customers.map((c) => `${c.credential}:${c.customerNumber}:${c.uniqueId}`);
    const want = input.map((c) => `${c.credential}:${own}:${c.uniqueId}`);
    expectThat(JSON.stringify(got) === JSON.stringify(want), `expected [${want.join(', ')}], got [${got.join(', ')}]`, res);
  }),
  row('matches email credentials case-insensitively', async (t) => {
    const email = ownCredentials(t).find((c) => c.credential.includes('@'));
    if (!email) throw new CheckSkip('the own user has no email credential');
    const { res, customers } = await check(t, [swapCase(email.credential)]);
    expectThat(customers.length === 1 && customers[0]?.customerNumber === needOwn(t).customerNumber, 'an email in other case found no customer', res);
  }),
  row('leaves unknown credentials out', async (t) => {
    const [first] = ownCredentials(t);
    const { res, customers } = await check(t, [unknown(1), first?.credential, unknown(2)]);
    expectThat(customers.length === 1 && customers[0]?.credential === first?.credential, `expected only ${first?.credential}, got ${customers.length} results`, res);
  }),
  row('does not match a prefix of a credential', async (t) => {
    const own = needOwn(t).customerNumber;
    for (const { credential } of ownCredentials(t)) {
      const prefix = credential.slice(0, -1);
      const { res, customers } = await check(t, [prefix]);
      expectThat(!customers.some((c) => c.customerNumber === own), `the prefix "${prefix}" of the credential ${credential} found the customer`, res);
    }
  }),
  row('finds the customer by every credential of its users, not only the first', async (t) => {
    const own = needOwn(t).customerNumber;
    for (const { credential } of ownCredentials(t)) {
      const { res, customers } = await check(t, [credential]);
      expectThat(customers.length === 1 && customers[0]?.customerNumber === own, `the credential ${credential} did not find customer ${own}`, res);
    }
  }),
  row('answers 200 to 100 credentials, the maximum', async (t) => {
    const [first] = ownCredentials(t);
    const { res, customers } = await check(t, [...Array.from({ length: 99 }, (_, i) => unknown(i)), first?.credential]);
    expectThat(customers.length === 1, `expected the one known credential, got ${customers.length} results`, res);
  }),
  row('answers 400 to an empty list', async (t) => void (await check(t, [], 400))),
  row('answers 400 to 101 credentials', async (t) => void (await check(t, Array.from({ length: 101 }, (_, i) => unknown(i)), 400))),
  row('answers 400 to a credential of 61 characters', async (t) => void (await check(t, [`${'a'.repeat(49)}@example.no`.padStart(61, 'b')], 400))),
  row('accepts a credential of 60 characters', async (t) => void (await check(t, [`${'a'.repeat(48)}@example.no`.padStart(60, 'b')], 200))),
  row('answers 400 to a credential that is not a string', async (t) => void (await check(t, [42], 400))),
  row("answers several customers' credentials in input order", async (t) => {
    needMock(t, 'credentials of two seeded customers');
    const { res, customers } = await check(t, [SECOND_USER_EMAIL, CONTRACT_USER_PHONE, CONTRACT_USER_EMAIL]);
    const got = customers.map((c) => c.customerNumber);
    const want = [NEIGHBOUR_CUSTOMER.customerNumber, CONTRACT_CUSTOMER.customerNumber, CONTRACT_CUSTOMER.customerNumber];
    expectThat(JSON.stringify(got) === JSON.stringify(want), `expected [${want.join(', ')}], got [${got.join(', ')}]`, res);
  }),
];
