/**
 * Servers that skip a validation rule: each accepts (or mangles into something valid) one kind
 * of bad request value, or mishandles a body over 1 MiB. The spec-derived constraint checks and
 * the body-size checks must name each.
 */
import type { Breakage, WrappedRequest } from '../wrap-mock.ts';
import { apiError, isCheck, isSearch, isUpdate, json, rewriteBody, type BrokenServer } from './broken-server.ts';

const MIB = 1024 * 1024;
const cut = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : value);
const name = (body: Record<string, unknown>) => (body.name && typeof body.name === 'object' ? (body.name as Record<string, unknown>) : undefined);
const phones = (body: Record<string, unknown>) => (Array.isArray(body.phoneNumbers) ? (body.phoneNumbers as unknown[]) : undefined);

/** Search cuts an over-long last name to its 30 characters instead of refusing it. */
const searchTruncatesLastName: Breakage = {
  request: (req) => rewriteBody(req, isSearch, (b) => (typeof b.lastName === 'string' && b.lastName.length > 30 ? { ...b, lastName: cut(b.lastName, 30) } : undefined)),
};

/** The update cuts an over-long first name (a database column that truncates). */
const updateTruncatesFirstName: Breakage = {
  request: (req) => rewriteBody(req, isUpdate, (b) => {
    const n = name(b);
    return typeof n?.firstName === 'string' && n.firstName.length > 30 ? { ...b, name: { ...n, firstName: n.firstName.slice(0, 30) } } : undefined;
  }),
};

/** Search takes any string as an email (no format check): an invalid one simply finds nobody. */
const searchSkipsEmailFormat: Breakage = {
  request: (req) => rewriteBody(req, isSearch, (b) => (typeof b.email === 'string' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(b.email) ? { ...b, email: 'nobody@kontrakt.example.invalid' } : undefined)),
};

/** Search drops fields it does not know instead of refusing them. */
const searchIgnoresUnknownFields: Breakage = {
  request: (req) => rewriteBody(req, isSearch, (b) => ('contractUnknownField' in b ? Object.fromEntries(Object.entries(b).filter(([k]) => k !== 'contractUnknownField')) : undefined)),
};

/** Search coerces a numeric string to the integer `streetNumber` wants (lenient JSON binding). */
const searchCoercesStreetNumber: Breakage = {
  request: (req) => rewriteBody(req, isSearch, (b) => (typeof b.streetNumber === 'string' ? { ...b, streetNumber: Number(b.streetNumber) } : undefined)),
};

/** The update drops phone entries without a `phoneNumber` instead of refusing the body. */
const updateDropsPhonesWithoutNumber: Breakage = {
  request: (req) => rewriteBody(req, isUpdate, (b) => {
    const list = phones(b);
    return list?.some((p) => !(p && typeof p === 'object' && 'phoneNumber' in p)) ? { ...b, phoneNumbers: list.filter((p) => p && typeof p === 'object' && 'phoneNumber' in p) } : undefined;
  }),
};

/** The update adds the missing `+` to a phone number instead of refusing a non-E.164 value. */
const updateFixesPhonePlus: Breakage = {
  request: (req) => rewriteBody(req, isUpdate, (b) => {
    const list = phones(b) as Array<Record<string, unknown>> | undefined;
    const fix = (p: Record<string, unknown>) => (typeof p?.phoneNumber === 'string' && /^\d+$/.test(p.phoneNumber) ? { ...p, phoneNumber: `+${p.phoneNumber}` } : p);
    return list?.some((p) => fix(p) !== p) ? { ...b, phoneNumbers: list.map(fix) } : undefined;
  }),
};

/** The credential check looks at the first 100 credentials of a longer list instead of refusing it. */
const checkTruncatesList: Breakage = {
  request: (req) => rewriteBody(req, isCheck, (b) => (Array.isArray(b.credentials) && b.credentials.length > 100 ? { ...b, credentials: b.credentials.slice(0, 100) } : undefined)),
};

/** The credential check takes an empty credential as one nobody holds instead of refusing it. */
const checkSkipsEmptyCredentials: Breakage = {
  request: (req) => rewriteBody(req, isCheck, (b) => (Array.isArray(b.credentials) && b.credentials.includes('') ? { ...b, credentials: b.credentials.map((c) => (c === '' ? 'nobody@kontrakt.example.invalid' : c)) } : undefined)),
};

/** Every validation error says only "Invalid request": no field named. */
const vagueValidationMessage: Breakage = {
  response: (res) => (res.status === 400 && json(res.body)?.exceptionType === 'ValidationException' ? apiError(400, 'ValidationException', 'Invalid request.') : res),
};

const bigBody = (req: WrappedRequest, min: number) => req.method === 'POST' && /\/v1\//.test(req.path) && Buffer.byteLength(req.body) > min;

/** A body over 1 MiB crashes the parser: 500 instead of 413. */
const oversizeBody500: Breakage = {
  request: (req) => (bigBody(req, MIB) ? apiError(500, 'InternalServerErrorException', 'Request entity could not be read.') : req),
};

/** The limit is 2 MiB, not 1 MiB: a body just over 1 MiB is parsed (and refused as a 400 for its field). */
const bodyLimitTwoMiB: Breakage = {
  request: (req) => (bigBody(req, MIB) && !bigBody(req, 2 * MIB) ? { ...req, body: '{"contractPadding":"x"}' } : req),
};

/** A body of several MiB drops the connection without an answer. */
const severalMiBDropped: Breakage = {
  request: (req) => (bigBody(req, 4 * MIB) ? { status: 0, headers: {}, body: '', drop: true } : req),
};

export const CONSTRAINT_BROKEN_SERVERS: BrokenServer[] = [
  { breaks: 'search cuts an over-long lastName', breakage: searchTruncatesLastName, caughtBy: 'semantic.constraints.searchCustomers: answers 400 naming lastName given lastName: 31 characters (maxLength 30)' },
  { breaks: 'the update cuts an over-long firstName', breakage: updateTruncatesFirstName, caughtBy: 'semantic.constraints.updateCustomerInfo: answers 400 naming firstName given name.firstName: 300 characters, far over (maxLength 30)' },
  { breaks: 'search without the email format check', breakage: searchSkipsEmailFormat, caughtBy: 'semantic.constraints.searchCustomers: answers 400 naming email given email: "ola.nordmann@" is not an email (format email)' },
  { breaks: 'search ignoring unknown fields', breakage: searchIgnoresUnknownFields, caughtBy: 'semantic.constraints.searchCustomers: answers 400 naming contractUnknownField given contractUnknownField: an unknown field (additionalProperties: false)' },
  { breaks: 'search coercing a string streetNumber', breakage: searchCoercesStreetNumber, caughtBy: 'semantic.constraints.searchCustomers: answers 400 naming streetNumber given streetNumber: "12" is not of type integer' },
  { breaks: 'the update dropping phones without phoneNumber', breakage: updateDropsPhonesWithoutNumber, caughtBy: 'semantic.constraints.updateCustomerInfo: answers 400 naming phoneNumber given phoneNumbers[0].phoneNumber: missing (required)' },
  { breaks: 'the update adding a missing + to phone numbers', breakage: updateFixesPhonePlus, caughtBy: 'semantic.constraints.updateCustomerInfo: answers 400 naming phoneNumber given phoneNumbers[0].phoneNumber: "4712345678" does not match ^\\+[1-9][0-9]{1,14}$' },
  { breaks: 'the credential check taking the first 100 of 101', breakage: checkTruncatesList, caughtBy: 'semantic.constraints.checkCredentialCustomers: answers 400 naming credentials given credentials: 101 items (maxItems 100)' },
  { breaks: 'the credential check skipping empty credentials', breakage: checkSkipsEmptyCredentials, caughtBy: 'semantic.constraints.checkCredentialCustomers: answers 400 naming credentials given credentials[0]: empty (minLength 1)' },
  { breaks: 'validation errors that name no field', breakage: vagueValidationMessage, caughtBy: 'semantic.constraints.searchCustomers: answers 400 naming postalCode given postalCode: 11 characters (maxLength 10)' },
  { breaks: 'a 500 for a body over 1 MiB', breakage: oversizeBody500, caughtBy: 'semantic.body-size.searchCustomers: answers 413 to a body just over 1 MiB (1 MiB + 1 byte)' },
  { breaks: 'a body limit of 2 MiB', breakage: bodyLimitTwoMiB, caughtBy: 'semantic.body-size.checkCredentialCustomers: answers 413 to a body just over 1 MiB (1 MiB + 1 byte)' },
  { breaks: 'a dropped connection for a body of several MiB', breakage: severalMiBDropped, caughtBy: 'semantic.body-size.updateCustomerInfo: answers 413 to a body of 5 MiB' },
];
