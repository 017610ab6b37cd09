import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { makeOneByteKeys } from './one-byte-keys.ts';

/** Where the one OpenAPI document of the project lives. */
export const SPEC_PATH = fileURLToPath(new URL('./customer-api.yaml', import.meta.url));

/** The parts of an OpenAPI 3.0 document this project reads. Everything else stays `unknown`. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject | unknown>>;
  components: {
    schemas: Record<string, SchemaObject>;
    responses: Record<string, ResponseObject>;
    headers: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
  };
}

export type SchemaObject = Record<string, unknown>;

export interface MediaTypeObject {
  schema?: SchemaObject;
  example?: unknown;
  examples?: Record<string, { value?: unknown; $ref?: string }>;
}

export interface ResponseObject {
  $ref?: string;
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, MediaTypeObject>;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: SchemaObject;
  example?: unknown;
}

export interface OperationObject {
  operationId: string;
  summary?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject>;
  /** The mock's additions to the API reference (e.g. the profile) say so. */
  'x-not-in-reference'?: boolean;
}

const cache = new Map<string, OpenApiDocument>();

/** Reads and parses the spec once per path; later calls get the same object. */
export function loadSpec(path: string = SPEC_PATH): OpenApiDocument {
  let doc = cache.get(path);
  if (!doc) {
    const text = readFileSync(path, 'utf8');
    // One-byte key names for the parser to find (one-byte-keys.ts).
    makeOneByteKeys(text);
    doc = parse(text) as OpenApiDocument;
    cache.set(path, doc);
  }
  return doc;
}

