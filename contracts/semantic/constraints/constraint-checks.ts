import { listOperations, specValidators, type Operation } from '../../../spec/index.ts';
import type { HttpResponse } from '../../http/http-client.ts';
import { CheckFailure } from '../../runner/results.ts';
import { needClient, needOwn, needUser, needWrites, type Target } from '../../runner/target.ts';
import { updateBodyOf } from '../../runner/update-body.ts';
import type { SemanticCheck } from '../check.ts';
import { expectResponse, expectThat } from '../expect.ts';
import { restore } from '../restore.ts';
import { applyViolation } from './apply-violation.ts';
import { pathText, violationsOf, type Violation } from './violations.ts';

/**
 * the API's rules, contracts/README.md: every request is validated against the spec before any logic runs; a
 * failure is 400 with an `errorMessage` naming the field. One check per rule of every request
 * body, derived from the spec (violations.ts), each sent in an otherwise valid body.
 */
interface BodyOperation {
  operationId: string;
  token: (t: Target) => string;
  /** A valid body the violation goes into. */
  base: (t: Target) => Record<string, unknown>;
  /** A wrongly accepted body changes the customer: writes only, and restored. */
  writes: boolean;
}

const BODY_OPERATIONS: BodyOperation[] = [
  { operationId: 'searchCustomers', token: needClient, base: () => ({ phoneNumber: '+4799000999' }), writes: false },
  { operationId: 'checkCredentialCustomers', token: needClient, base: () => ({ credentials: ['nobody@kontrakt.example.invalid'] }), writes: false },
  { operationId: 'updateCustomerInfo', token: needUser, base: (t) => updateBodyOf(needOwn(t)) as Record<string, unknown>, writes: true },
];

function checkOf(op: Operation, body: BodyOperation, violation: Violation): SemanticCheck {
  return {
    group: `constraints.${op.operationId}`,
    name: `answers 400 naming ${violation.field} given ${pathText(violation.path)}: ${violation.rule}`,
    covers: [`${op.operationId} 400`],
    run: async (t) => {
      if (body.writes) needWrites(t);
      const json = applyViolation(body.base(t), violation);
      const res = await t.http.request({ method: op.method.toUpperCase(), path: op.path, bearer: body.token(t), json });
      if (body.writes && res.status < 300) await restoreAfterAccepted(t, res);
      expectFieldError(res, op.operationId, violation.field);
    },
  };
}

/** The wrongly accepted update is undone before the check fails on it. */
async function restoreAfterAccepted(t: Target, res: HttpResponse): Promise<void> {
  const failed = await restore(t, needOwn(t));
  if (failed) throw new CheckFailure(`the invalid update was accepted (${res.status}), and ${failed.message}`, res.exchange);
}

export function expectFieldError(res: HttpResponse, operationId: string, field: string): void {
  expectResponse(res, operationId, 400);
  const message = (res.json as { errorMessage?: unknown }).errorMessage;
  expectThat(typeof message === 'string' && message.includes(field), `the 400 errorMessage does not name the field "${field}": ${JSON.stringify(message)}`, res);
}

export const CONSTRAINT_CHECKS: SemanticCheck[] = listOperations(specValidators().doc).flatMap((op) => {
  const body = BODY_OPERATIONS.find((b) => b.operationId === op.operationId);
  if (!body || !op.requestBody) return [];
  return violationsOf(specValidators().doc, op.requestBody.schema).map((violation) => checkOf(op, body, violation));
});
