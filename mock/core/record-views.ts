/**
 * The API's two views of a stored record, cut from its JSON text instead of parsed, rebuilt and
 * serialised again. Client info (and user-mode info) shows the record less `address` and
 * `products`; a search result shows it less `products` (customer-view.ts says which fields). When
 * the hidden members come last in the text, as they do in every record the mock writes, a view is
 * the text up to the first hidden member, closed with `}`: parsing and serialising the record was
 * a fifth of what a client-info answer cost (docs/decisions/021). A record in another order gets
 * its view built from the parsed record (`renderView`): the same members, whichever way.
 *
 * Cutting at `,"address":` is safe because JSON text escapes every `"` inside a string, and no
 * member of a record's schema below the top level is named `address` or `products`
 * (record-views.test.ts checks the spec for it).
 */
import type { CustomerRecord } from '../../spec/index.ts';
import { toCustomerInfo, toSearchResult } from './customer-view.ts';

export const INFO_VIEW = 0;
export const SEARCH_VIEW = 1;
export type RecordView = typeof INFO_VIEW | typeof SEARCH_VIEW;

/** A view's end when the record's text cannot be cut for it. */
export const NOT_A_PREFIX = -1;

export const INFO_MEMBERS: ReadonlySet<string> = new Set(['customerNumber', 'name', 'phoneNumbers', 'emails', 'invoiceEmailAddress', 'attachedUsers']);
/** What each view leaves out: besides these, a record has the info members only. */
const HIDDEN: Record<RecordView, ReadonlySet<string>> = {
  [INFO_VIEW]: new Set(['address', 'products']),
  [SEARCH_VIEW]: new Set(['products']),
};

/**
 * Where each view of `record` ends in `text` (the record's JSON text, as JSON.stringify writes it):
 * the index of the first hidden member's comma, or of the closing brace when nothing is hidden;
 * `NOT_A_PREFIX` when a hidden member comes before a shown one, or a member is none of the schema's.
 */
export function viewEnds(record: CustomerRecord, text: string): [info: number, search: number] {
  const members = Object.keys(record);
  return [viewEnd(members, text, INFO_VIEW), viewEnd(members, text, SEARCH_VIEW)];
}

function viewEnd(members: readonly string[], text: string, view: RecordView): number {
  const hidden = HIDDEN[view];
  let tail = members.length;
  while (tail > 0 && hidden.has(members[tail - 1]!)) tail--;
  for (let i = 0; i < tail; i++) {
    const member = members[i]!;
    if (!INFO_MEMBERS.has(member) && (view === INFO_VIEW || member !== 'address')) return NOT_A_PREFIX;
  }
  // From the end back: each hidden member's text lies between its own key and the next one's.
  let end = text.length - 1;
  for (let i = members.length - 1; i >= tail; i--) {
    end = text.lastIndexOf(`,"${members[i]}":`, end - 1);
    if (end < 0) return NOT_A_PREFIX;
  }
  return end;
}

/** The view's JSON text, cut at `end` (from `viewEnds`) or, for `NOT_A_PREFIX`, built from the record. */
export function viewText(text: string, end: number, view: RecordView): string {
  if (end === text.length - 1) return text;
  if (end !== NOT_A_PREFIX) return `${text.slice(0, end)}}`;
  const record = JSON.parse(text) as CustomerRecord;
  return JSON.stringify(renderView(record, view));
}

export function renderView(record: CustomerRecord, view: RecordView): object {
  return view === INFO_VIEW ? toCustomerInfo(record) : toSearchResult(record);
}
