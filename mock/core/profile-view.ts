/**
 * The ConnectID profile of a logged-in user (`GET /v1/customer/profile`, an addition to the
 * reference for public login libraries): who the user is, which customer holds it, and the
 * credential the user logged in with.
 */
import type { AttachedUser, CustomerRecord, Profile } from '../../spec/index.ts';
import { userIdOf } from './user-id.ts';

/**
 * @param loggedInWith the credential given at login, if any; shown when the user still holds it,
 *   else the user's first credential is.
 */
export function toProfile(record: CustomerRecord, uniqueId: string, loggedInWith?: string): Profile {
  const user = record.attachedUsers.find((attached) => attached.uniqueId === uniqueId);
  const held = user ? credentialOf(user, loggedInWith) : undefined;
  // A field the record leaves out stays out, as in the info endpoints (customer-view.ts).
  return {
    userId: userIdOf(uniqueId),
    uniqueId,
    customerNumber: record.customerNumber,
    name: record.name,
    ...(record.phoneNumbers !== undefined ? { phoneNumbers: record.phoneNumbers } : {}),
    ...(record.emails !== undefined ? { emails: record.emails } : {}),
    credential: held ? { credential: held.credential, credentialType: typeLetter(held.credential, held.credentialType) } : null,
  };
}

/** Emails compare case-insensitively, as logins do; a phone is E.164 and compares exactly. */
function credentialOf(user: AttachedUser, loggedInWith: string | undefined) {
  const wanted = loggedInWith?.trim().toLowerCase();
  return user.credentials.find((held) => held.credential.toLowerCase() === wanted) ?? user.credentials[0];
}

/** ConnectID's letters: `A` an email, `B` a phone; any other the first letter of its stored type (`A_EMAIL_ADDRESS`). */
function typeLetter(credential: string, storedType: string): string {
  if (credential.includes('@')) return 'A';
  if (/^\+[1-9][0-9]{1,14}$/.test(credential)) return 'B';
  const first = storedType.charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : 'A';
}
