import { CheckSkip } from '../runner/results.ts';
import { needOwn, type Target } from '../runner/target.ts';

/** What the search scenarios know of the user's own customer: the values they search with. */
export interface SearchFacts {
  own: number;
  phone: string;
  email: string;
  lastName?: string;
  companyName?: string;
  street?: string;
  postalCode?: string;
  postalPlace?: string;
}

export function searchFacts(target: Target): SearchFacts {
  const own = needOwn(target);
  const phone = own.phoneNumbers?.[0]?.phoneNumber;
  const email = own.emails?.[0];
  if (!phone || !email) throw new CheckSkip('the own customer has no phone number or no email to search for');
  const address = target.ownAddress;
  return {
    own: own.customerNumber,
    phone,
    email,
    lastName: own.name?.lastName ?? undefined,
    companyName: own.name?.companyName ?? undefined,
    street: address?.streetAddress ?? undefined,
    postalCode: address?.postalCode ?? undefined,
    postalPlace: address?.postalPlace ?? undefined,
  };
}

/** The own customer's name/address search fields, or a skip saying which are unknown. */
export function nameAddress(f: SearchFacts): { lastName: string; streetAddress: string; postalCode: string } {
  if (!f.lastName || !f.street || !f.postalCode) {
    throw new CheckSkip("the own customer's last name, street and postal code are not all known (the address comes from a search by its phone)");
  }
  return { lastName: f.lastName, streetAddress: f.street, postalCode: f.postalCode };
}

/** Swaps the case of every letter: `Håland` → `hÅLAND`, unlike the stored value in every letter. */
export function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}
