import type { CustomerRecord } from '../../spec/index.ts';

/**
 * The customers the runner seeds through a mock's `/__admin/customers` (insert or replace by
 * number), so its checks never depend on the mock's random fixtures. Numbers from 9 900 000 001
 * up, names and streets no generator uses. Listed out of number order on purpose: the order check
 * must see the server sort, not echo insertion order.
 */
export const CONTRACT_USER_ID = 'contract-user-0001';
export const CONTRACT_USER_EMAIL = 'kari.haland@kontrakt.example.no';
export const CONTRACT_USER_PHONE = '+4799000009';
export const SECOND_USER_ID = 'contract-user-0002';
export const SECOND_USER_EMAIL = 'ola.haland@kontrakt.example.no';
/** Six customers share this phone: one more than a search may return (contracts/README.md). */
export const SIX_SHARED_PHONE = '+4799000066';
/** Exactly five customers share this phone: the most a search may return. */
export const FIVE_SHARED_PHONE = '+4799000055';
/** Two of the six hold this product: `productCode` narrows the six to them. */
export const NARROWING_PRODUCT = 'CT0066';

const address = (streetAddress: string, postalCode: string) => ({
  careOfAddress: null,
  streetAddress,
  streetNumber: 7,
  entrance: 'B',
  postalCode,
  postalPlace: 'Kontraktby',
  countryCode: 'NO',
});

function plain(customerNumber: number, lastName: string, phone: string, street: string, products: string[]): CustomerRecord {
  return {
    customerNumber,
    name: { firstName: 'Test', middleName: null, lastName, companyName: null, departmentName: null },
    phoneNumbers: [{ phoneNumber: phone, phoneNumberType: 'mobile' }],
    emails: [],
    invoiceEmailAddress: null,
    attachedUsers: [],
    address: address(street, '9993'),
    products: products.map((productCode) => ({ productCode })),
  };
}

/** The user's own customer: the one the user-mode checks read and write. */
export const CONTRACT_CUSTOMER: CustomerRecord = {
  customerNumber: 9900000001,
  // Every search field has a value, so each gets its own narrowing check (semantic/rules/search-field-checks.ts).
  name: { firstName: 'Kari', middleName: 'Testine', lastName: 'Håland', companyName: 'Kontrakt Testfirma AS', departmentName: 'Kvalitet' },
  phoneNumbers: [
    { phoneNumber: '+4799000001', phoneNumberType: 'personal' },
    { phoneNumber: '+4799000002', phoneNumberType: 'company' },
  ],
  emails: [CONTRACT_USER_EMAIL, 'kari@testfirma.example.no'],
  invoiceEmailAddress: CONTRACT_USER_EMAIL,
  attachedUsers: [
    {
      uniqueId: CONTRACT_USER_ID,
      credentials: [
        { credential: CONTRACT_USER_EMAIL, credentialType: 'A_EMAIL_ADDRESS', verificationLevel: 'Externally_verified' },
        { credential: CONTRACT_USER_PHONE, credentialType: 'B_SMS_PHONE', verificationLevel: 'Not verified' },
      ],
    },
  ],
  address: { ...address('Kontraktveien', '9991'), careOfAddress: 'c/o Kontrakt' },
  products: [{ productCode: 'CT0001' }],
};

/** Same last name and street, another postal code: tells AND from OR in a name/address search. */
export const NEIGHBOUR_CUSTOMER: CustomerRecord = {
  ...plain(9900000002, 'Håland', '+4799000003', 'Kontraktveien', []),
  name: { firstName: 'Ola', middleName: null, lastName: 'Håland', companyName: null, departmentName: null },
  emails: [SECOND_USER_EMAIL],
  attachedUsers: [
    {
      uniqueId: SECOND_USER_ID,
      credentials: [{ credential: SECOND_USER_EMAIL, credentialType: 'A_EMAIL_ADDRESS', verificationLevel: 'Externally_verified' }],
    },
  ],
  address: { ...address('Kontraktveien', '9992') },
};

/**
 * The six differ by parity in every other search field (even numbers: `Partall`, `Parveien`, `SE`,
 * the narrowing product …), so each filter alone leaves three of them: the 5-result rule must be
 * counted after every filter, not on the phone's matches.
 */
function sixSharedRecord(n: number): CustomerRecord {
  const even = n % 2 === 0;
  const pick = <T>(a: T, b: T): T => (even ? a : b);
  return {
    ...plain(n, pick('Mangepar', 'Mangeodde'), SIX_SHARED_PHONE, pick('Parveien', 'Oddeveien'), even ? [NARROWING_PRODUCT] : []),
    name: { firstName: pick('Partall', 'Oddetall'), middleName: pick('Par', 'Odde'), lastName: pick('Mangepar', 'Mangeodde'), companyName: pick('Partall AS', 'Oddetall AS'), departmentName: pick('Paravdeling', 'Oddeavdeling') },
    emails: [pick('mange.par@kontrakt.example.no', 'mange.odde@kontrakt.example.no')],
    address: {
      careOfAddress: pick('c/o Par', 'c/o Odde'), streetAddress: pick('Parveien', 'Oddeveien'), streetNumber: pick(8, 7), entrance: pick('P', 'O'),
      postalCode: pick('9994', '9995'), postalPlace: pick('Parby', 'Oddeby'), countryCode: pick('SE', 'NO'),
    },
  };
}
/** Listed out of number order; the even ones come first in number order: 12, 14, 16. */
const sixShared = [9900000014, 9900000011, 9900000016, 9900000012, 9900000015, 9900000013].map(sixSharedRecord);
export const SIX_SHARED_EVEN = sixShared.filter((r) => r.customerNumber % 2 === 0);
const fiveShared = [9900000023, 9900000021, 9900000025, 9900000022, 9900000024].map((n) =>
  plain(n, `Fem${n % 100}`, FIVE_SHARED_PHONE, 'Femveien', []),
);

/**
 * A customer whose user is detached after the runner took a token for it: the token then belongs
 * to a user with no customer, which user mode answers with 404 (the spec's UserCustomerNotFound).
 */
export const ORPHAN_USER_ID = 'contract-user-orphan';
export const ORPHANING_CUSTOMER: CustomerRecord = {
  ...plain(9900000003, 'Foreldrelaus', '+4799000004', 'Kontraktveien', []),
  attachedUsers: [{ uniqueId: ORPHAN_USER_ID, credentials: [{ credential: 'orphan@kontrakt.example.no', credentialType: 'A_EMAIL_ADDRESS', verificationLevel: null }] }],
};

export const SEED_CUSTOMERS: CustomerRecord[] = [NEIGHBOUR_CUSTOMER, CONTRACT_CUSTOMER, ORPHANING_CUSTOMER, ...sixShared, ...fiveShared];
