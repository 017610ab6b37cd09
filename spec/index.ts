/**
 * The spec as a module: the one OpenAPI document (`customer-api.yaml`) and its compiled form,
 * which `mock/`, `fixtures/` and `contracts/` all import. It imports none of them.
 *
 * @example
 * import { listOperations, loadSpec, specValidators } from '../spec/index.ts';
 * const search = specValidators().operations.get('searchCustomers');
 */
export { createSpecAjv, specPointer, SPEC_SCHEMA_ID } from './ajv.ts';
export { describeAjvErrors } from './describe-errors.ts';
export { isIntegerText } from './integer-text.ts';
export { loadSpec, SPEC_PATH } from './load-spec.ts';
export type { MediaTypeObject, OpenApiDocument, OperationObject, ParameterObject, ResponseObject, SchemaObject } from './load-spec.ts';
export { listOperations } from './operations.ts';
export type { Operation, TokenKind } from './operations.ts';
export { compileValidators, specValidators } from './validators.ts';
export type { ComponentName, OperationValidators, SpecValidators } from './validators.ts';
export type * from './types.ts';
