import type { ErrorObject } from 'ajv';
import { describeAjvErrors, listOperations, specValidators, type Operation } from '../../spec/index.ts';

/** One way a payload breaks the spec, at a JSON path (`$.name.lastName`). */
export interface Violation {
  path: string;
  message: string;
}

/** A JSON body against an operation's request schema (`'request'`) or the response schema of a status. */
export function validatePayload(operationId: string, target: number | 'request', body: unknown): Violation[] {
  const validators = specValidators().operations.get(operationId);
  if (!validators) throw new Error(`the spec has no operation "${operationId}"; known: ${[...specValidators().operations.keys()].join(', ')}`);
  const validate = target === 'request' ? validators.body : validators.responses.get(target);
  if (!validate) {
    const documented = [...validators.responses.keys()].join(', ');
    throw new Error(target === 'request' ? `${operationId} takes no request body` : `${operationId} documents no JSON body for status ${target} (documented: ${documented})`);
  }
  return validate(body) ? [] : (validate.errors ?? []).filter(isReported).map(toViolation);
}

function isReported(error: ErrorObject): boolean {
  return !['if', 'oneOf', 'anyOf'].includes(error.keyword);
}

/**
 * ajv reports a missing or unknown field at the object that holds it (`instancePath` is that
 * object, the field is a parameter), so the field's name is added to the path: `$.credentials:
 * is required`, not `$: is required`.
 */
function toViolation(error: ErrorObject): Violation {
  const params = error.params as { missingProperty?: unknown; additionalProperty?: unknown };
  const field = error.keyword === 'required' ? params.missingProperty : error.keyword === 'additionalProperties' ? params.additionalProperty : undefined;
  const parts = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (typeof field === 'string') parts.push(field);
  const path = `$${parts.map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('')}`;
  const sentence = describeAjvErrors([{ ...error, instancePath: '' }], path);
  return { path, message: sentence.slice(sentence.indexOf(': ') + 2) };
}

const operations = (): Operation[] => listOperations(specValidators().doc);

/**
 * The operation a request was for, by method and path. The URL may carry a base path before the
 * API's own (`/capi/v1/…`), so the template is matched against the end of the path.
 */
export function matchOperation(method: string, urlPath: string): Operation | undefined {
  const path = urlPath.split('?')[0]?.replace(/\/+$/, '') ?? '';
  return operations().find((op) => {
    if (op.method !== method.toLowerCase()) return false;
    const pattern = op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+');
    return new RegExp(`(^|/)${pattern.replace(/^\//, '')}$`).test(path);
  });
}
