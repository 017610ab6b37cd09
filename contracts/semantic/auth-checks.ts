import { listOperations, specValidators, type Operation } from '../../spec/index.ts';
import { BAD_BEARER, needReferenceOperation } from '../dredd/plan.ts';
import type { HttpResponse } from '../http/http-client.ts';
import { needClient, needUser, type Target } from '../runner/target.ts';
import type { SemanticCheck } from './check.ts';
import { expectResponse, expectThat } from './expect.ts';

/** A request to the operation that would succeed with the right token: the spec's own example. */
function send(target: Target, op: Operation, bearer: string | undefined): Promise<HttpResponse> {
  needReferenceOperation(target, op.operationId);
  const number = target.own?.customerNumber ?? 563457;
  return target.http.request({
    method: op.method.toUpperCase(),
    path: op.path.replace('{customerNumber}', String(number)),
    ...(bearer === undefined ? {} : { bearer }),
    ...(op.requestBody?.example !== undefined ? { json: op.requestBody.example } : {}),
  });
}

/**
 * RFC 6750 §3: a refused bearer comes with a `WWW-Authenticate: Bearer …` challenge; where the
 * request held a token, the challenge names the error (§3.1: `error="invalid_token"`,
 * `error="insufficient_scope"`), as the body does.
 */
function expectChallenge(res: HttpResponse, code?: string): void {
  const challenge = res.headers['www-authenticate'] ?? '';
  expectThat(/^Bearer\b/i.test(challenge), 'no WWW-Authenticate: Bearer challenge (RFC 6750 §3)', res);
  if (!code) return;
  expectThat((res.json as { error?: string }).error === code, `expected the OAuth error "${code}"`, res);
  expectThat(new RegExp(`\\berror="?${code}"?`).test(challenge), `the challenge ${JSON.stringify(challenge)} does not name error="${code}" (RFC 6750 §3.1)`, res);
}

function checksFor(op: Operation): SemanticCheck[] {
  const group = `auth.${op.operationId}`;
  const wrongKind = op.tokenKind === 'user' ? 'client' : 'user';
  return [
    { group, name: 'answers 401 without a bearer', run: async (t) => {
      const res = await send(t, op, undefined);
      expectResponse(res, op.operationId, 401);
      expectChallenge(res);
    } },
    { group, name: 'answers 401 with an unknown bearer', run: async (t) => {
      const res = await send(t, op, BAD_BEARER);
      expectResponse(res, op.operationId, 401);
      expectChallenge(res, 'invalid_token');
    } },
    { group, name: `answers 403 insufficient_scope to a ${wrongKind} token`, run: async (t) => {
      const res = await send(t, op, op.tokenKind === 'user' ? needClient(t) : needUser(t));
      expectResponse(res, op.operationId, 403);
      expectChallenge(res, 'insufficient_scope');
    } },
  ];
}

export const AUTH_CHECKS: SemanticCheck[] = listOperations(specValidators().doc).flatMap(checksFor);
