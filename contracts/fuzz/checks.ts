/**
 * The checks, named as Schemathesis names them so its users know what each means. Each looks at
 * one exchange and passes, fails with a message, or does not apply (`undefined`).
 */
import { describeAjvErrors, type SpecValidators } from '../../spec/index.ts';
import type { FuzzCase, FuzzResponse } from './fuzz-case.ts';

export const CHECK_NAMES = [
  'not_a_server_error', 'status_code_conformance', 'response_schema_conformance', 'content_type_conformance',
  'negative_data_rejection', 'positive_data_acceptance', 'ignored_auth',
] as const;

export type CheckName = (typeof CHECK_NAMES)[number];

export interface CheckOutcome {
  check: CheckName;
  ok: boolean;
  message: string;
}

type Check = (c: FuzzCase, r: FuzzResponse, v: SpecValidators) => string | null | undefined;

/** `null`: passed; a string: failed, saying why; `undefined`: does not apply. */
const CHECKS: Record<CheckName, Check> = {
  not_a_server_error: (c, r) => {
    if (r.status < 500) return null;
    if (c.expect.kind === 'prefer' && c.expect.status === r.status) return null;
    return `${r.status} is a server error`;
  },
  status_code_conformance: (c, r, v) => {
    const documented = documentedStatuses(v, c.operationId);
    return matchesDocumented(documented, r.status) ? null : `${r.status} is not documented for ${c.operationId} (documented: ${documented.join(', ')})`;
  },
  response_schema_conformance: (c, r, v) => {
    if (!matchesDocumented(documentedStatuses(v, c.operationId), r.status)) return undefined;
    const validate = v.response(c.operationId, r.status);
    if (!validate) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(r.body);
    } catch {
      return `the ${r.status} body is not JSON: ${JSON.stringify(r.body.slice(0, 80))}`;
    }
    return validate(body) ? null : `the ${r.status} body breaks its schema: ${describeAjvErrors(validate.errors, 'response')}`;
  },
  content_type_conformance: (c, r, v) => {
    const response = v.operations.get(c.operationId)?.operation.responses[String(r.status)];
    if (!response) return undefined;
    const documented = Object.keys(response.content ?? {}).map((t) => t.toLowerCase());
    const got = mediaType(r.headers['content-type']);
    if (documented.length === 0) return r.body === '' || got !== undefined ? null : 'a body without Content-Type';
    return got && documented.includes(got) ? null : `Content-Type ${got ?? '(none)'} is not documented for ${r.status} (documented: ${documented.join(', ')})`;
  },
  negative_data_rejection: (c, r) => {
    if (c.expect.kind !== 'invalid') return undefined;
    return r.status >= 400 && r.status < 500 ? null : `invalid input was answered ${r.status}, not 4xx (${c.expect.why})`;
  },
  positive_data_acceptance: (c, r, v) => {
    if (c.expect.kind !== 'valid') return undefined;
    if (!c.expect.accept.includes(r.status)) return `valid input was answered ${r.status}; expected ${c.expect.accept.join(' or ')} (${c.expect.why})`;
    // A business 4xx is the API's own error body, not an OAuth refusal (a 403 insufficient_scope is not "too many results").
    if (r.status >= 400 && !isApiError(r, v)) return `the ${r.status} is not a business error {exceptionType, errorMessage}: ${r.body.slice(0, 120)}`;
    return null;
  },
  ignored_auth: (c, r) => {
    if (c.expect.kind !== 'auth') return undefined;
    return r.status === c.expect.status ? null : `${c.expect.why}: answered ${r.status}, expected ${c.expect.status}`;
  },
};

export function runChecks(c: FuzzCase, r: FuzzResponse, v: SpecValidators): CheckOutcome[] {
  const outcomes: CheckOutcome[] = [];
  for (const name of CHECK_NAMES) {
    const result = CHECKS[name](c, r, v);
    if (result !== undefined) outcomes.push({ check: name, ok: result === null, message: result ?? '' });
  }
  return outcomes;
}

function documentedStatuses(v: SpecValidators, operationId: string): string[] {
  return Object.keys(v.operations.get(operationId)?.operation.responses ?? {});
}

/** `404`, a range such as `4XX` (OpenAPI 3.0 §4.7.16), or `default`. */
function matchesDocumented(documented: string[], status: number): boolean {
  return documented.some((d) => d === String(status) || d === 'default' || d.toUpperCase() === `${String(status)[0]}XX`);
}

/** `application/json; charset=utf-8` → `application/json` (RFC 9110 §8.3.1: case-insensitive). */
export function mediaType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type || undefined;
}

function isApiError(r: FuzzResponse, v: SpecValidators): boolean {
  try {
    return v.component('Error')(JSON.parse(r.body)) === true;
  } catch {
    return false;
  }
}
