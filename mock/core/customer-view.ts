/**
 * What the API shows of a stored record. A record is `CustomerInfo` plus `address` and `products`
 * (docs/reference.md §4); the info endpoints show `CustomerInfo`, search shows `CustomerInfo` plus
 * `address` (the spec's `SearchResult`). Products are the mock's own and never leave by the API.
 */
import { isBlank } from './normalize.ts';
import type { CustomerInfo, CustomerRecord, SearchResult } from '../../spec/index.ts';

/** The body of `GET /v1/customer/info` and `GET /v1/client/customer/info/{customerNumber}`. */
export function toCustomerInfo(record: CustomerRecord): CustomerInfo {
  const info: CustomerInfo = { customerNumber: record.customerNumber, name: record.name, attachedUsers: [] };
  // A field the record leaves out stays out; a null stays null (docs/reference.md §3: after an update the
  // fields the update left out read back as null).
  if (record.phoneNumbers !== undefined) info.phoneNumbers = record.phoneNumbers;
  if (record.emails !== undefined) info.emails = record.emails;
  if (record.invoiceEmailAddress !== undefined) info.invoiceEmailAddress = record.invoiceEmailAddress;
  info.attachedUsers = record.attachedUsers;
  return info;
}

/** An item of `POST /v1/client/customer/search`'s `customers`. */
export function toSearchResult(record: CustomerRecord): SearchResult {
  return { ...toCustomerInfo(record), address: record.address };
}

/**
 * The name to show for a customer on the login page: the person's names, else the company; none
 * for the placeholder name `{lastName: "-"}` that an empty update leaves (docs/reference.md §3).
 */
export function displayName(record: CustomerRecord): string | undefined {
  const name = record.name;
  if (!name) return undefined;
  const person = [name.firstName, name.middleName, name.lastName === '-' ? null : name.lastName]
    .filter((part): part is string => !isBlank(part))
    .map((part) => part.trim())
    .join(' ');
  if (person !== '') return person;
  return isBlank(name.companyName) ? undefined : name.companyName.trim();
}
