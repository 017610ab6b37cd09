/**
 * `GET /__admin/customers?q=TEXT`: the records whose number, any name field, phone number, e-mail,
 * credential, street, postal code or postal place contains TEXT, compared after NFC and in lower
 * case, so "ÅSE" finds "Åse" however either was composed. Paged like the plain list; `total`
 * counts the matches. A scan of the store: the admin API's, not the API's, so no index is kept.
 */
import type { CustomerRecord } from '../../../spec/index.ts';
import type { CustomerStore } from '../../core/customer-store.ts';
import { errors } from '../../core/errors.ts';

/** Longer than any field it can match (an e-mail holds at most 255 characters). */
const MAX_QUERY = 255;

export interface CustomerPage {
  total: number;
  offset: number;
  limit: number;
  customers: CustomerRecord[];
}

/** The text of `q`, folded; `undefined` when there is none (the whole store is listed). */
export function queryText(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw errors.validation('q: must be given once, as text.');
  if (value.length > MAX_QUERY) throw errors.validation(`q: must be at most ${MAX_QUERY} characters.`);
  return fold(value);
}

export function customerPage(store: CustomerStore, q: string | undefined, offset: number, limit: number): CustomerPage {
  if (q === undefined) return { total: store.size, offset, limit, customers: store.list(offset, limit) };
  const customers: CustomerRecord[] = [];
  let total = 0;
  for (const record of store.all()) {
    if (!searchableTexts(record).some((text) => fold(text).includes(q))) continue;
    if (total >= offset && customers.length < limit) customers.push(record);
    total++;
  }
  return { total, offset, limit, customers };
}

function fold(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** The fields `q` looks in (docs/reference.md §4). */
export function searchableTexts(record: CustomerRecord): string[] {
  const { name, address } = record;
  const texts = [String(record.customerNumber)];
  if (name) texts.push(...[name.firstName, name.middleName, name.lastName, name.companyName, name.departmentName].filter(isText));
  for (const phone of record.phoneNumbers ?? []) texts.push(phone.phoneNumber);
  texts.push(...(record.emails ?? []));
  if (isText(record.invoiceEmailAddress)) texts.push(record.invoiceEmailAddress);
  for (const user of record.attachedUsers) for (const credential of user.credentials) texts.push(credential.credential);
  texts.push(...[address.streetAddress, address.postalCode, address.postalPlace].filter(isText));
  return texts;
}

function isText(value: string | null | undefined): value is string {
  return typeof value === 'string';
}
