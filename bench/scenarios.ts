/**
 * The requests the bench drives: one per route, built from the scenario customers that every
 * data set holds (fixtures/scenarios.ts), so they answer 200 at 1,000 customers and at a million;
 * then the same requests in the mock's other configurations (issue 11: "bench every
 * configuration"): with its rate limits on, the default, and with `Prefer: delay=0`.
 */
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_PHONE, sampleCustomer } from '../fixtures/scenario-sample.ts';

export type ScenarioId =
  | 'clientInfo'
  | 'searchPhone'
  | 'searchNameAddress'
  | 'update'
  | 'clientInfoPreferDelay'
  | 'clientInfoLimited'
  | 'searchPhoneLimited'
  | 'updateLimited'
  | 'clientInfoSession'
  | 'clientInfoMetered'
  | 'clientInfoRedis'
  | 'searchPhoneRedis'
  | 'updateRedis';

/** The servers besides ours, each a process of its own. */
export type ExternalServer = 'prism' | 'bare';

/**
 * The servers our mock is compared with: those, or `root`, our mock without limits serving the
 * scenario's `rootScenario` (the same read at the root, with the root's tokens) in the same rounds,
 * or `unmetered`, our mock with rate limits on and `--no-metrics`, serving the same requests (what
 * counting for /metrics costs the default configuration, issue 24).
 */
export type OtherServer = ExternalServer | 'root' | 'unmetered';

export interface Scenario {
  id: ScenarioId;
  /** As the report names it. */
  label: string;
  method: 'GET' | 'POST';
  path: string;
  /** The JSON request body, exactly as sent. */
  body?: string;
  /** Which token it needs (docs/reference.md §3: user mode or client mode). */
  token: 'client' | 'user';
  /**
   * Which of our mock's two processes serves it: `--rate-limit off`, or `on` (the default), which
   * is driven with a pool of client ids so that no call meets a limit (bench/pool-size.ts).
   */
  rateLimits: 'off' | 'on';
  /** A `Prefer` header sent with every request (docs/reference.md §3). */
  prefer?: string;
  /**
   * The servers driven right after ours with the same requests. Prism only on the plain reads:
   * it is stateless (an update changes nothing there) and knows neither rate limits nor delay.
   */
  against: readonly OtherServer[];
  /**
   * A test session of the mock without limits that serves it (`path` is under its
   * `/__sessions/{id}`), driven with that session's own tokens: the same read as at the root, to
   * show that a session costs nothing per request (issue 14).
   */
  session?: string;
  /** What `root` serves in its rounds: the scenario this one is compared with in the same process. */
  rootScenario?: ScenarioId;
  /**
   * `redis`: served by a third mock of ours, one process started with `--redis` (and
   * `--rate-limit off`, as the rows it is compared with), whose Redis' CPU is measured too (issue 21).
   */
  state?: 'redis';
}

/** The session the bench creates, with the default data, on the mock without rate limits. */
export const BENCH_SESSION = 'bench';

const sample = sampleCustomer();

/**
 * The update writes the sample customer's own info back (docs/reference.md §3: update replaces all), so
 * every request keeps the data valid and the same: later reads and searches still find it.
 */
const UPDATE_BODY = {
  name: sample.name,
  phoneNumbers: sample.phoneNumbers,
  emails: sample.emails,
  invoiceEmailAddress: sample.invoiceEmailAddress,
};

const CLIENT_INFO: Scenario = {
  id: 'clientInfo',
  label: 'client info by number',
  method: 'GET',
  path: `/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`,
  token: 'client',
  rateLimits: 'off',
  against: ['prism', 'bare'],
};

const SEARCH_PHONE: Scenario = {
  id: 'searchPhone',
  label: 'search by phone',
  method: 'POST',
  path: '/v1/client/customer/search',
  body: JSON.stringify({ phoneNumber: SAMPLE_PHONE }),
  token: 'client',
  rateLimits: 'off',
  against: ['prism', 'bare'],
};

/** The bare server answers it with the bytes our mock answered: it is in memory, like the mock. */
const UPDATE: Scenario = {
  id: 'update',
  label: 'update (user mode)',
  method: 'POST',
  path: '/v1/customer/info',
  body: JSON.stringify(UPDATE_BODY),
  token: 'user',
  rateLimits: 'off',
  against: ['bare'],
};

export const SCENARIOS: readonly Scenario[] = [
  CLIENT_INFO,
  SEARCH_PHONE,
  {
    id: 'searchNameAddress',
    label: 'search by name and address',
    method: 'POST',
    path: '/v1/client/customer/search',
    body: JSON.stringify({
      lastName: sample.name?.lastName,
      streetAddress: sample.address.streetAddress,
      postalCode: sample.address.postalCode,
    }),
    token: 'client',
    rateLimits: 'off',
    against: ['prism', 'bare'],
  },
  UPDATE,
  { ...CLIENT_INFO, id: 'clientInfoPreferDelay', label: 'client info by number, Prefer: delay=0', prefer: 'delay=0', against: ['bare'] },
  { ...CLIENT_INFO, id: 'clientInfoLimited', label: 'client info by number, rate limits on', rateLimits: 'on', against: ['bare'] },
  // Two servers taking turns, as for the session's read: with a third, one of them ran first in two rounds of three.
  { ...CLIENT_INFO, id: 'clientInfoMetered', label: 'client info by number, rate limits on, against --no-metrics', rateLimits: 'on', against: ['unmetered'] },
  { ...SEARCH_PHONE, id: 'searchPhoneLimited', label: 'search by phone, rate limits on', rateLimits: 'on', against: ['bare'] },
  { ...UPDATE, id: 'updateLimited', label: 'update (user mode), rate limits on', rateLimits: 'on' },
  {
    ...CLIENT_INFO,
    id: 'clientInfoSession',
    label: 'client info by number, in a session',
    path: `/__sessions/${BENCH_SESSION}${CLIENT_INFO.path}`,
    session: BENCH_SESSION,
    // Measured minutes apart, the two reads differed by the machine's drift (0.76-0.83×); in turns they do not.
    against: ['root'],
    rootScenario: 'clientInfo',
  },
  { ...CLIENT_INFO, id: 'clientInfoRedis', label: 'client info by number, --redis', state: 'redis', against: ['bare'] },
  { ...SEARCH_PHONE, id: 'searchPhoneRedis', label: 'search by phone, --redis', state: 'redis', against: ['bare'] },
  { ...UPDATE, id: 'updateRedis', label: 'update (user mode), --redis', state: 'redis' },
];

export function scenario(id: ScenarioId): Scenario {
  const found = SCENARIOS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

/** The headers of a scenario's request: the same for every server (Prism ignores most of them). */
export function requestHeaders(scenario: Scenario, tokens: Tokens): Record<string, string> {
  const headers: Record<string, string> = { authorization: `Bearer ${tokens[scenario.token]}` };
  if (scenario.body !== undefined) headers['content-type'] = 'application/json';
  if (scenario.prefer !== undefined) headers.prefer = scenario.prefer;
  return headers;
}

export interface Tokens {
  client: string;
  user: string;
}
