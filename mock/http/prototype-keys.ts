/**
 * No JSON key may name a prototype (issue 6). `JSON.parse` keeps `"__proto__"` as a plain own key,
 * so parsing is safe; the danger is later code that copies such a key with assignment or a deep
 * merge. The spec's closed schemas already refuse unknown keys, but a `CustomerRecord` (an `allOf`)
 * cannot be closed in OpenAPI 3.0, so the admin API would store them. Refusing the three keys in
 * every JSON body (read-body.ts) closes that door for all routes at once.
 */
import { MAX_JSON_DEPTH } from './json-depth.ts';

/**
 * The path of the first prototype key in a parsed JSON value, looking no deeper than `limit`
 * levels: the body step refuses a deeper body before it asks (read-body.ts), so the recursion is
 * bounded. The path is written only for a key found, on the way back up; a clean body costs a
 * walk and no allocation.
 */
export function prototypeKeyPath(value: unknown, root = 'body', limit = MAX_JSON_DEPTH): string | undefined {
  const below = pathBelow(value, 1, limit);
  return below === undefined ? undefined : root + below;
}

function pathBelow(value: unknown, depth: number, limit: number): string | undefined {
  if (typeof value !== 'object' || value === null || depth > limit) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const below = pathBelow(value[i], depth + 1, limit);
      if (below !== undefined) return `[${i}]${below}`;
    }
    return undefined;
  }
  for (const key in value) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return `.${key}`;
    const below = pathBelow((value as Record<string, unknown>)[key], depth + 1, limit);
    if (below !== undefined) return `.${key}${below}`;
  }
  return undefined;
}
