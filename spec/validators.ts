import type { Ajv, ValidateFunction } from 'ajv';
import { createSpecAjv, specPointer } from './ajv.ts';
import { loadSpec, type OpenApiDocument } from './load-spec.ts';
import { listOperations, type Operation } from './operations.ts';
import { withIntegerText } from './integer-text.ts';
import { closedSchema } from './closed-schema.ts';

/**
 * Components validated in their closed form (closed-schema.ts): a stored record has no field the
 * spec does not name, at any depth.
 */
const CLOSED_COMPONENTS: ReadonlySet<ComponentName> = new Set(['CustomerRecord']);

/** Schema names under `components/schemas`, as the spec spells them. */
export type ComponentName =
  | 'Name' | 'PhoneNumber' | 'Credential' | 'AttachedUser' | 'Address' | 'CustomerInfo'
  | 'CustomerUpdate' | 'UpdateResult' | 'SearchRequest' | 'SearchResult' | 'SearchResponse'
  | 'CredentialCheckRequest' | 'CredentialCheckResult' | 'CredentialCheckResponse'
  | 'CustomerRecord' | 'Product' | 'Error' | 'OAuthError';

/** The validators of one operation, compiled once. */
export interface OperationValidators {
  operation: Operation;
  /** Path and query parameters as one object; coerces strings to the declared types in place. */
  params?: ValidateFunction;
  body?: ValidateFunction;
  /** Per documented status code, the validator of the JSON body. */
  responses: Map<number, ValidateFunction>;
}

/** Every validator the spec implies, compiled once at start. */
export interface SpecValidators {
  doc: OpenApiDocument;
  operations: Map<string, OperationValidators>;
  component(name: ComponentName): ValidateFunction;
  /** The response validator of an operation and status, or undefined when the status is undocumented. */
  response(operationId: string, status: number): ValidateFunction | undefined;
}

export function compileValidators(doc: OpenApiDocument = loadSpec()): SpecValidators {
  const ajv = createSpecAjv(doc);
  const paramAjv = createSpecAjv(doc, { coerceTypes: true });
  const operations = new Map<string, OperationValidators>();
  for (const operation of listOperations(doc)) {
    operations.set(operation.operationId, compileOperation(ajv, paramAjv, doc, operation));
  }
  const components = new Map<string, ValidateFunction>();
  return {
    doc,
    operations,
    component(name) {
      let validate = components.get(name);
      if (!validate) {
        validate = CLOSED_COMPONENTS.has(name) ? ajv.compile(closedSchema(doc, name)) : mustGet(ajv, specPointer('components', 'schemas', name));
        components.set(name, validate);
      }
      return validate;
    },
    response(operationId, status) {
      return operations.get(operationId)?.responses.get(status);
    },
  };
}

let shared: SpecValidators | undefined;

/** The validators of the project's own spec, compiled on first use and then shared. */
export function specValidators(): SpecValidators {
  shared ??= compileValidators();
  return shared;
}

function compileOperation(ajv: Ajv, paramAjv: Ajv, doc: OpenApiDocument, operation: Operation): OperationValidators {
  const base = ['paths', operation.path, operation.method];
  const responses = new Map<number, ValidateFunction>();
  const raw = (doc.paths[operation.path]?.[operation.method] as { responses: Record<string, { $ref?: string }> })
    .responses;
  for (const status of Object.keys(operation.responses)) {
    const ref = raw[status]?.$ref;
    const pointer = ref
      ? specPointer('components', 'responses', ref.replace('#/components/responses/', ''), 'content', 'application/json', 'schema')
      : specPointer(...base, 'responses', status, 'content', 'application/json', 'schema');
    if (operation.responses[status]?.content?.['application/json']?.schema) {
      responses.set(Number(status), mustGet(ajv, pointer));
    }
  }
  return {
    operation,
    ...(operation.requestBody
      ? { body: mustGet(ajv, specPointer(...base, 'requestBody', 'content', 'application/json', 'schema')) }
      : {}),
    ...(operation.parameters.length > 0 ? { params: compileParams(paramAjv, operation, base) } : {}),
    responses,
  };
}

function compileParams(ajv: Ajv, operation: Operation, base: string[]): ValidateFunction {
  const properties: Record<string, { $ref: string }> = {};
  const required: string[] = [];
  operation.parameters.forEach((param, index) => {
    properties[param.name] = { $ref: specPointer(...base, 'parameters', String(index), 'schema') };
    if (param.required) required.push(param.name);
  });
  // Coercion reads "0x1" and "1e3" as numbers; integer parameters must be written as integers.
  const integers = operation.parameters.filter((param) => param.schema.type === 'integer').map((param) => param.name);
  const validate = ajv.compile({ type: 'object', properties, required });
  return integers.length > 0 ? withIntegerText(validate, integers) : validate;
}

function mustGet(ajv: Ajv, pointer: string): ValidateFunction {
  const validate = ajv.getSchema(pointer);
  if (!validate) throw new Error(`the spec has no schema at ${pointer}`);
  return validate;
}
