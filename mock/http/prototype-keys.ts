/**
 * No JSON key may name a prototype (issue 6). `JSON.parse` keeps `"__proto__"` as a plain own key,
 * so parsing is safe; the danger is later code that copies such a key with assignment or a deep
 * merge. The spec's closed schemas already refuse unknown keys, but a `CustomerRecord` (an `allOf`)
 * cannot be closed in OpenAPI 3.0, so the admin API would store them. Refusing the three keys in
 * every JSON body (read-body.ts) closes that door for all routes at once.
 */

export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A step of a path, kept as a link to its parent so that no string is built unless a key is found. */
interface Step {
  parent: Step | undefined;
  segment: string;
}

/** The path of the first prototype key in a parsed JSON value. Iterative: nesting depth is the client's. */
export function prototypeKeyPath(value: unknown, root = 'body'): string | undefined {
  const pending: Array<[unknown, Step]> = [[value, { parent: undefined, segment: root }]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, step] = next;
    if (Array.isArray(node)) {
      node.forEach((item, index) => isObject(item) && pending.push([item, { parent: step, segment: `[${index}]` }]));
      continue;
    }
    if (!isObject(node)) continue;
    for (const key of Object.keys(node)) {
      if (PROTOTYPE_KEYS.has(key)) return render({ parent: step, segment: `.${key}` });
      const child = node[key];
      if (isObject(child)) pending.push([child, { parent: step, segment: `.${key}` }]);
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function render(step: Step | undefined): string {
  const segments: string[] = [];
  for (let at = step; at; at = at.parent) segments.push(at.segment);
  return segments.reverse().join('');
}
