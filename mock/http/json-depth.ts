/**
 * JSON nested deeper than 64 levels is refused in every body (issue 16). No body of this API needs
 * more than five; a client's 10,000 levels parse fine but later overflow the stack of recursive
 * code (`JSON.stringify` in the store, ajv), which was a 500.
 */

/** Deepest nesting of arrays and objects a JSON body may have. */
export const MAX_JSON_DEPTH = 64;

/** True when `value` has arrays or objects nested more than `limit` deep. Iterative, like its input's depth. */
export function isDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
  }
  return false;
}
