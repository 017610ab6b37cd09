/**
 * Search checked by rule, field by field (docs/contract-rules.md): for EACH field of the spec's
 * search request, a query that differs from one finding the customer in that field only must
 * leave the customer out, so a field the server ignores fails the run; every field at once must
 * find it (AND); and the five-result limit is counted after each filter, not on the matches of
 * the phone alone.
 */
import { CheckFailure, CheckSkip } from '../../runner/results.ts';
import { SIX_SHARED_EVEN, SIX_SHARED_PHONE } from '../../runner/seed-customers.ts';
import { admin, needClient, needMock, needOwn, type Target } from '../../runner/target.ts';
import type { SemanticCheck } from '../check.ts';
import { expectSearch } from '../search-checks.ts';
import { fullQueryOf, otherValueOf, ownValueOf, SEARCH_FIELDS, type SearchSubject } from './search-fields.ts';

const OPERATION = 'searchCustomers';

/** The user's own customer with its address and, on the mock, its products (read through /__admin). */
async function subjectOf(t: Target): Promise<SearchSubject> {
  const info = needOwn(t);
  needClient(t);
  let products: string[] | undefined;
  if (t.adminUrl) {
    const record = (await admin(t, { method: 'GET', path: `/customers/${info.customerNumber}` })).json as { products?: Array<{ productCode: string }> } | undefined;
    products = record?.products?.map((p) => p.productCode);
  }
  return { info, address: t.ownAddress ?? null, ...(products ? { products } : {}) };
}

function needValue(subject: SearchSubject, field: string): string | number {
  const value = ownValueOf(subject, field);
  if (value !== undefined) return value;
  if (field === 'productCode') throw new CheckSkip("the own customer's products are not known (user mode does not show them; the mock's /__admin does)");
  throw new CheckSkip(`the own customer has no ${field} to search with`);
}

const EVERY_FIELD: SemanticCheck = {
  group: 'search.fields',
  name: "a search of every field with the customer's own values finds it (AND)",
  covers: [`${OPERATION} 200`],
  run: async (t) => {
    const subject = await subjectOf(t);
    await expectSearch(t, fullQueryOf(subject), { status: 200, includes: subject.info.customerNumber });
  },
};

const NARROWING: SemanticCheck[] = SEARCH_FIELDS.map((field) => ({
  group: 'search.fields',
  name: `${field}: a value differing only in ${field} leaves the customer out`,
  covers: [`${OPERATION} 200`],
  run: async (t) => {
    const subject = await subjectOf(t);
    const own = needValue(subject, field);
    const query = { ...fullQueryOf(subject), [field]: otherValueOf(field, own) };
    try {
      await expectSearch(t, query, { status: 200, includesOwn: false });
    } catch (error) {
      if (!(error instanceof CheckFailure)) throw error;
      throw new CheckFailure(`${error.message}: the server ignores ${field} (another ${field} than the customer's, every other field its own)`, error.exchange);
    }
  },
}));

const EVEN_NUMBERS = SIX_SHARED_EVEN.map((r) => r.customerNumber).sort((a, b) => a - b);

/** Six customers share a phone; each other field's even value is held by three of them. */
const LIMIT_AFTER_FILTER: SemanticCheck[] = SEARCH_FIELDS.filter((field) => field !== 'phoneNumber').map((field) => ({
  group: 'search.limit',
  name: `the five-result limit is counted after the ${field} filter`,
  covers: [`${OPERATION} 200`],
  run: async (t) => {
    needClient(t);
    needMock(t, 'six customers sharing a phone and differing in every other field');
    const even = ownValueOf({ info: SIX_SHARED_EVEN[0]!, address: SIX_SHARED_EVEN[0]!.address, products: SIX_SHARED_EVEN[0]!.products.map((p) => p.productCode) }, field);
    if (even === undefined) throw new CheckFailure(`the seeded six have no ${field}: the check of this field cannot run (runner/seed-customers.ts)`);
    await expectSearch(t, { phoneNumber: SIX_SHARED_PHONE, [field]: even }, { status: 200, exactly: EVEN_NUMBERS });
  },
}));

export const SEARCH_FIELD_CHECKS: SemanticCheck[] = [EVERY_FIELD, ...NARROWING, ...LIMIT_AFTER_FILTER];
