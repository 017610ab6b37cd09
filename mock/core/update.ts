/**
 * `POST /v1/customer/info`: the replace-all update (docs/reference.md §3). `name`, `phoneNumbers`, `emails`
 * and `invoiceEmailAddress` are replaced; a field left out becomes `null`. `customerNumber` and
 * `attachedUsers` in the body are read-only and ignored; address and products stay as they are.
 * The body has passed the spec's validator, so no other field can be present.
 *
 * @example
 * replaceCustomerInfo(store, 563457, { emails: ['new@example.no'] });
 * // name → {lastName: "-", others null}; phoneNumbers and invoiceEmailAddress → null
 */
import type { CustomerStore } from './customer-store.ts';
import { errors } from './errors.ts';
import { isBlank } from './normalize.ts';
import type { CustomerRecord, CustomerUpdate, Name } from '../../spec/index.ts';

const NAME_FIELDS = ['firstName', 'middleName', 'lastName', 'companyName', 'departmentName'] as const;

/** `customer` is a customer number, or the record just read from `store` (which saves reading it again). */
export function replaceCustomerInfo(
  store: CustomerStore,
  customer: number | CustomerRecord,
  body: CustomerUpdate | null | undefined,
): void {
  const current = typeof customer === 'number' ? store.get(customer) : customer;
  if (!current) throw errors.customerNotFound(customer as number);
  // The store's one write path: indexes follow, so later reads and searches see exactly the new
  // record, which the store keeps as it is (nothing else holds it).
  store.adopt(updatedRecord(current, body));
}

/** The record an update stores, built from the stored one; the store is not touched. */
export function updatedRecord(current: Readonly<CustomerRecord>, body: CustomerUpdate | null | undefined): CustomerRecord {
  return {
    ...current,
    name: replacementName(body?.name),
    phoneNumbers: body?.phoneNumbers ?? null,
    emails: body?.emails ?? null,
    invoiceEmailAddress: body?.invoiceEmailAddress ?? null,
  };
}

/**
 * The name an update stores. Missing, `null`, `{}` or all-blank: the placeholder `{lastName: "-"}`.
 * Content without `lastName` or `companyName`: 400. Otherwise every name field, left-out ones null.
 */
export function replacementName(name: Name | null | undefined): Name {
  const given = name ?? {};
  const hasContent = NAME_FIELDS.some((field) => !isBlank(given[field]));
  if (!hasContent) return { firstName: null, middleName: null, lastName: '-', companyName: null, departmentName: null };
  if (isBlank(given.lastName) && isBlank(given.companyName)) throw errors.nameRule();
  return {
    firstName: given.firstName ?? null,
    middleName: given.middleName ?? null,
    lastName: given.lastName ?? null,
    companyName: given.companyName ?? null,
    departmentName: given.departmentName ?? null,
  };
}
