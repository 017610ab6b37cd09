import type { Address, CustomerInfo } from '../../spec/index.ts';
import { accessToken, clientCredentialsToken, loginUserToken, type OAuthClient, type TokenOutcome } from '../oauth/tokens.ts';
import { HttpClient, type RequestSpec, type HttpResponse } from '../http/http-client.ts';
import type { ContractOptions } from './options.ts';
import { CheckSkip } from './results.ts';
import { CONTRACT_USER_ID, NEIGHBOUR_CUSTOMER, ORPHAN_USER_ID, ORPHANING_CUSTOMER, SEED_CUSTOMERS } from './seed-customers.ts';

/** Everything the suites know about the server under test, found once before they run. */
export interface Target {
  options: ContractOptions;
  http: HttpClient;
  /** The mock's admin API, when the target has one: the runner seeds its own customers there. */
  adminUrl?: string;
  /** Update checks may run: on the mock (its own seeded customer) or with `--allow-writes`. */
  writable: boolean;
  clientToken?: string;
  userToken?: string;
  /** The OAuth client the user token was issued to, when the run got it itself (not `--user-token`). */
  userTokenClientId?: string;
  /** Why a token is missing, for the skip reasons. */
  missing: { client?: string; user?: string };
  /** The user's own customer as read before any check: also the restore point of the writes. */
  own?: CustomerInfo;
  /** The own customer's address, found by searching for its phone number (user mode has none). */
  ownAddress?: Address;
  /** A customer number no customer has: confirmed absent through the admin API, else by a 404. */
  missingCustomerNumber?: number;
  /** Why no such number was found (every candidate answered 200): the 404 check fails with it. */
  missingProblem?: string;
  /** Customer numbers known to exist besides the own one (seeded, or named by `--data`). */
  knownCustomerNumbers: number[];
  /** The token URL that answered (the origin's when the default under the base path is 404). */
  tokenUrl: string;
  /** Mock only: a user token whose user no customer holds any more (user mode answers 404). */
  orphanUserToken?: string;
  /** Lines for the summary: where tokens and data came from. */
  notes: string[];
  /** Customer numbers the run put on the mock: removed when it finishes. */
  seeded: Set<number>;
}

/** Finds tokens and data for the run; seeds the mock through `/__admin` when it is there. */
export async function prepareTarget(options: ContractOptions, http = new HttpClient(options.baseUrl)): Promise<Target> {
  const target: Target = {
    options, http, writable: options.allowWrites, missing: {}, notes: [], seeded: new Set(), knownCustomerNumbers: dataNumbers(options), tokenUrl: options.tokenUrl,
  };
  // Any answer will do: a target that gives none fails here, before anything is seeded.
  await http.request({ method: 'GET', path: '/v1/customer/info' });
  target.adminUrl = await findAdmin(http, options);
  if (target.adminUrl) await seedMock(target);
  await obtainTokens(target);
  await discoverOwnCustomer(target);
  await discoverMissingNumber(target);
  return target;
}

async function findAdmin(http: HttpClient, options: ContractOptions): Promise<string | undefined> {
  const origin = new URL(options.baseUrl).origin;
  for (const root of new Set([`${options.baseUrl}/__admin`, `${origin}/__admin`])) {
    const res = await http.request({ method: 'GET', path: `${root}/customers?offset=0&limit=1`, headers: adminHeaders(options) });
    // The mock's listing, not any JSON a catch-all route might send: seeding writes to the target.
    const listing = res.json as { total?: unknown; customers?: unknown } | undefined;
    if (res.status === 200 && typeof listing?.total === 'number' && Array.isArray(listing.customers)) return root;
  }
  return undefined;
}

export function adminHeaders(options: ContractOptions): Record<string, string> {
  return options.adminToken ? { authorization: `Bearer ${options.adminToken}` } : {};
}

async function seedMock(target: Target): Promise<void> {
  const { options } = target;
  const res = await admin(target, { method: 'POST', path: '/customers', json: SEED_CUSTOMERS });
  if (res.status >= 300) throw new Error(`seeding the mock at ${target.adminUrl}/customers failed: ${res.status} ${res.text.slice(0, 300)}`);
  for (const record of SEED_CUSTOMERS) target.seeded.add(record.customerNumber);
  target.knownCustomerNumbers.push(NEIGHBOUR_CUSTOMER.customerNumber, ORPHANING_CUSTOMER.customerNumber);
  target.writable = true;
  target.notes.push(`the target has the mock's admin API (${target.adminUrl}): seeded ${SEED_CUSTOMERS.length} contract customers`);
  if (!options.userToken && !options.userLoginHint) {
    const token = await admin(target, { method: 'POST', path: '/tokens', json: { uniqueId: CONTRACT_USER_ID, clientId: options.clientId } });
    const value = accessToken(token.json);
    if (value) {
      target.userToken = value;
      target.userTokenClientId = options.clientId;
      target.notes.push(`user token for ${CONTRACT_USER_ID} from ${target.adminUrl}/tokens`);
    }
  }
  await orphanUser(target);
}

/** Takes a token for the orphan user, then detaches the user from its customer. */
async function orphanUser(target: Target): Promise<void> {
  const token = accessToken((await admin(target, { method: 'POST', path: '/tokens', json: { uniqueId: ORPHAN_USER_ID } })).json);
  const detach = await admin(target, { method: 'POST', path: '/customers', json: { ...ORPHANING_CUSTOMER, attachedUsers: [] } });
  if (token && detach.status < 300) target.orphanUserToken = token;
}

export function admin(target: Target, spec: RequestSpec): Promise<HttpResponse> {
  return target.http.request({ ...spec, path: `${target.adminUrl}${spec.path}`, headers: { ...adminHeaders(target.options), ...spec.headers } });
}

/**
 * Production serves the API under `/capi` but OAuth at the host's `/user/oauth/…` (contracts/README.md),
 * so a default token URL under a base path that answers 404 is tried again at the origin.
 */
async function obtainTokens(target: Target): Promise<void> {
  const { options } = target;
  let tokenUrl = options.tokenUrl;
  let client = await clientToken(target, tokenUrl);
  const atOrigin = `${new URL(options.baseUrl).origin}/user/oauth/token`;
  if (!client.token && client.status === 404 && !options.tokenUrlGiven && atOrigin !== tokenUrl) {
    tokenUrl = atOrigin;
    client = await clientToken(target, tokenUrl);
  }
  target.tokenUrl = tokenUrl;
  if (client.token) {
    target.clientToken = client.token;
    target.notes.push(`client token from ${client.source}`);
  } else target.missing.client = client.problem;
  if (target.userToken) return;
  const user = await userToken(target, tokenUrl);
  if (user.token) {
    target.userToken = user.token;
    if (!options.userToken) target.userTokenClientId = options.clientId;
    target.notes.push(`user token from ${user.source}`);
  } else target.missing.user = user.problem;
}

/** The run's OAuth client; its secret goes as form parameters, as the PHP client sends it. */
export function oauthClient(options: ContractOptions): OAuthClient {
  return { clientId: options.clientId, clientSecret: options.clientSecret, auth: 'post' };
}

function clientToken(target: Target, tokenUrl: string): Promise<TokenOutcome> {
  if (target.options.clientToken) return Promise.resolve({ token: target.options.clientToken, source: '--client-token' });
  return clientCredentialsToken(target.http, tokenUrl, oauthClient(target.options));
}

function userToken(target: Target, tokenUrl: string): Promise<TokenOutcome> {
  const { options } = target;
  if (options.userToken) return Promise.resolve({ token: options.userToken, source: '--user-token' });
  if (!options.userLoginHint) return Promise.resolve({ problem: 'no --user-token or --user-login-hint given' });
  return loginUserToken(target.http, tokenUrl, oauthClient(options), options.userLoginHint);
}

async function discoverOwnCustomer(target: Target): Promise<void> {
  if (!target.userToken) return;
  const res = await target.http.request({ method: 'GET', path: '/v1/customer/info', bearer: target.userToken });
  if (res.status !== 200 || typeof res.json !== 'object' || res.json === null) {
    target.notes.push(`GET /v1/customer/info with the user token answered ${res.status}: no own customer to test with`);
    return;
  }
  target.own = res.json as CustomerInfo;
  target.notes.push(`the user's own customer: ${target.own.customerNumber}`);
  const phone = target.own.phoneNumbers?.[0]?.phoneNumber;
  if (!phone || !target.clientToken) return;
  const search = await target.http.request({
    method: 'POST', path: '/v1/client/customer/search', bearer: target.clientToken, json: { phoneNumber: phone },
  });
  const hit = (search.json as { customers?: Array<CustomerInfo & { address?: Address }> } | undefined)?.customers
    ?.find((c) => c.customerNumber === target.own?.customerNumber);
  if (hit?.address) target.ownAddress = hit.address;
}

/**
 * A number no customer holds. On the mock the admin API confirms it; elsewhere it is one that
 * answers 404, or one whose 200 shows another customer (a server that answers every number).
 * If every candidate answers 200 with itself, that is said, and the 404 check fails on it.
 */
const ABSENT_CANDIDATES = [9900009999, 999999999, 987654321, 2147483646, 9007199254740991];

async function discoverMissingNumber(target: Target): Promise<void> {
  if (!target.clientToken) return;
  for (const candidate of ABSENT_CANDIDATES) {
    if (target.adminUrl) {
      if ((await admin(target, { method: 'GET', path: `/customers/${candidate}` })).status !== 404) continue;
      target.missingCustomerNumber = candidate;
      return;
    }
    const res = await target.http.request({ method: 'GET', path: `/v1/client/customer/info/${candidate}`, bearer: target.clientToken });
    if (res.status !== 200 || (res.json as { customerNumber?: unknown } | undefined)?.customerNumber !== candidate) {
      target.missingCustomerNumber = candidate;
      return;
    }
  }
  target.missingProblem = `every candidate number (${ABSENT_CANDIDATES.join(', ')}) answered 200 with that customer`;
}

function dataNumbers(options: ContractOptions): number[] {
  const { data } = options;
  return [...(data.customersAtOneAddress?.customerNumbers ?? []), ...(data.productHolder ? [data.productHolder.customerNumber] : [])];
}

/** The client token, or a skip naming why the run has none. */
export function needClient(target: Target): string {
  if (!target.clientToken) throw new CheckSkip(`no client token: ${target.missing.client ?? 'none obtained'}`);
  return target.clientToken;
}

export function needUser(target: Target): string {
  if (!target.userToken) throw new CheckSkip(`no user token: ${target.missing.user ?? 'none obtained'}`, target.options.userLoginHint ? undefined : '--user-token');
  return target.userToken;
}

export function needOwn(target: Target): CustomerInfo {
  needUser(target);
  if (!target.own) throw new CheckSkip("the user's own customer could not be read (GET /v1/customer/info)", '--user-token');
  return target.own;
}

export function needWrites(target: Target): void {
  if (target.writable) return;
  // Without a user token there is nothing to write with either: both options are named.
  if (!target.userToken) throw new CheckSkip('writes to a real server need a user token and --allow-writes', '--user-token with --allow-writes');
  throw new CheckSkip('writes to a real server need --allow-writes', '--allow-writes');
}

/** `needs`: the option that names such data on a real server (`--data`), when there is one. */
export function needMock(target: Target, what: string, needs?: string): void {
  if (!target.adminUrl) throw new CheckSkip(`${what} needs data only the mock's /__admin API can seed; a real server is not known to hold it`, needs);
}
