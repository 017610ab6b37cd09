import type { OpenApiDocument } from './load-spec.ts';

/** An example found in the spec, with the JSON pointer parts of the schema it must satisfy. */
export interface FoundExample {
  /** Where the example sits, as a readable pointer. */
  where: string;
  schemaPath: string[];
  value: unknown;
}

/**
 * Walks the document and collects every `example` and `examples.*.value` of a media type, a
 * parameter, a header, and a schema (the example beside a schema illustrates that schema).
 */
export function findExamples(doc: OpenApiDocument): FoundExample[] {
  const found: FoundExample[] = [];
  walk(doc as unknown as Record<string, unknown>, [], found);
  return found;
}

function walk(node: Record<string, unknown>, path: string[], found: FoundExample[]): void {
  const hasSchema = typeof node.schema === 'object' && node.schema !== null;
  const isSchema = path.length > 0 && (path.at(-2) === 'schemas' || path.at(-2) === 'properties');
  if ('example' in node) {
    if (hasSchema) found.push({ where: path.join('/'), schemaPath: [...path, 'schema'], value: node.example });
    else if (isSchema) found.push({ where: path.join('/'), schemaPath: path, value: node.example });
  }
  if (hasSchema && typeof node.examples === 'object' && node.examples !== null) {
    for (const [name, ex] of Object.entries(node.examples as Record<string, { value?: unknown }>)) {
      found.push({ where: `${path.join('/')}/examples/${name}`, schemaPath: [...path, 'schema'], value: ex.value });
    }
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') continue;
    if (typeof child === 'object' && child !== null) walk(child as Record<string, unknown>, [...path, key], found);
  }
}
