/**
 * Records are closed (issue 16): `CustomerRecord` is an `allOf` of `CustomerInfo` and its own
 * part, and OpenAPI 3.0 has no `unevaluatedProperties`, so neither branch may say "no other
 * field" without refusing the other's. Open, a record kept any unknown field, however deep, and
 * the store choked on one nested 10,000 levels. Rather than write the record's schema a second
 * time by hand, this builds the closed form from the spec itself: `$ref`s inlined, `allOf`
 * branches merged, and `additionalProperties: false` on every object that does not say otherwise.
 */
import type { OpenApiDocument, SchemaObject } from './load-spec.ts';

const COMPONENT_REF = '#/components/schemas/';

/** The closed form of `components/schemas/<name>`, a self-contained JSON Schema. */
export function closedSchema(doc: OpenApiDocument, name: string): SchemaObject {
  return close(doc, { $ref: `${COMPONENT_REF}${name}` }, []);
}

function close(doc: OpenApiDocument, schema: SchemaObject, seen: readonly string[]): SchemaObject {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const name = ref.startsWith(COMPONENT_REF) ? ref.slice(COMPONENT_REF.length) : undefined;
    const target = name === undefined ? undefined : doc.components.schemas[name];
    if (!target || seen.includes(name!)) throw new Error(`closedSchema: cannot inline ${ref}`);
    return close(doc, target, [...seen, name!]);
  }
  const { allOf, example: _example, ...own } = schema as SchemaObject & { allOf?: SchemaObject[] };
  const merged: SchemaObject = { ...own };
  for (const branch of allOf ?? []) mergeInto(merged, close(doc, branch, seen));
  if (isObjectSchema(merged)) {
    const properties = (merged.properties ?? {}) as Record<string, SchemaObject>;
    merged.properties = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, close(doc, value, seen)]));
    merged.type ??= 'object';
    merged.additionalProperties ??= false;
  }
  if (merged.items && typeof merged.items === 'object') merged.items = close(doc, merged.items as SchemaObject, seen);
  return merged;
}

/** An `allOf` branch folded in: properties and `required` are unions; other keywords the branch's. */
function mergeInto(target: SchemaObject, branch: SchemaObject): void {
  const { properties, required, ...rest } = branch as SchemaObject & { properties?: Record<string, SchemaObject>; required?: string[] };
  Object.assign(target, rest, { ...target });
  if (properties) target.properties = { ...(target.properties as object | undefined), ...properties };
  if (required) target.required = [...new Set([...((target.required as string[] | undefined) ?? []), ...required])];
}

function isObjectSchema(schema: SchemaObject): boolean {
  return schema.type === 'object' || schema.properties !== undefined;
}
