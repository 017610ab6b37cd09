import { REMOVE, type Path, type Violation } from './violations.ts';

/**
 * A valid body with one violation in it: the containers on the way are taken from the base when
 * it has them (a copy), else from the spec's example of the container, so that only the one rule
 * is broken (an item of `phoneNumbers` keeps its required `phoneNumber`).
 */
export function applyViolation(base: Record<string, unknown>, violation: Violation): Record<string, unknown> {
  const body = structuredClone(base);
  let node: Record<string | number, unknown> = body;
  const { path } = violation;
  for (let depth = 0; depth < path.length - 1; depth++) {
    const key = path[depth]!;
    const existing = node[key];
    if (existing === null || typeof existing !== 'object' || (Array.isArray(existing) && existing.length === 0)) {
      node[key] = structuredClone(exampleAt(violation, path.slice(0, depth + 1)));
    }
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (violation.value === REMOVE) delete node[last];
  else node[last] = violation.value;
  return body;
}

function exampleAt(violation: Violation, at: Path): unknown {
  const found = violation.containers.find((c) => c.at.length === at.length && c.at.every((part, i) => part === at[i]));
  return found?.example ?? (typeof violation.path[at.length] === 'number' ? [] : {});
}
