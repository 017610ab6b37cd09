/**
 * Updates that store something else than was written, in ways the examples of a suite miss:
 * emails folded to lower case, phone numbers sorted, `{}` and `null` bodies that only rename,
 * and client mode showing names NFC-normalised while user mode shows them as written.
 */
import type { Breakage, WrappedRequest } from '../wrap-mock.ts';
import { clientInfoNumber, isUpdate, json, rewriteBody, withJson, type BrokenServer } from './broken-server.ts';

const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);

const emailsLowerCased: Breakage = {
  request: (req) => rewriteBody(req, isUpdate, (body) => ({
    ...body,
    ...(Array.isArray(body.emails) ? { emails: body.emails.map(lower) } : {}),
    ...('invoiceEmailAddress' in body ? { invoiceEmailAddress: lower(body.invoiceEmailAddress) } : {}),
  })),
};

const phonesSorted: Breakage = {
  request: (req) => rewriteBody(req, isUpdate, (body) => (Array.isArray(body.phoneNumbers) && body.phoneNumbers.every((p) => typeof (p as { phoneNumber?: unknown } | null)?.phoneNumber === 'string')
    ? { ...body, phoneNumbers: [...(body.phoneNumbers as Array<{ phoneNumber: string }>)].sort((a, b) => a.phoneNumber.localeCompare(b.phoneNumber)) }
    : undefined)),
};

/** `{}` or `null`: the name becomes "-", and the rest is kept as it was (read first, written back). */
const emptyBodyOnlyRenames: Breakage = {
  request: async (req, forward) => {
    if (!isUpdate(req) || !['{}', 'null'].includes(req.body.trim())) return req;
    const read = await forward({ ...req, method: 'GET', body: '' } as WrappedRequest);
    const current = json(read.body) ?? {};
    return { ...req, body: JSON.stringify({ name: null, phoneNumbers: current.phoneNumbers ?? null, emails: current.emails ?? null, invoiceEmailAddress: current.invoiceEmailAddress ?? null }) };
  },
};

/** Client mode serves names from a normalised copy (NFC): decomposed letters come back composed. */
const clientModeNormalisesNames: Breakage = {
  response: (res, req) => {
    if (clientInfoNumber(req) === undefined || res.status !== 200) return res;
    const body = json(res.body);
    const name = body?.name as Record<string, unknown> | null | undefined;
    if (!body || !name) return res;
    return withJson(res, { ...body, name: Object.fromEntries(Object.entries(name).map(([k, v]) => [k, typeof v === 'string' ? v.normalize('NFC') : v])) });
  },
};

export const UPDATE_READ_BACK_BROKEN_SERVERS: BrokenServer[] = [
  { breaks: 'an update that stores emails in lower case', breakage: emailsLowerCased, caughtBy: 'semantic.update.read-back: emails[0]: reads back exactly as written (case, Unicode code points), in user and client mode' },
  { breaks: 'an update that sorts the phone numbers', breakage: phonesSorted, caughtBy: 'semantic.update.read-back: phoneNumbers: reads back in the order written, in user and client mode' },
  { breaks: 'a body of {} or null that only renames the customer', breakage: emptyBodyOnlyRenames, caughtBy: 'semantic.update.read-back: a body of {}: the name becomes "-" and every other field null, in user and client mode' },
  { breaks: 'client mode showing names NFC-normalised', breakage: clientModeNormalisesNames, caughtBy: 'semantic.update.read-back: name.firstName: reads back exactly as written (case, Unicode code points), in user and client mode' },
];
