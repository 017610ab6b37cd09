/**
 * Decides what a request deserves, from the spec's compiled validators (`specValidators()`, the
 * same ones the mock uses) plus the business rules: a generator only proposes a request, the
 * oracle says whether it is valid. So "invalid input → 4xx" never rests on a generator's guess.
 */
import { describeAjvErrors, type OperationValidators } from '../../spec/index.ts';
import { acceptanceFor } from './business-rules.ts';
import type { Expectation } from './fuzz-case.ts';
import { BODY_LIMIT, type Parsed } from './raw-bodies.ts';

/** The verdict of the body validator on a parsed value (the body validator does not coerce, so it is not changed). */
export function bodyErrors(validators: OperationValidators, value: unknown): string | undefined {
  const validate = validators.body;
  if (!validate) return undefined;
  return validate(value) ? undefined : describeAjvErrors(validate.errors);
}

/** The verdict of the parameter validator; path parameters arrive as strings and are coerced as the mock does. */
export function paramErrors(validators: OperationValidators, params: Record<string, string>): string | undefined {
  const validate = validators.params;
  if (!validate) return undefined;
  return validate({ ...params }) ? undefined : describeAjvErrors(validate.errors, 'path');
}

export interface BodyFacts {
  /** No body bytes at all (or an empty body with a JSON content type). */
  absent?: boolean;
  parsed?: Parsed;
  /** Bytes on the wire. */
  size?: number;
}

/** The expectation for a request with a good token and a JSON content type. */
export function expectBody(validators: OperationValidators, facts: BodyFacts, params: Record<string, string> = {}): Expectation {
  const { operation } = validators;
  const pathProblem = paramErrors(validators, params);
  if (pathProblem) return { kind: 'invalid', why: pathProblem };
  if ((facts.size ?? 0) > BODY_LIMIT) return { kind: 'invalid', why: `the body is over ${BODY_LIMIT} bytes: 413` };
  if (facts.absent || !facts.parsed) {
    if (operation.requestBody?.required) return { kind: 'invalid', why: 'the body is required' };
    return valid(operation.operationId, undefined);
  }
  const parsed = facts.parsed;
  if (parsed.kind === 'malformed') return { kind: 'invalid', why: 'the body is not JSON' };
  if (parsed.kind === 'unclear') return { kind: 'any', why: parsed.why };
  const problem = bodyErrors(validators, parsed.value);
  if (problem) return { kind: 'invalid', why: problem };
  // A schema-valid body nested deeper than a server reads (the mock: 64 levels) may be refused or served.
  if (deeperThan(parsed.value, NESTING_SERVERS_MAY_REFUSE)) return { kind: 'any', why: `nested deeper than ${NESTING_SERVERS_MAY_REFUSE} levels: servers may cap nesting` };
  // Likewise a "__proto__", "constructor" or "prototype" key inside a value the schema leaves open (a read-only field).
  if (hasPrototypeKey(parsed.value)) return { kind: 'any', why: 'a prototype key: servers may refuse it (the mock does, with 400)' };
  return valid(operation.operationId, parsed.value);
}

const NESTING_SERVERS_MAY_REFUSE = 64;

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function hasPrototypeKey(value: unknown): boolean {
  const pending: unknown[] = [value];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (typeof node !== 'object' || node === null) continue;
    if (!Array.isArray(node) && Object.keys(node).some((key) => PROTOTYPE_KEYS.has(key))) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) pending.push(child);
  }
  return false;
}

function deeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

function valid(operationId: string, body: unknown): Expectation {
  const { accept, why } = acceptanceFor(operationId, body);
  return { kind: 'valid', accept, why };
}
