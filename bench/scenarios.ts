/**
 * The requests the bench drives: one per route, built from the scenario customers that every
 * data set holds (fixtures/scenarios.ts), so they answer 200 at 1,000 customers and at a million.
 */
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_PHONE, sampleCustomer } from '../fixtures/scenario-sample.ts';

export type ScenarioId = 'clientInfo' | 'searchPhone' | 'searchNameAddress' | 'update';

export interface Scenario {
  id: ScenarioId;
  /** As the report names it. */
  label: string;
  method: 'GET' | 'POST';
  path: string;
  /** The JSON request body, exactly as sent. */
  body?: string;
  /** Which token it needs (DESIGN.md §3: user mode or client mode). */
  token: 'client' | 'user';
  /** Prism and the bare server are driven too; the update only makes sense on our stateful mock. */
  compared: boolean;
}

const sample = sampleCustomer();

/**
 * The update writes the sample customer's own info back (DESIGN.md §3: update replaces all), so
 * every request keeps the data valid and the same: later reads and searches still find it.
 */
const UPDATE_BODY = {
  name: sample.name,
  phoneNumbers: sample.phoneNumbers,
  emails: sample.emails,
  invoiceEmailAddress: sample.invoiceEmailAddress,
};

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'clientInfo',
    label: 'client info by number',
    method: 'GET',
    path: `/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`,
    token: 'client',
    compared: true,
  },
  {
    id: 'searchPhone',
    label: 'search by phone',
    method: 'POST',
    path: '/v1/client/customer/search',
    body: JSON.stringify({ phoneNumber: SAMPLE_PHONE }),
    token: 'client',
    compared: true,
  },
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
    compared: true,
  },
  {
    id: 'update',
    label: 'update (user mode)',
    method: 'POST',
    path: '/v1/customer/info',
    body: JSON.stringify(UPDATE_BODY),
    token: 'user',
    compared: false,
  },
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
  return headers;
}

export interface Tokens {
  client: string;
  user: string;
}
