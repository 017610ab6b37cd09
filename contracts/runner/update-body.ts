import type { CustomerInfo, CustomerUpdate } from '../../spec/index.ts';

/**
 * The update body that writes a customer's data back as it was read: the four fields the
 * replace-all update owns (contracts/README.md). Sending it is how every write of a run is undone.
 */
export function updateBodyOf(customer: CustomerInfo): NonNullable<CustomerUpdate> {
  return {
    name: customer.name ?? null,
    phoneNumbers: customer.phoneNumbers ?? null,
    emails: customer.emails ?? null,
    invoiceEmailAddress: customer.invoiceEmailAddress ?? null,
  };
}
