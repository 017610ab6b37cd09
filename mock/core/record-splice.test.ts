/**
 * The text an update writes by keeping the old text's unchanged members (record-splice.ts) must be
 * `JSON.stringify` of the new record, byte for byte, whatever the update changed; and the store's
 * views (whose ends move with the kept text) must stay those built from the record.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { generateCustomers } from '../../fixtures/generate.ts';
import { scenarioCustomers } from '../../fixtures/scenarios.ts';
import { closedSchema } from '../../spec/closed-schema.ts';
import { loadSpec, type CustomerRecord } from '../../spec/index.ts';
import { CustomerStore } from './customer-store.ts';
import { nestedPropertyNames } from './test-records.ts';
import { RECORD_MEMBERS, spliceText } from './record-splice.ts';
import { INFO_VIEW, renderView, SEARCH_VIEW, type RecordView } from './record-views.ts';
import { replaceCustomerInfo } from './update.ts';

const customers = [...scenarioCustomers(), ...generateCustomers({ seed: 11, count: 200 })];
const VIEWS: RecordView[] = [INFO_VIEW, SEARCH_VIEW];

it('relies on what the spec says of a record: its members are these, and none is named again below the top', () => {
  const record = closedSchema(loadSpec(), 'CustomerRecord');
  expect(new Set(Object.keys(record.properties as object))).toStrictEqual(RECORD_MEMBERS);
  const nested = new Set(nestedPropertyNames(record));
  expect([...RECORD_MEMBERS].filter((member) => nested.has(member))).toStrictEqual([]);
});

it('writes exactly JSON.stringify of the new record, for any change of any members', () => {
  const change = fc.record({
    record: fc.constantFrom(...customers),
    // Which members get a new value (a fresh copy, or another customer's), by position.
    changed: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    donor: fc.constantFrom(...customers),
  });
  let spliced = 0;
  fc.assert(
    fc.property(change, ({ record, changed, donor }) => {
      const old = Object.freeze({ ...record });
      const next = { ...old } as Record<string, unknown>;
      Object.keys(old).forEach((key, i) => {
        if (changed[i] && key !== 'customerNumber') next[key] = structuredClone((donor as unknown as Record<string, unknown>)[key] ?? null);
      });
      const result = spliceText(JSON.stringify(old), old, next as unknown as CustomerRecord);
      if (result === undefined) return;
      spliced++;
      expect(result.text).toBe(JSON.stringify(next));
      expect(result.shift).toBe(result.text.length - JSON.stringify(old).length);
    }),
    { seed: 23, numRuns: 1000 },
  );
  expect(spliced).toBeGreaterThan(300);
});

it('keeps the text an update leaves alone, and is not fooled by its key written inside a new value', () => {
  const [sample] = scenarioCustomers();
  const old = sample!;
  const next = { ...old, name: { ...old.name!, companyName: 'x,"attachedUsers":[],"address":' }, emails: ['ny@example.no'] };
  const result = spliceText(JSON.stringify(old), old, next);
  expect(result?.text).toBe(JSON.stringify(next));
  // The invoice address is the same string, so its text is kept too.
  expect(result?.keptFrom).toBe(JSON.stringify(old).indexOf(',"invoiceEmailAddress":'));
});

it('writes nothing when nothing can be kept: other members, another order, the last member changed, or an unknown member', () => {
  const [sample] = scenarioCustomers();
  const text = JSON.stringify(sample);
  const { products, ...rest } = sample!;
  expect(spliceText(text, sample!, { ...sample!, products: [...products] })).toBeUndefined();
  expect(spliceText(text, sample!, { products, ...rest })).toBeUndefined();
  expect(spliceText(text, sample!, { ...rest } as CustomerRecord)).toBeUndefined();
  const extra = { ...sample!, note: 'x' } as CustomerRecord;
  expect(spliceText(JSON.stringify(extra), extra, { ...extra, name: null })).toBeUndefined();
  expect(spliceText(text, sample!, { ...sample! })).toBeUndefined();
});

it('leaves the store with the views of the record an update wrote, read before and after', () => {
  const store = new CustomerStore(customers);
  fc.assert(
    fc.property(fc.constantFrom(...customers), fc.constantFrom(...customers), fc.boolean(), (target, donor, readFirst) => {
      const number = target.customerNumber;
      if (readFirst) for (const view of VIEWS) store.viewText(number, view);
      replaceCustomerInfo(store, store.peek(number)!, {
        name: donor.name,
        phoneNumbers: donor.phoneNumbers,
        emails: donor.emails,
        invoiceEmailAddress: donor.invoiceEmailAddress,
      });
      const record = store.get(number)!;
      expect(store.getJson(number)).toBe(JSON.stringify(record));
      for (const view of VIEWS) {
        expect(JSON.parse(store.viewText(number, view)!)).toStrictEqual(JSON.parse(JSON.stringify(renderView(record, view))));
      }
    }),
    { seed: 5, numRuns: 300 },
  );
});
