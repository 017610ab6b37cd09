/**
 * The text of a record's new version written from its old text where the two share members: an
 * update replaces `name`, `phoneNumbers`, `emails` and `invoiceEmailAddress` and keeps the rest
 * (update.ts builds the new record with the very same `attachedUsers`, `address` and `products`),
 * so only the new members are serialised and the rest of the old text is kept as it is. A whole
 * stringify was the largest part of an update's store work (docs/decisions/021).
 *
 * The kept part starts at its first member's key (`,"attachedUsers":`), the first place that text
 * occurs: JSON text escapes every `"` inside a string, and no member below the top of a record's
 * schema is named like a top-level one (record-splice.test.ts checks the spec for it). A record
 * with a member the schema does not name is written whole, since nothing is known of its value.
 */
import type { CustomerRecord } from '../../spec/index.ts';
import { INFO_MEMBERS } from './record-views.ts';

/** A record's top-level members in the spec (CustomerRecord): the ones whose text may be kept. */
export const RECORD_MEMBERS: ReadonlySet<string> = new Set([...INFO_MEMBERS, 'address', 'products']);

export interface SplicedText {
  text: string;
  /** Where the kept text starts in the old text (at its comma), and how far it moved in the new one. */
  keptFrom: number;
  shift: number;
}

/**
 * The JSON text of `next`, which is `JSON.stringify(next)`, given that `oldText` is
 * `JSON.stringify(old)`; `undefined` when nothing can be kept (the members differ in name or
 * order, none at the end is the very same value, or one of those is not the schema's).
 */
export function spliceText(oldText: string, old: Readonly<CustomerRecord>, next: CustomerRecord): SplicedText | undefined {
  const keys = Object.keys(next);
  const oldKeys = Object.keys(old);
  if (keys.length !== oldKeys.length) return undefined;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== oldKeys[i] || !RECORD_MEMBERS.has(keys[i]!)) return undefined;
  const members = next as unknown as Record<string, unknown>;
  const oldMembers = old as unknown as Record<string, unknown>;
  // The members kept: the longest run at the end whose values are the old record's own, and
  // defined (JSON.stringify leaves out an undefined member, which then has no text to find).
  let kept = keys.length;
  while (kept > 0) {
    const key = keys[kept - 1]!;
    const value = members[key];
    if (value !== oldMembers[key] || value === undefined) break;
    kept--;
  }
  if (kept === keys.length || kept === 0) return undefined;
  const from = oldText.indexOf(`,"${keys[kept]}":`);
  if (from < 0) return undefined;
  const head: Record<string, unknown> = {};
  for (let i = 0; i < kept; i++) head[keys[i]!] = members[keys[i]!];
  const headText = JSON.stringify(head);
  // `{}` when every new member is undefined: then the kept text would start the object, without
  // its comma, which is rare enough to leave to a whole stringify.
  if (headText.length === 2) return undefined;
  const text = headText.slice(0, -1) + oldText.slice(from);
  return { text, keptFrom: from, shift: text.length - oldText.length };
}
