/**
 * A compact many-to-many index from a key hash (key-hash.ts) to customer numbers. Keys are kept as
 * 30-bit hashes rather than strings, which keeps a million customers' indexes small
 * (docs/decisions/003). A collision only adds a candidate: every reader checks candidates against
 * the record itself, so a collision can never produce a wrong answer.
 */
export { IntHashTable as HashIndex } from './int-hash-table.ts';
