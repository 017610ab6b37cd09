/**
 * The documented business answers to a request that is valid against its schema: the rules the
 * spec writes in prose, not in a schema (contracts/README.md). `positive_data_acceptance` accepts these
 * statuses and no others. Where the prose leaves a reading open (is a blank `lastName` a last
 * name?), both readings are accepted and `why` says so.
 */
export interface Acceptance {
  accept: number[];
  why: string;
}

type Rule = (body: unknown) => Acceptance;

const trimmed = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
const given = (v: unknown): boolean => v !== undefined && v !== null;

/**
 * The search needs (1) companyName or lastName, and streetAddress, and postalCode or postalPlace;
 * or (2) phoneNumber; or (3) email. More than 5 matches is 403, a data question the fuzzer cannot
 * know, so a search that meets the rule accepts 200 and 403.
 */
export function searchRule(body: unknown): Acceptance {
  const b = (body ?? {}) as Record<string, unknown>;
  const meets = (has: (v: unknown) => boolean): boolean =>
    ((has(b.companyName) || has(b.lastName)) && has(b.streetAddress) && (has(b.postalCode) || has(b.postalPlace))) ||
    has(b.phoneNumber) ||
    has(b.email);
  if (meets(trimmed)) return { accept: [200, 403], why: 'meets the search rule: 200, or 403 when more than 5 customers match' };
  if (!meets(given)) return { accept: [400], why: 'breaks the search rule (name and address, phoneNumber or email): 400' };
  return { accept: [200, 400, 403], why: 'meets the search rule only with a blank field: 200, 403, or 400 if blank counts as absent' };
}

const NAME_FIELDS = ['firstName', 'middleName', 'lastName', 'companyName', 'departmentName'];

/**
 * The update: a `name` with content but neither `lastName` nor `companyName` is 400; a missing,
 * `null` or empty name becomes `{lastName: "-"}` (200).
 */
export function updateNameRule(body: unknown): Acceptance {
  const name = (body as { name?: unknown } | null | undefined)?.name;
  if (!name || typeof name !== 'object') return { accept: [200], why: 'no name: it becomes {lastName: "-"}' };
  const n = name as Record<string, unknown>;
  const hasKey = (has: (v: unknown) => boolean) => NAME_FIELDS.some((f) => has(n[f]));
  const hasLast = (has: (v: unknown) => boolean) => has(n.lastName) || has(n.companyName);
  if (hasLast(trimmed)) return { accept: [200], why: 'the name has lastName or companyName' };
  if (!hasKey(given) && Object.keys(n).length === 0) return { accept: [200], why: 'an empty name: it becomes {lastName: "-"}' };
  if (hasKey(trimmed) && !hasLast(given)) return { accept: [400], why: 'a name with content but neither lastName nor companyName: 400' };
  return { accept: [200, 400], why: 'a name of nulls or blanks: 200 if read as empty, 400 if read as content without lastName' };
}

const ALWAYS_200: Rule = () => ({ accept: [200], why: 'valid input' });

/** Per operation; an operation missing here stops the run, so a new one cannot go unclassified. */
export const BUSINESS_RULES: Record<string, Rule> = {
  getCustomerInfo: ALWAYS_200,
  getCustomerProfile: ALWAYS_200,
  updateCustomerInfo: updateNameRule,
  searchCustomers: searchRule,
  checkCredentialCustomers: ALWAYS_200,
  getClientCustomerInfo: () => ({ accept: [200, 404], why: 'a valid customer number: 200, or 404 when no customer has it' }),
};

export function acceptanceFor(operationId: string, body: unknown): Acceptance {
  const rule = BUSINESS_RULES[operationId];
  if (!rule) throw new Error(`no business rule is written for operation ${operationId}: add it to business-rules.ts`);
  return rule(body);
}
