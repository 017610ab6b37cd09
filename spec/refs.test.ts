import { expect, it } from 'vitest';
import { loadSpec } from './load-spec.ts';

/** Follows a local `#/a/b` pointer through the document. */
function resolvePointer(doc: unknown, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
}

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => collectRefs(child, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else collectRefs(value, out);
    }
  }
  return out;
}

it('resolves every $ref of the spec to a local definition', () => {
  const doc = loadSpec();
  const refs = collectRefs(doc);
  expect(refs.length).toBeGreaterThan(50);
  const broken = refs.filter((ref) => !ref.startsWith('#/') || resolvePointer(doc, ref) === undefined);
  expect(broken).toEqual([]);
});
