/**
 * Records for the core's tests: the reference's sample customer (docs/reference.md §1), a builder for
 * variations of it, and a view of a whole store to compare two. Test support only; the fixtures
 * generator lives in `fixtures/`.
 */
import { sampleCustomer } from '../../fixtures/scenario-sample.ts';
import type { CustomerStore } from './customer-store.ts';
import { INDEX_NAMES, recordKeys } from './store-indexes.ts';
import type { CustomerRecord, SchemaObject } from '../../spec/index.ts';

// The sample customer is the fixtures' own, so the core's tests and the scenario data never drift.
export { sampleCustomer };

/**
 * A customer with its own number, phone, email and user (so that it claims nothing another has),
 * living at the sample's address unless `overrides` says otherwise.
 */
export function customer(customerNumber: number, overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  const base = sampleCustomer();
  const email = `customer${customerNumber}@example.no`;
  return {
    ...base,
    customerNumber,
    name: { firstName: 'Kari', middleName: null, lastName: 'Hansen', companyName: null, departmentName: null },
    phoneNumbers: [{ phoneNumber: `+479${String(customerNumber).padStart(7, '0')}`, phoneNumberType: 'mobile' }],
    emails: [email],
    invoiceEmailAddress: email,
    attachedUsers: [
      {
        uniqueId: `user-${customerNumber}`,
        credentials: [{ credential: email, credentialType: 'A_EMAIL_ADDRESS', verificationLevel: 'Externally_verified' }],
      },
    ],
    products: [],
    ...overrides,
  };
}

/**
 * Everything a reader of a store can see, to compare two stores: every record's text in number
 * order, each index's size, and what each index answers for every key of every record.
 */
export function storeContents(store: CustomerStore) {
  const json = [...store.allJson()];
  const lookups = json.map((text) => {
    const keys = recordKeys(JSON.parse(text) as CustomerRecord);
    return INDEX_NAMES.map((name) => keys[name].map((key) => [...store.indexes[name].get(key)].sort((a, b) => a - b)));
  });
  return { json, sizes: INDEX_NAMES.map((name) => store.indexes[name].size), lookups };
}

/** Every property name at any depth below the top of a schema (closed-schema.ts gives one whole). */
export function nestedPropertyNames(schema: SchemaObject, top = true): string[] {
  const properties = (schema.properties ?? {}) as Record<string, SchemaObject>;
  const below = Object.values(properties).flatMap((child) => nestedPropertyNames(child, false));
  const items = schema.items && typeof schema.items === 'object' ? nestedPropertyNames(schema.items as SchemaObject, false) : [];
  return [...(top ? [] : Object.keys(properties)), ...below, ...items];
}
