/**
 * The search request's fields, read from the spec (`SearchRequest`), and the values a check
 * searches a customer with: its own value of a field, and one that differs from it in that field
 * only. A field the spec gains gets its checks without a line here.
 */
import { listOperations, specValidators, type SchemaObject } from '../../../spec/index.ts';
import type { Address, CustomerInfo } from '../../../spec/index.ts';
import { propertiesOf, resolve } from '../../fuzz/schema-walk.ts';

const NAME_FIELDS = ['firstName', 'middleName', 'lastName', 'companyName', 'departmentName'] as const;
const ADDRESS_FIELDS = ['careOfAddress', 'streetAddress', 'streetNumber', 'entrance', 'postalCode', 'postalPlace', 'countryCode'] as const;

export type SearchValue = string | number;

function searchSchema(): Record<string, SchemaObject> {
  const { doc } = specValidators();
  const op = listOperations(doc).find((o) => o.operationId === 'searchCustomers');
  if (!op?.requestBody) throw new Error('the spec has no searchCustomers request body');
  return propertiesOf(resolve(doc, op.requestBody.schema));
}

/** Every field of a search request, in the spec's order. */
export const SEARCH_FIELDS: string[] = Object.keys(searchSchema());

/** A customer as search sees it: its info, its address, its product codes (when known). */
export interface SearchSubject {
  info: CustomerInfo;
  address?: Address | null;
  products?: string[];
}

/** The subject's own value of a search field (its first phone, first email, first product), if it has one. */
export function ownValueOf(subject: SearchSubject, field: string): SearchValue | undefined {
  const { info, address, products } = subject;
  let value: unknown;
  if (field === 'phoneNumber') value = info.phoneNumbers?.[0]?.phoneNumber;
  else if (field === 'email') value = info.emails?.[0];
  else if (field === 'productCode') value = products?.[0];
  else if ((NAME_FIELDS as readonly string[]).includes(field)) value = info.name?.[field as (typeof NAME_FIELDS)[number]];
  else if ((ADDRESS_FIELDS as readonly string[]).includes(field)) value = address?.[field as (typeof ADDRESS_FIELDS)[number]];
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/**
 * A value of the field's type, format and length that is not the subject's: the next integer, an
 * email or phone nobody in the contract data has, or a word cut to the field's maxLength.
 */
export function otherValueOf(field: string, own: SearchValue): SearchValue {
  const schema = searchSchema()[field];
  if (!schema) throw new Error(`the spec's search request has no field ${field}`);
  if (schema.type === 'integer' || schema.type === 'number') return Number(own) + 1;
  if (schema.format === 'email') return String(own).toLowerCase() === 'ingen.slik@kontrakt.example.no' ? 'annen.slik@kontrakt.example.no' : 'ingen.slik@kontrakt.example.no';
  if (field === 'phoneNumber' || typeof schema.pattern === 'string') return own === '+4799000998' ? '+4799000997' : '+4799000998';
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 30;
  for (const word of ['Ingenslik', 'Annerledes', 'Qz']) {
    const candidate = word.slice(0, max);
    if (candidate.toLowerCase() !== String(own).trim().toLowerCase()) return candidate;
  }
  throw new Error(`no other value for ${field}`);
}

/** Every field the subject has a value for, as one search. */
export function fullQueryOf(subject: SearchSubject): Record<string, SearchValue> {
  const query: Record<string, SearchValue> = {};
  for (const field of SEARCH_FIELDS) {
    const value = ownValueOf(subject, field);
    if (value !== undefined) query[field] = value;
  }
  return query;
}
