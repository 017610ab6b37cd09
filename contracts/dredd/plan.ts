import { listOperations, specValidators, type TokenKind } from '../../spec/index.ts';
import { CheckSkip } from '../runner/results.ts';
import { needClient, needOwn, needUser, needWrites, type Target } from '../runner/target.ts';
import { updateBodyOf } from '../runner/update-body.ts';

/** How one Dredd transaction is sent: its bearer, and what replaces the spec's example request. */
export interface SendPlan {
  /** How the status is provoked, for the report. */
  how: string;
  bearer: string;
  body?: string;
  contentType?: string;
  /** Replaces the request path (below the base URL's own path). */
  path?: string;
  prefer?: string;
}

/** A transaction is sent as planned, or skipped with the reason the status cannot be provoked. */
export type TransactionPlan = SendPlan | { skip: string; needs?: string };

export const BAD_BEARER = 'contract-invalid-token-0000';
/** Over the 1 MiB body limit (contracts/README.md), and not a valid body either, so nothing could store it. */
const OVERSIZE_BODY = `{"oversize":"${'x'.repeat(1024 * 1024 + 1024)}"}`;

/** Operations the spec marks `x-not-in-reference` (the profile): checked against the mock only. */
const BEYOND_REFERENCE = new Set(listOperations(specValidators().doc).filter((op) => op.notInReference).map((op) => op.operationId));

/** Skips a check of an operation a real server is not known to have, unless the target is the mock. */
export function needReferenceOperation(target: Target, operationId: string): void {
  if (BEYOND_REFERENCE.has(operationId) && !target.adminUrl) {
    skip(`${operationId} is this spec's addition to the API reference, not an operation a real server is known to have`);
  }
}

type Planner = (target: Target, kind: TokenKind) => SendPlan;

const right = (t: Target, kind: TokenKind) => (kind === 'user' ? needUser(t) : needClient(t));
const wrong = (t: Target, kind: TokenKind) => (kind === 'user' ? needClient(t) : needUser(t));

/** Plans that fit every operation, by status. */
const COMMON: Record<string, Planner> = {
  '401': () => ({ how: 'an unknown bearer token', bearer: BAD_BEARER }),
  '403': (t, kind) => ({ how: `a ${kind === 'user' ? 'client' : 'user'} token (the wrong kind)`, bearer: wrong(t, kind) }),
  '413': (t, kind) => ({ how: 'a body over 1 MiB', bearer: right(t, kind), body: OVERSIZE_BODY }),
  '415': (t, kind) => ({ how: 'a text/plain body', bearer: right(t, kind), body: 'not json', contentType: 'text/plain' }),
  '429': (t, kind) => viaPrefer(t, kind, 429),
  '500': (t, kind) => viaPrefer(t, kind, 500),
};

/** Per operation and status: what the spec's example request does not provoke by itself. */
const PLANS: Record<string, Record<string, Planner>> = {
  getCustomerInfo: {
    '200': (t) => ({ how: "the user's own customer", bearer: needUser(t) }),
    // No request to it is malformed (no parameters, no body): only the mock's Prefer can ask for its 400.
    '400': (t, kind) => viaPrefer(t, kind, 400),
    '404': (t) => orphan(t),
  },
  getCustomerProfile: {
    '200': (t) => ({ how: "the user's own profile", bearer: needUser(t) }),
    '404': (t) => orphan(t),
  },
  updateCustomerInfo: {
    '200': (t) => {
      needWrites(t);
      return { how: "the user's own data written back unchanged", bearer: needUser(t), body: JSON.stringify(updateBodyOf(needOwn(t))) };
    },
    // A server that wrongly accepted any of these bodies would replace the customer's data.
    '400': (t) => {
      needWrites(t);
      return { how: 'an unknown field in the body', bearer: needUser(t), body: '{"unknownField":true}' };
    },
    '404': (t) => orphan(t),
    '413': (t, kind) => {
      needWrites(t);
      return COMMON['413']!(t, kind);
    },
    '415': (t, kind) => {
      needWrites(t);
      return COMMON['415']!(t, kind);
    },
  },
  searchCustomers: {
    '200': (t) => {
      const phone = t.own?.phoneNumbers?.[0]?.phoneNumber;
      return phone
        ? { how: "a search for the own customer's phone number", bearer: needClient(t), body: JSON.stringify({ phoneNumber: phone }) }
        : { how: "the spec's example search", bearer: needClient(t) };
    },
    '400': (t) => ({ how: 'a search that fits none of the three shapes: {"firstName":"Ola"}', bearer: needClient(t), body: '{"firstName":"Ola"}' }),
  },
  checkCredentialCustomers: {
    '200': (t) => {
      const credentials = t.own?.attachedUsers?.flatMap((u) => u.credentials.map((c) => c.credential)) ?? [];
      return credentials.length
        ? { how: "the user's own credentials", bearer: needClient(t), body: JSON.stringify({ credentials }) }
        : { how: "the spec's example credentials", bearer: needClient(t) };
    },
    '400': (t) => ({ how: 'an empty credentials list (minItems 1)', bearer: needClient(t), body: '{"credentials":[]}' }),
  },
  getClientCustomerInfo: {
    '200': (t) => ({ how: "the own customer's number", bearer: needClient(t), path: `/v1/client/customer/info/${needOwn(t).customerNumber}` }),
    '400': (t) => ({ how: 'a customer number that is not an integer ("abc")', bearer: needClient(t), path: '/v1/client/customer/info/abc' }),
    '404': (t) => {
      if (!t.missingCustomerNumber) skip('found no customer number that answers 404');
      return { how: `a number no customer has (${t.missingCustomerNumber})`, bearer: needClient(t), path: `/v1/client/customer/info/${t.missingCustomerNumber}` };
    },
  },
};

/** The plan for one operation and documented status. */
export function planTransaction(target: Target, operationId: string, kind: TokenKind, status: string): TransactionPlan {
  const planner = PLANS[operationId]?.[status] ?? COMMON[status];
  if (!planner) return { skip: `the contract knows no way to provoke ${status} on ${operationId}` };
  try {
    needReferenceOperation(target, operationId);
    return planner(target, kind);
  } catch (error) {
    if (error instanceof CheckSkip) return { skip: error.reason, ...(error.needs ? { needs: error.needs } : {}) };
    throw error;
  }
}

/** The mock honours `Prefer: code=…` (contracts/README.md, Prism's convention); a real server cannot be made to fail. */
function viaPrefer(t: Target, kind: TokenKind, status: number): SendPlan {
  if (!t.adminUrl) {
    skip(status === 429
      ? 'a real server answers 429 only when flooded past its rate limit, which a contract run must not do'
      : status === 400
        ? 'GET /v1/customer/info takes no parameters and no body: no request to it is malformed, and a real server cannot be asked for its 400'
        : 'a real server cannot be made to answer 500 on request');
  }
  return { how: `Prefer: code=${status} (the mock's fault injection)`, bearer: right(t, kind), prefer: `code=${status}` };
}

/** A user whose customer is gone; only the mock's admin API can arrange one (seed, token, detach). */
function orphan(t: Target): SendPlan {
  if (!t.orphanUserToken) {
    skip(t.adminUrl ? 'the mock did not give a token for the detached user' : "a user whose customer was removed can only be arranged through the mock's /__admin API");
  }
  return { how: 'a token of a user no customer holds any more', bearer: t.orphanUserToken };
}

function skip(reason: string): never {
  throw new CheckSkip(reason);
}
