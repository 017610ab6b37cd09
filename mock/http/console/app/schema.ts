/**
 * The forms' source: the spec's schemas as the mock serves them (`/openapi.json`), resolved into a
 * small tree of fields. A field of `CustomerRecord` that the spec gains, loses or re-bounds is a
 * field the form gains, loses or re-bounds; nothing here names a field of the record.
 */
import { api } from './api.ts';

export type Field = ObjectField | ArrayField | ValueField;

interface Common {
  nullable: boolean;
  description: string | undefined;
}

export interface ObjectField extends Common {
  kind: 'object';
  properties: Array<{ name: string; field: Field; required: boolean }>;
}

export interface ArrayField extends Common {
  kind: 'array';
  items: Field;
}

export interface ValueField extends Common {
  kind: 'string' | 'integer' | 'number' | 'boolean';
  maxLength: number | undefined;
  minLength: number | undefined;
  pattern: string | undefined;
  format: string | undefined;
}

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  nullable?: boolean;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
}

let schemas: Promise<Record<string, Schema>> | undefined;

/** The named component schema (`CustomerRecord`, `SearchRequest`, …) as a field tree. */
export async function componentField(name: string): Promise<ObjectField> {
  schemas ??= api<{ components: { schemas: Record<string, Schema> } }>('/openapi.json').then((answer) => answer.body.components.schemas);
  return fieldOf(await schemas, name);
}

/** `name` among the spec's component schemas, as a field tree; exported for tests that read the spec from disk. */
export function fieldOf(all: Record<string, Schema>, name: string): ObjectField {
  const field = resolve(all, { $ref: `#/components/schemas/${name}` }, 0);
  if (field.kind !== 'object') throw new Error(`The spec's ${name} is not an object schema.`);
  return field;
}

function resolve(all: Record<string, Schema>, schema: Schema, depth: number): Field {
  if (depth > 20) throw new Error('The spec nests its schemas too deeply for a form.');
  if (schema.$ref) {
    const target = all[schema.$ref.replace('#/components/schemas/', '')];
    if (!target) throw new Error(`The spec has no schema ${schema.$ref}.`);
    return withOwn(resolve(all, target, depth + 1), schema);
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolve(all, part, depth + 1));
    const properties = parts.flatMap((part) => (part.kind === 'object' ? part.properties : []));
    return { kind: 'object', properties, nullable: schema.nullable === true, description: schema.description };
  }
  const common = { nullable: schema.nullable === true, description: schema.description };
  if (schema.type === 'object' || schema.properties) {
    const required = new Set(schema.required ?? []);
    const properties = Object.entries(schema.properties ?? {}).map(([name, child]) => ({ name, field: resolve(all, child, depth + 1), required: required.has(name) }));
    return { kind: 'object', properties, ...common };
  }
  if (schema.type === 'array') return { kind: 'array', items: resolve(all, schema.items ?? {}, depth + 1), ...common };
  const kind = schema.type === 'integer' || schema.type === 'number' || schema.type === 'boolean' ? schema.type : 'string';
  return { kind, maxLength: schema.maxLength, minLength: schema.minLength, pattern: schema.pattern, format: schema.format, ...common };
}

/** A `$ref` beside `nullable` or a description keeps them (OpenAPI 3.0 puts them on the property). */
function withOwn(field: Field, schema: Schema): Field {
  return { ...field, nullable: field.nullable || schema.nullable === true, description: schema.description ?? field.description };
}

/** An empty value of a field, as a new array item starts. */
export function emptyValue(field: Field): unknown {
  if (field.kind === 'object') return Object.fromEntries(field.properties.filter((p) => p.required || !p.field.nullable).map((p) => [p.name, emptyValue(p.field)]));
  if (field.kind === 'array') return [];
  return field.kind === 'string' ? '' : null;
}
