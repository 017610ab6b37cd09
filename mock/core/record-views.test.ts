/**
 * The views cut from a record's text (record-views.ts) against the views built from the parsed
 * record (customer-view.ts): over generated and scenario customers, with their members in any
 * order, both must be the same JSON value; in the order the mock writes, the text is cut, never
 * rebuilt. And the store's noted ends follow every write.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { generateCustomers } from '../../fixtures/generate.ts';
import { scenarioCustomers } from '../../fixtures/scenarios.ts';
import { closedSchema } from '../../spec/closed-schema.ts';
import { loadSpec, type CustomerRecord } from '../../spec/index.ts';
import { CustomerStore } from './customer-store.ts';
import { nestedPropertyNames } from './test-records.ts';
import { RecordEncoder } from './encoded-records.ts';
import { INFO_MEMBERS, INFO_VIEW, NOT_A_PREFIX, renderView, SEARCH_VIEW, viewEnds, viewText, type RecordView } from './record-views.ts';

const customers = [...scenarioCustomers(), ...generateCustomers({ seed: 7, count: 200 })];
const VIEWS: RecordView[] = [INFO_VIEW, SEARCH_VIEW];

function cut(record: CustomerRecord, view: RecordView): { text: string; end: number } {
  const text = JSON.stringify(record);
  return { text: viewText(text, viewEnds(record, text)[view], view), end: viewEnds(record, text)[view] };
}

it('cuts every view of a record in the order the mock writes, equal to the view built from the record', () => {
  for (const record of customers) {
    for (const view of VIEWS) {
      const { text, end } = cut(record, view);
      expect(end, `customer ${record.customerNumber}`).not.toBe(NOT_A_PREFIX);
      expect(JSON.parse(text)).toStrictEqual(JSON.parse(JSON.stringify(renderView(record, view))));
    }
  }
});

it('gives the same view whatever order the members come in, cut or rebuilt', () => {
  const shuffled = fc.constantFrom(...customers).chain((record) =>
    fc.shuffledSubarray(Object.keys(record), { minLength: Object.keys(record).length }).map((order) =>
      Object.fromEntries(order.map((key) => [key, record[key as keyof CustomerRecord]])) as unknown as CustomerRecord,
    ),
  );
  fc.assert(
    fc.property(shuffled, fc.constantFrom(...VIEWS), (record, view) => {
      expect(JSON.parse(cut(record, view).text)).toStrictEqual(JSON.parse(JSON.stringify(renderView(record, view))));
    }),
    { seed: 16, numRuns: 500 },
  );
});

it('is not fooled by a hidden member\'s key written inside a value', () => {
  const [sample] = scenarioCustomers();
  const record: CustomerRecord = { ...sample!, name: { ...sample!.name, companyName: 'x","address":{"a":1},"products":[' } };
  for (const view of VIEWS) {
    const { text, end } = cut(record, view);
    expect(end).not.toBe(NOT_A_PREFIX);
    expect(JSON.parse(text)).toStrictEqual(JSON.parse(JSON.stringify(renderView(record, view))));
  }
});

it('rebuilds the view of a record with a member the schema does not know', () => {
  const [sample] = scenarioCustomers();
  const record = { ...sample!, extra: 1 } as CustomerRecord;
  const text = JSON.stringify(record);
  expect(viewEnds(record, text)).toStrictEqual([NOT_A_PREFIX, NOT_A_PREFIX]);
  expect(JSON.parse(viewText(text, NOT_A_PREFIX, INFO_VIEW))).not.toHaveProperty('extra');
});

it('relies on what the spec says of a record: no nested member named like a hidden one, the info members its own', () => {
  const record = closedSchema(loadSpec(), 'CustomerRecord');
  const names = nestedPropertyNames(record);
  expect(names).not.toContain('address');
  expect(names).not.toContain('products');
  const info = closedSchema(loadSpec(), 'CustomerInfo');
  expect(new Set(Object.keys(info.properties as object))).toStrictEqual(INFO_MEMBERS);
});

it('answers a view that follows every write of the store, and of records it took as text', () => {
  const [sample] = scenarioCustomers();
  const store = new CustomerStore([sample!]);
  const read = (view: RecordView) => JSON.parse(store.viewText(sample!.customerNumber, view)!) as Record<string, unknown>;
  expect(read(INFO_VIEW)).toStrictEqual(JSON.parse(JSON.stringify(renderView(sample!, INFO_VIEW))));
  const renamed = { ...sample!, name: { lastName: 'Åsen' }, emails: [] };
  store.upsert([renamed]);
  expect(read(INFO_VIEW)).toMatchObject({ name: { lastName: 'Åsen' }, emails: [] });
  expect(read(SEARCH_VIEW)).toMatchObject({ name: { lastName: 'Åsen' }, address: sample!.address });
  // Members in another order (as a fixture file may have them), adopted as text.
  const { products, ...rest } = renamed;
  const reordered = { products, ...rest, customerNumber: 7, attachedUsers: [] } as CustomerRecord;
  store.upsert([reordered], [JSON.stringify(reordered)]);
  expect(JSON.parse(store.viewText(7, SEARCH_VIEW)!)).toStrictEqual(JSON.parse(JSON.stringify(renderView(reordered, SEARCH_VIEW))));
  expect(store.viewText(8, INFO_VIEW)).toBeUndefined();
});

it('notes the ends of a record loaded as encoded text at its first read, in a slot a deleted record left', () => {
  const [sample] = scenarioCustomers();
  const store = new CustomerStore([sample!]);
  expect(store.viewText(sample!.customerNumber, INFO_VIEW)).toBeDefined();
  store.delete(sample!.customerNumber);
  // Members in another order: the freed slot's old ends would cut this text in the wrong place.
  const other = { customerNumber: 9, address: sample!.address, name: { lastName: 'Berg' }, attachedUsers: [], products: [] } as CustomerRecord;
  const encoder = new RecordEncoder();
  encoder.add(other, JSON.stringify(other));
  expect(store.loadEncoded(encoder.finish())).toBe(1);
  for (const view of VIEWS) {
    expect(JSON.parse(store.viewText(9, view)!)).toStrictEqual(JSON.parse(JSON.stringify(renderView(other, view))));
  }
});
