/**
 * Records for the core's tests: the reference's sample customer (DESIGN.md §1) and a builder for
 * variations of it. Test support only; the fixtures generator lives in `fixtures/`.
 */
import type { CustomerRecord } from './types.ts';

export function sampleCustomer(): CustomerRecord {
  return {
    customerNumber: 563457,
    name: {
      firstName: 'Ola',
      middleName: 'Solstrand',
      lastName: 'Nordmann',
      companyName: 'Company International Ltd',
      departmentName: 'Support',
    },
    phoneNumbers: [
      { phoneNumber: '+4712345678', phoneNumberType: 'personal' },
      { phoneNumber: '+4723339100', phoneNumberType: 'company' },
    ],
    emails: ['ola.nordmann@hotmail.no', 'ola.nordmann@company.com'],
    invoiceEmailAddress: 'ola.nordmann@hotmail.no',
    attachedUsers: [
      {
        uniqueId: 'abc123ee63461dd',
        credentials: [
          { credential: 'ola.nordmann@hotmail.no', credentialType: 'A_EMAIL_ADDRESS', verificationLevel: 'Externally_verified' },
          { credential: '+4790123456', credentialType: 'B_SMS_PHONE', verificationLevel: 'Not verified' },
        ],
      },
    ],
    address: {
      careOfAddress: null,
      streetAddress: 'Grubbegata',
      streetNumber: 6,
      entrance: 'A',
      postalCode: '0179',
      postalPlace: 'Oslo',
      countryCode: 'NO',
    },
    products: [{ productCode: 'CO27409' }],
  };
}

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
