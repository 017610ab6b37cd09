/**
 * Every form a request may legitimately take (docs/contract-rules.md): a JSON body whose
 * `Content-Type` carries parameters or another case (RFC 9110 §8.3.1: media types are
 * case-insensitive, parameters allowed), for every operation of the spec with a body; and each way
 * docs/reference.md §4 lets a client authenticate at the token endpoint (HTTP Basic, RFC 6749
 * §2.3.1; `client_id`/`client_secret` in the form body, the query string, or both).
 */
import { listOperations, specValidators, type Operation } from '../../../spec/index.ts';
import type { HttpResponse } from '../../http/http-client.ts';
import { accessToken, authorizeCode, CONTRACT_REDIRECT_URI } from '../../oauth/tokens.ts';
import { CheckFailure, CheckSkip } from '../../runner/results.ts';
import { CONTRACT_USER_EMAIL } from '../../runner/seed-customers.ts';
import { needClient, needOwn, needUser, needWrites, type Target } from '../../runner/target.ts';
import { updateBodyOf } from '../../runner/update-body.ts';
import type { SemanticCheck } from '../check.ts';
import { expectResponse, expectThat } from '../expect.ts';
import { withRestore } from '../restore.ts';

export const JSON_CONTENT_TYPES = ['application/json; charset=utf-8', 'application/json;charset=UTF-8', 'Application/JSON'];

/** A body each operation must answer 200, from the run's own data; the update writes the own data back. */
const VALID_BODIES: Record<string, (t: Target) => unknown> = {
  searchCustomers: (t) => ({ phoneNumber: phoneOf(t) }),
  checkCredentialCustomers: (t) => ({ credentials: [needOwn(t).attachedUsers?.[0]?.credentials[0]?.credential ?? CONTRACT_USER_EMAIL] }),
  updateCustomerInfo: (t) => updateBodyOf(needOwn(t)),
};

function phoneOf(t: Target): string {
  const phone = needOwn(t).phoneNumbers?.[0]?.phoneNumber;
  if (!phone) throw new CheckSkip('the own customer has no phone number to search with');
  return phone;
}

const WITH_BODY = listOperations(specValidators().doc).filter((op) => op.requestBody);

function contentTypeCheck(op: Operation, contentType: string): SemanticCheck {
  return {
    group: 'request-forms',
    name: `${op.operationId} accepts Content-Type: ${contentType}`,
    covers: [`${op.operationId} 200`],
    run: async (t) => {
      const body = VALID_BODIES[op.operationId];
      if (!body) throw new CheckFailure(`no valid body of ${op.operationId} is known to the suite (semantic/rules/request-form-checks.ts): the check cannot run`);
      const send = async () => {
        const res = await t.http.request({
          method: op.method.toUpperCase(), path: op.path, bearer: op.tokenKind === 'user' ? needUser(t) : needClient(t),
          rawBody: JSON.stringify(body(t)), headers: { 'content-type': contentType },
        });
        expectResponse(res, op.operationId, 200);
      };
      if (op.operationId !== 'updateCustomerInfo') return send();
      needWrites(t);
      await withRestore(t, send);
    },
  };
}

/** One way of sending the client's credentials; `tokenUrl` may gain a query string. */
interface ClientAuthForm {
  name: string;
  build(tokenUrl: string, id: string, secret: string, form: URLSearchParams): { url: string; headers: Record<string, string>; body: string };
}

const FORM = 'application/x-www-form-urlencoded';
const withQuery = (url: string, id: string, secret: string) => {
  const u = new URL(url);
  u.searchParams.set('client_id', id);
  u.searchParams.set('client_secret', secret);
  return u.toString();
};
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
const inForm = (form: URLSearchParams, id: string, secret: string) => {
  const copy = new URLSearchParams(form);
  copy.set('client_id', id);
  copy.set('client_secret', secret);
  return copy.toString();
};

export const CLIENT_AUTH_FORMS: ClientAuthForm[] = [
  { name: 'HTTP Basic', build: (url, id, secret, form) => ({ url, headers: { 'content-type': FORM, authorization: basic(id, secret) }, body: form.toString() }) },
  { name: 'client_id and client_secret in the form body', build: (url, id, secret, form) => ({ url, headers: { 'content-type': FORM }, body: inForm(form, id, secret) }) },
  { name: 'client_id and client_secret in the query string', build: (url, id, secret, form) => ({ url: withQuery(url, id, secret), headers: { 'content-type': FORM }, body: form.toString() }) },
  { name: 'client_id and client_secret in both the query string and the form body', build: (url, id, secret, form) => ({ url: withQuery(url, id, secret), headers: { 'content-type': FORM }, body: inForm(form, id, secret) }) },
  { name: 'a form Content-Type with a charset parameter', build: (url, id, secret, form) => ({ url, headers: { 'content-type': `${FORM}; charset=UTF-8` }, body: inForm(form, id, secret) }) },
];

async function tokenBy(t: Target, auth: ClientAuthForm, form: Record<string, string>): Promise<HttpResponse> {
  if (t.options.clientToken) throw new CheckSkip('the run was given --client-token, not a client secret');
  const { url, headers, body } = auth.build(t.tokenUrl, t.options.clientId, t.options.clientSecret, new URLSearchParams(form));
  return t.http.request({ method: 'POST', path: url, headers, rawBody: body, retryOn429: true });
}

function expectToken(res: HttpResponse, how: string): string {
  const token = accessToken(res.json);
  expectThat(res.status === 200 && token !== undefined, `the token endpoint refused ${how}: ${res.status} ${res.text.slice(0, 200)}`, res);
  return token!;
}

const CLIENT_AUTH_CHECKS: SemanticCheck[] = CLIENT_AUTH_FORMS.map((auth) => ({
  group: 'request-forms',
  name: `the token endpoint takes the client credentials grant with ${auth.name}`,
  run: async (t) => {
    const token = expectToken(await tokenBy(t, auth, { grant_type: 'client_credentials' }), auth.name);
    // The token it issued is a working client token.
    const res = await t.http.request({ method: 'POST', path: '/v1/client/customer/search', bearer: token, json: { phoneNumber: '+999999999999' } });
    expectResponse(res, 'searchCustomers', 200);
  },
}));

const CODE_BY_BASIC: SemanticCheck = {
  group: 'request-forms',
  name: 'the token endpoint takes an authorization code exchange with HTTP Basic',
  run: async (t) => {
    const hint = t.options.userLoginHint ?? (t.adminUrl ? CONTRACT_USER_EMAIL : undefined);
    if (!hint) throw new CheckSkip('a fresh authorization code needs a login: give --user-login-hint', '--user-login-hint');
    const login = await authorizeCode(t.http, t.tokenUrl, { clientId: t.options.clientId, loginHint: hint });
    if ('problem' in login) throw new CheckFailure(login.problem);
    const token = expectToken(await tokenBy(t, CLIENT_AUTH_FORMS[0]!, { grant_type: 'authorization_code', code: login.code, redirect_uri: CONTRACT_REDIRECT_URI }), 'a code exchange with HTTP Basic');
    expectResponse(await t.http.request({ method: 'GET', path: '/v1/customer/info', bearer: token }), 'getCustomerInfo', 200);
  },
};

export const REQUEST_FORM_CHECKS: SemanticCheck[] = [
  ...WITH_BODY.flatMap((op) => JSON_CONTENT_TYPES.map((type) => contentTypeCheck(op, type))),
  ...CLIENT_AUTH_CHECKS,
  CODE_BY_BASIC,
];
