/**
 * The update checked by rule (docs/contract-rules.md): everything written reads back exactly as
 * written (case, Unicode code points, list order, nulls) in BOTH read modes, user
 * (`GET /v1/customer/info`) and client (`GET /v1/client/customer/info/{n}`); and a body of JSON
 * `null` or `{}` leaves the name `"-"` and every other field `null`. Writes only where allowed,
 * each restored (semantic/restore.ts).
 */
import type { CustomerInfo } from '../../../spec/index.ts';
import type { HttpResponse } from '../../http/http-client.ts';
import { needClient, needOwn, needUser, needWrites, type Target } from '../../runner/target.ts';
import type { SemanticCheck } from '../check.ts';
import { expectResponse, expectThat, same } from '../expect.ts';
import { withRestore } from '../restore.ts';
import { readBackCases, type UpdateBody } from './update-read-back.ts';

const OWNED = ['name', 'phoneNumbers', 'emails', 'invoiceEmailAddress'] as const;

async function write(t: Target, request: { json?: unknown; rawBody?: string }): Promise<void> {
  const res = await t.http.request({ method: 'POST', path: '/v1/customer/info', bearer: needUser(t), headers: { 'content-type': 'application/json' }, ...request });
  expectResponse(res, 'updateCustomerInfo', 200);
}

/** The customer as each read mode shows it. */
async function readBoth(t: Target): Promise<Array<{ mode: string; res: HttpResponse; customer: CustomerInfo }>> {
  const user = await t.http.request({ method: 'GET', path: '/v1/customer/info', bearer: needUser(t) });
  expectResponse(user, 'getCustomerInfo', 200);
  const client = await t.http.request({ method: 'GET', path: `/v1/client/customer/info/${needOwn(t).customerNumber}`, bearer: needClient(t) });
  expectResponse(client, 'getClientCustomerInfo', 200);
  return [
    { mode: 'user mode', res: user, customer: user.json as CustomerInfo },
    { mode: 'client mode', res: client, customer: client.json as CustomerInfo },
  ];
}

function expectFields(reads: Awaited<ReturnType<typeof readBoth>>, want: UpdateBody): void {
  for (const { mode, res, customer } of reads) {
    for (const field of OWNED) {
      const got = customer[field] === undefined ? null : customer[field];
      expectThat(same(got, want[field] ?? null), `${mode}: ${field} reads back as ${JSON.stringify(got)}, written ${JSON.stringify(want[field] ?? null)}`, res);
    }
  }
}

const writing = (name: string, run: (t: Target) => Promise<void>): SemanticCheck => ({
  group: 'update.read-back',
  name,
  covers: ['updateCustomerInfo 200'],
  run: async (t) => {
    needWrites(t);
    needClient(t);
    await withRestore(t, () => run(t));
  },
});

const WHAT = { exact: 'reads back exactly as written (case, Unicode code points)', null: 'written null reads back null', order: 'reads back in the order written' } as const;

const CASE_CHECKS: SemanticCheck[] = readBackCases().map(({ path, kind, body }) =>
  writing(`${path}: ${WHAT[kind]}, in user and client mode`, async (t) => {
    await write(t, { json: body });
    expectFields(await readBoth(t), body);
  }),
);

const DASHED = { name: { firstName: null, middleName: null, lastName: '-', companyName: null, departmentName: null }, phoneNumbers: null, emails: null, invoiceEmailAddress: null };

const EMPTY_BODY_CHECKS: SemanticCheck[] = [
  { label: 'a body of JSON null', rawBody: 'null' },
  { label: 'a body of {}', rawBody: '{}' },
].map(({ label, rawBody }) =>
  writing(`${label}: the name becomes "-" and every other field null, in user and client mode`, async (t) => {
    await write(t, { rawBody });
    expectFields(await readBoth(t), DASHED);
  }),
);

export const UPDATE_READ_BACK_CHECKS: SemanticCheck[] = [...CASE_CHECKS, ...EMPTY_BODY_CHECKS];
