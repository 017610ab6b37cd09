/**
 * Reading the spec's request schemas as the generators need them: `$ref`s resolved against the
 * document, and the few keywords the generators act on named. The schemas themselves stay in the
 * spec; nothing here restates one.
 */
import type { OpenApiDocument, SchemaObject } from '../../spec/index.ts';

/** A schema with its `$ref` (if any) replaced by the schema it points to. */
export function resolve(doc: OpenApiDocument, schema: SchemaObject): SchemaObject {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string'; hops += 1) {
    if (hops > 20) throw new Error(`$ref loop at ${String(current.$ref)}`);
    current = pointTo(doc, current.$ref);
  }
  return current;
}

function pointTo(doc: OpenApiDocument, ref: string): SchemaObject {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, not ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  if (!node || typeof node !== 'object') throw new Error(`unresolved $ref ${ref}`);
  return node as SchemaObject;
}

export const typeOf = (s: SchemaObject): string | undefined => (typeof s.type === 'string' ? s.type : undefined);
export const isNullable = (s: SchemaObject): boolean => s.nullable === true;
export const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);

export function propertiesOf(s: SchemaObject): Record<string, SchemaObject> {
  return (s.properties as Record<string, SchemaObject> | undefined) ?? {};
}

export function requiredOf(s: SchemaObject): string[] {
  return (s.required as string[] | undefined) ?? [];
}

/** `additionalProperties: false`: the only case where an unknown field is invalid. */
export const closed = (s: SchemaObject): boolean => s.additionalProperties === false;

/** The example values the spec gives for this schema's properties, to reach real data. */
export function exampleOf(s: SchemaObject, property: string): unknown {
  const example = s.example as Record<string, unknown> | undefined;
  return example && typeof example === 'object' ? example[property] : undefined;
}

/** `a.b[0].c`: how a report names a place inside a body. */
export function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}
