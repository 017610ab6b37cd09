/**
 * The handler of each operation of the spec, by `operationId` (docs/decisions/006). Handlers see
 * validated input and the caller's grant, call the core, and return the 200 body (a value, or
 * `JsonText` when the core answers with JSON text already); errors are
 * thrown as `ApiError`s. No Express here, so a handler reads as the rule it implements.
 */
import { checkCredentials } from '../core/credentials.ts';
import type { CustomerStore } from '../core/customer-store.ts';
import { errors } from '../core/errors.ts';
import { searchCustomersText } from '../core/search.ts';
import type { CustomerRecord, CustomerUpdate, SearchRequest } from '../../spec/index.ts';
import { replacementName } from '../core/update.ts';
import type { Commit } from '../state/ops.ts';
import { INFO_VIEW } from '../core/record-views.ts';
import { JsonText } from './send-json.ts';
import { toProfile } from '../core/profile-view.ts';
import type { MockConfig } from '../config.ts';
import type { TokenGrant } from './oauth/token-store.ts';

export interface HandlerInput {
  /** Path parameters, coerced to their spec types. */
  params: Record<string, unknown>;
  /** The JSON body, valid against the spec; `null` when the request had none. */
  body: unknown;
  grant: TokenGrant;
}

export interface HandlerContext {
  store: CustomerStore;
  config: MockConfig;
  /** Where a handler's change goes (mock/state/ops.ts); it reads `store` directly. */
  commit: Commit;
}

export type Handler = (input: HandlerInput, context: HandlerContext) => unknown;

export const handlers: Record<string, Handler> = {
  getCustomerInfo: ({ grant }, { store }) => new JsonText(store.viewText(customerNumberOfUser(store, grant), INFO_VIEW)!),

  // Not in the reference: what public login libraries read after login (spec: getCustomerProfile).
  getCustomerProfile: ({ grant }, { store }) => toProfile(customerOfUser(store, grant), grant.uniqueId ?? '', grant.credential),

  updateCustomerInfo: ({ grant, body }, { store, commit }) => {
    const update = body as CustomerUpdate | null;
    // A name the rules refuse is a 400 before anything is committed.
    replacementName(update?.name);
    const done = commit({ kind: 'update', uniqueId: userWithCustomer(store, grant), body: update });
    return done instanceof Promise ? done.then(() => UPDATED) : UPDATED;
  },

  searchCustomers: ({ body }, { store, config }) =>
    new JsonText(searchCustomersText(store, body as SearchRequest, { overflow: config.searchOverflow })),

  checkCredentialCustomers: ({ body }, { store }) => ({
    customers: checkCredentials(store, (body as { credentials: string[] }).credentials),
  }),

  getClientCustomerInfo: ({ params }, { store }) => {
    const customerNumber = params.customerNumber as number;
    const text = store.viewText(customerNumber, INFO_VIEW);
    if (text === undefined) throw errors.customerNotFound(customerNumber);
    return new JsonText(text);
  },
};

const UPDATED = Object.freeze({ success: true });

/**
 * User mode (docs/reference.md §3): the customer whose attached users hold the token's user, as
 * the store's shared record (read at once, never changed: an update builds a new one from it).
 */
function customerOfUser(store: CustomerStore, grant: TokenGrant): Readonly<CustomerRecord> {
  return store.peek(customerNumberOfUser(store, grant))!;
}

/** The token's user, when a customer has it attached (else the 403 of user mode). */
function userWithCustomer(store: CustomerStore, grant: TokenGrant): string {
  customerNumberOfUser(store, grant);
  return grant.uniqueId ?? '';
}

function customerNumberOfUser(store: CustomerStore, grant: TokenGrant): number {
  const uniqueId = grant.uniqueId ?? '';
  const customerNumber = store.customerNumberOfUser(uniqueId);
  if (customerNumber === undefined) throw errors.userHasNoCustomer(uniqueId);
  return customerNumber;
}
