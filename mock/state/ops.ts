/**
 * Every change of the mock's state, as data: the one vocabulary of the state seam
 * (docs/decisions/037). A handler or route does not change a store, a token store or the session
 * registry itself; it hands a `StateOp` to its context's `commit`, and the side chosen at start
 * applies it: in memory at once, or in Redis by appending it to the change log that every process
 * applies in the same order. Ops carry what their effect depends on (token names, records), so
 * applying one log gives every process the same state.
 */
import type { CustomerRecord, CustomerUpdate } from '../../spec/index.ts';
import type { IssuedCode, TokenGrant, TokenResponse } from '../http/oauth/token-store.ts';

/** What a reset or a new session starts from, once its records were checked. */
export type DataSource =
  | { kind: 'defaults' }
  | { kind: 'generate'; seed: number; count: number }
  | { kind: 'customers'; customers: CustomerRecord[] };

export type StateOp =
  | { kind: 'upsert'; records: CustomerRecord[] }
  /**
   * `POST /v1/customer/info` of a user: the replace-all update of the customer the user is attached
   * to when the op is applied, so that an update never writes back fields another write changed.
   */
  | { kind: 'update'; uniqueId: string; body: CustomerUpdate | null }
  | { kind: 'delete'; customerNumber: number }
  | { kind: 'reset'; data: DataSource }
  | { kind: 'issue'; grant: TokenGrant; access: string; refresh: string | undefined }
  | { kind: 'code'; code: IssuedCode; value: string; family: string }
  | { kind: 'takeCode'; code: string }
  /** Takes a refresh token for `clientId` and retires it (rotation); the new pair is an `issue`. */
  | { kind: 'takeRefresh'; token: string; clientId: string }
  | { kind: 'sessionCreate'; id: string | undefined; data: DataSource }
  | { kind: 'sessionEnd'; id: string };

/** What applying each kind of op answers. */
export interface OpResults {
  upsert: void;
  update: void;
  delete: boolean;
  reset: number;
  issue: TokenResponse;
  code: string;
  takeCode: IssuedCode | undefined;
  takeRefresh: TokenGrant | 'other-client' | undefined;
  sessionCreate: string;
  sessionEnd: boolean;
}

export type OpResult<O extends StateOp> = OpResults[O['kind']];

/**
 * Applies an op to one context's state. In memory the answer comes at once (no promise on the hot
 * path); in Redis once the op is in the log and applied here.
 */
export type Commit = <O extends StateOp>(op: O) => OpResult<O> | Promise<OpResult<O>>;

/** `then` for a value that is a promise only on some sides: the in-memory side stays synchronous. */
export function after<T, R>(value: T | Promise<T>, next: (value: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}
