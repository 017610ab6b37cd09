/**
 * The domain types, generated from the spec (`npm run gen:types` writes `spec-types.ts`), never
 * written by hand a second time.
 */
import type { components } from './spec-types.ts';

type Schemas = components['schemas'];

export type CustomerRecord = Schemas['CustomerRecord'];
export type CustomerInfo = Schemas['CustomerInfo'];
/** Not in the reference: the profile of `GET /v1/customer/profile`. */
export type Profile = Schemas['Profile'];
export type CustomerUpdate = Schemas['CustomerUpdate'];
export type Name = NonNullable<Schemas['Name']>;
export type PhoneNumber = Schemas['PhoneNumber'];
export type AttachedUser = Schemas['AttachedUser'];
export type Credential = Schemas['Credential'];
export type Address = Schemas['Address'];
export type Product = Schemas['Product'];
export type SearchRequest = Schemas['SearchRequest'];
export type SearchResult = Schemas['SearchResult'];
export type CredentialCheckResult = Schemas['CredentialCheckResult'];
