import { Ajv, type Options } from 'ajv';
import * as ajvFormats from 'ajv-formats';
import type { OpenApiDocument } from './load-spec.ts';

// ajv-formats ships CommonJS with `exports.default`; under NodeNext ESM that sits one level down.
const addFormats = ajvFormats.default.default;

/** The `$id` under which the whole OpenAPI document is registered with ajv. */
export const SPEC_SCHEMA_ID = 'customer-api';

/**
 * OpenAPI words that are not JSON Schema keywords. Declared so that ajv's strict mode accepts the
 * document as it is, instead of running in non-strict mode and missing real typos in the spec.
 */
const OPENAPI_WORDS = [
  // OpenAPI 3.0 Schema Object extras (nullable is built into ajv 8)
  'example', 'xml', 'externalDocs', 'discriminator',
  // Top-level and operation-level objects, met while resolving JSON pointers into the document
  'openapi', 'info', 'servers', 'tags', 'security', 'paths', 'components',
];

/**
 * An ajv instance that knows the whole spec under `customer-api#…`, so any schema in it is
 * compiled by JSON pointer (`customer-api#/components/schemas/Name`) and the spec's own `$ref`s
 * resolve as written. `coerceTypes` is for path and query parameters, which arrive as strings.
 */
export function createSpecAjv(doc: OpenApiDocument, options: Options = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    // allOf branches without `type` (SearchResult, CustomerRecord) are fine in OpenAPI.
    strictTypes: false,
    ...options,
  });
  addFormats(ajv);
  ajv.addVocabulary(OPENAPI_WORDS);
  ajv.addSchema({ ...doc, $id: SPEC_SCHEMA_ID });
  return ajv;
}

/** A JSON pointer fragment of the spec, with `~` and `/` escaped as RFC 6901 asks. */
export function specPointer(...parts: string[]): string {
  return `${SPEC_SCHEMA_ID}#/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}
