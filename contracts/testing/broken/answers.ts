/**
 * Servers whose 200 answers another question than the one asked: the wrong customer, extra or
 * foreign results, credential entries that the input did not ask for or that nobody holds.
 */
import { CONTRACT_CUSTOMER, NEIGHBOUR_CUSTOMER } from '../../runner/seed-customers.ts';
import type { Breakage } from '../wrap-mock.ts';
import { clientInfoNumber, isCheck, isSearch, rewriteCustomers, type BrokenServer } from './broken-server.ts';

const OWN = CONTRACT_CUSTOMER.customerNumber;

/** Client info answers the contract customer whatever number is asked (a cached last answer). */
const clientInfoAlwaysSame: Breakage = {
  request: (req) => {
    const number = clientInfoNumber(req);
    return number !== undefined && number !== OWN && number > 9_900_000_000 && number < 9_900_000_100 ? { ...req, path: req.path.replace(/\d+$/, String(OWN)) } : req;
  },
};

/** A number nobody holds answers 200 with some customer instead of 404 (a fallback to the sample). */
const unknownNumberAnswers200: Breakage = {
  response: async (res, req, forward) => (clientInfoNumber(req) !== undefined && res.status === 404 ? forward({ ...req, path: req.path.replace(/\d+$/, '563457') }) : res),
};

/** Search adds the neighbour to every answer that has results (an OR where the query is AND). */
const searchAddsNeighbour: Breakage = {
  response: async (res, req, forward) => {
    const neighbour = await forward({ ...req, body: JSON.stringify({ phoneNumber: NEIGHBOUR_CUSTOMER.phoneNumbers?.[0]?.phoneNumber }) });
    const extra = (JSON.parse(neighbour.body) as { customers?: Array<{ customerNumber: number }> }).customers ?? [];
    return rewriteCustomers(res, req, isSearch, (customers) =>
      customers.length && !customers.some((c) => c.customerNumber === NEIGHBOUR_CUSTOMER.customerNumber)
        ? [...customers, ...extra].sort((a, b) => Number(a.customerNumber) - Number(b.customerNumber)).slice(0, 5)
        : customers,
    );
  },
};

/** Search answers in the store's insertion order, not by customer number. */
const searchUnordered: Breakage = {
  response: (res, req) => rewriteCustomers(res, req, isSearch, (customers) => [...customers].reverse()),
};

/** The credential check answers in its own (sorted) order, not the input's. */
const checkSorted: Breakage = {
  response: (res, req) => rewriteCustomers(res, req, isCheck, (entries) => [...entries].sort((a, b) => String(a.credential).localeCompare(String(b.credential)))),
};

/** The credential check names the customer of the first entry for every entry (one lookup reused). */
const checkReusesFirstCustomer: Breakage = {
  response: (res, req) => rewriteCustomers(res, req, isCheck, (entries) => entries.map((e) => ({ ...e, customerNumber: entries[0]?.customerNumber, uniqueId: entries[0]?.uniqueId }))),
};

/** The credential check names a user id the customer does not have (a stale user table). */
const checkNamesUnknownUser: Breakage = {
  response: (res, req) => rewriteCustomers(res, req, isCheck, (entries) => entries.map((e) => ({ ...e, uniqueId: `${String(e.uniqueId)}-x` }))),
};

/** The server answers the sample customer's user for a credential it knows nothing about. */
const checkInventsEntries: Breakage = {
  response: (res, req) => rewriteCustomers(res, req, isCheck, (entries, query) =>
    entries.length ? entries : ((query.credentials as unknown[]) ?? []).slice(0, 1).map((credential) => ({ credential, customerNumber: 563457, uniqueId: 'abc123ee63461dd' })),
  ),
};

export const ANSWER_BROKEN_SERVERS: BrokenServer[] = [
  { breaks: 'client info that answers one customer for every number', breakage: clientInfoAlwaysSame, caughtBy: 'semantic.client-info: answers the customer asked for: customerNumber N for number N' },
  { breaks: 'client info that answers 200 for a number nobody has', breakage: unknownNumberAnswers200, caughtBy: 'semantic.client-info: answers 404 to a customer number no customer has' },
  { breaks: 'search results with a customer that does not match', breakage: searchAddsNeighbour, caughtBy: 'semantic.search: finds a customer by phone number' },
  { breaks: 'search results out of customerNumber order', breakage: searchUnordered, caughtBy: 'semantic.search: orders results by customer number' },
  { breaks: 'credential entries out of input order', breakage: checkSorted, caughtBy: "semantic.credentials: answers several customers' credentials in input order" },
  { breaks: 'credential entries all naming the first customer', breakage: checkReusesFirstCustomer, caughtBy: "semantic.credentials: answers several customers' credentials in input order" },
  { breaks: 'credential entries naming a user that does not hold the credential', breakage: checkNamesUnknownUser, caughtBy: 'semantic.credentials: leaves unknown credentials out' },
  { breaks: 'credential entries for credentials nobody holds', breakage: checkInventsEntries, caughtBy: 'semantic.credentials: does not match a prefix of a credential' },
];
