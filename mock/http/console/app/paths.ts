/**
 * Field paths as the admin API writes them in its errors (`name.lastName`,
 * `phoneNumbers[0].phoneNumber`), and reading and writing a value at such a path.
 */

export type Path = ReadonlyArray<string | number>;

export function pathText(path: Path): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
}

export function getAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** A copy of `root` with `leaf` at `path`; `undefined` removes the key (a template leaves it out). */
export function setAt(root: unknown, path: Path, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  const base = root !== null && typeof root === 'object' ? root : typeof head === 'number' ? [] : {};
  const copy = (Array.isArray(base) ? [...(base as unknown[])] : { ...base }) as Record<string | number, unknown>;
  const next = setAt(copy[head], rest, leaf);
  if (next === undefined && !Array.isArray(copy)) delete copy[head];
  else copy[head] = next;
  return copy;
}

/**
 * The admin API's validation message split by field: `"emails[0]: must be a valid email; name: …"`
 * → `{"emails[0]": "must be a valid email", name: "…"}`. What names no field lands under `''`.
 */
export function errorsByField(message: string): Record<string, string> {
  const found: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const part of message.split('; ')) {
    const match = /^([A-Za-z][\w]*(?:\[\d+\]|\.[A-Za-z]\w*)*): (.+)$/.exec(part.replace(/^template: /, ''));
    if (match) found[match[1]!] = found[match[1]!] ? `${found[match[1]!]}; ${match[2]}` : match[2]!;
    else unplaced.push(part);
  }
  if (unplaced.length > 0) found[''] = unplaced.join('; ');
  return found;
}
