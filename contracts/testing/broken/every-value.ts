/**
 * Servers that index only the first value of a list, match prefixes, or compare without the
 * API's normalisation: only a run that probes every value, with decomposable letters, sees them.
 */
import { CONTRACT_USER_EMAIL, CONTRACT_USER_PHONE } from '../../runner/seed-customers.ts';
import type { Breakage } from '../wrap-mock.ts';
import { isCheck, isSearch, json, rewriteCustomers, withJson, type BrokenServer } from './broken-server.ts';

type Found = { phoneNumbers?: Array<{ phoneNumber: string }> | null; emails?: string[] | null };

/** A phone search finds a customer only by its first phone number. */
const firstPhoneOnly: Breakage = {
  response: (res, req) => rewriteCustomers(res, req, isSearch, (customers, q) =>
    typeof q.phoneNumber === 'string' ? customers.filter((c) => (c as Found).phoneNumbers?.[0]?.phoneNumber === q.phoneNumber) : customers),
};

/** An email search finds a customer only by its first email. */
const firstEmailOnly: Breakage = {
  response: (res, req) => rewriteCustomers(res, req, isSearch, (customers, q) =>
    typeof q.email === 'string' ? customers.filter((c) => (c as Found).emails?.[0]?.toLowerCase() === String(q.email).trim().toLowerCase()) : customers),
};

/** The credential check knows emails only: phone credentials are not indexed. */
const checkEmailsOnly: Breakage = {
  response: (res, req) => rewriteCustomers(res, req, isCheck, (entries) => entries.filter((e) => !String(e.credential).startsWith('+'))),
};

/** The credential check matches a prefix of a credential (a `LIKE 'x%'` query). */
const checkMatchesPrefix: Breakage = {
  response: async (res, req, forward) => {
    const sent = (json(req.body)?.credentials as unknown[] | undefined) ?? [];
    const completed = sent.map((c) => [CONTRACT_USER_EMAIL, CONTRACT_USER_PHONE].find((full) => typeof c === 'string' && c.length > 3 && full !== c && full.startsWith(c)) ?? c);
    if (!isCheck(req) || res.status !== 200 || completed.every((c, i) => c === sent[i])) return res;
    const answer = await forward({ ...req, body: JSON.stringify({ credentials: completed }) });
    const entries = ((json(answer.body)?.customers as Array<Record<string, unknown>>) ?? []).map((e) => ({ ...e, credential: sent[completed.indexOf(e.credential)] ?? e.credential }));
    return withJson(res, { customers: entries });
  },
};

/** Search compares names without NFC normalisation: a decomposed å finds nobody. */
const searchWithoutNfc: Breakage = {
  response: (res, req) => rewriteCustomers(res, req, isSearch, (customers, q) =>
    Object.values(q).some((v) => typeof v === 'string' && v !== v.normalize('NFC')) ? [] : customers),
};

/** Search does not trim: a value with spaces around it finds nobody. */
const searchWithoutTrim: Breakage = {
  response: (res, req) => rewriteCustomers(res, req, isSearch, (customers, q) =>
    Object.values(q).some((v) => typeof v === 'string' && v !== v.trim()) ? [] : customers),
};

/** The credential check compares emails case-sensitively. */
const checkCaseSensitive: Breakage = {
  response: (res, req) => rewriteCustomers(res, req, isCheck, (entries) => entries.filter((e) => String(e.credential) === String(e.credential).toLowerCase() || String(e.credential).startsWith('+'))),
};

export const EVERY_VALUE_BROKEN_SERVERS: BrokenServer[] = [
  { breaks: 'phone search by the first phone number only', breakage: firstPhoneOnly, caughtBy: 'semantic.search: finds the customer by each of its phone numbers' },
  { breaks: 'email search by the first email only', breakage: firstEmailOnly, caughtBy: 'semantic.search: finds the customer by each of its emails' },
  { breaks: 'a credential check that knows no phone credentials', breakage: checkEmailsOnly, caughtBy: 'semantic.credentials: finds the customer by every credential of its users, not only the first' },
  { breaks: 'a credential check that matches prefixes', breakage: checkMatchesPrefix, caughtBy: 'semantic.credentials: does not match a prefix of a credential' },
  { breaks: 'search without Unicode NFC normalisation', breakage: searchWithoutNfc, caughtBy: 'semantic.search: matches after Unicode NFC normalisation (decomposed input)' },
  { breaks: 'search without trimming', breakage: searchWithoutTrim, caughtBy: 'semantic.search: ignores whitespace around values' },
  { breaks: 'a case-sensitive credential check', breakage: checkCaseSensitive, caughtBy: 'semantic.credentials: matches email credentials case-insensitively' },
];
