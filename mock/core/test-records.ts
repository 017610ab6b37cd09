/**
 * Records for the core's tests: the reference's sample customer (DESIGN.md §1) and a builder for
 * variations of it. Test support only; the fixtures generator lives in `fixtures/`.
 */
import { sampleCustomer } from '../../fixtures/scenario-sample.ts';
import type { CustomerRecord } from './types.ts';

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
