/**
 * JSON nested deeper than 64 levels is refused in every body (issue 16). No body of this API needs
 * more than five; a client's 10,000 levels parse fine but later overflow the stack of recursive
 * code (`JSON.stringify` in the store, ajv), which was a 500. The journal asks the same of the
 * bodies it renders (journal-entry.ts) and of its query patterns (journal-input.ts).
 */

/** Deepest nesting of arrays and objects a JSON body may have. */
export const MAX_JSON_DEPTH = 64;

/**
 * True when `value` has arrays or objects nested more than `limit` deep. It recurses, but never
 * below `limit + 1` levels, whatever the input's depth; and it makes nothing (a queue of pairs
 * was a tenth of what parsing an update's body cost).
 */
export function isDeeperThan(value: unknown, limit: number): boolean {
  return deeper(value, 1, limit);
}

function deeper(value: unknown, depth: number, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth > limit) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (deeper(value[i], depth + 1, limit)) return true;
    return false;
  }
  for (const key in value) if (deeper((value as Record<string, unknown>)[key], depth + 1, limit)) return true;
  return false;
}
