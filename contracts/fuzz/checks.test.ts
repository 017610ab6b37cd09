import { describe, expect, it } from 'vitest';
import { specValidators } from '../../spec/index.ts';
import { runChecks, type CheckName } from './checks.ts';
import type { Expectation, FuzzCase, FuzzResponse } from './fuzz-case.ts';

const validators = specValidators();
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
const CUSTOMER = JSON.stringify({ customerNumber: 563457, name: { lastName: 'Nordmann' }, attachedUsers: [] });
const NOT_FOUND = JSON.stringify({ exceptionType: 'CustomerNotFoundException', errorMessage: 'No customer has customer number 9.' });

function fuzzCase(expect: Expectation, headers: Record<string, string> = {}): FuzzCase {
  return { operationId: 'getClientCustomerInfo', request: { method: 'GET', path: '/v1/client/customer/info/9', headers }, expect, note: 'test' };
}

function response(status: number, body: string, headers: Record<string, string> = JSON_HEADERS): FuzzResponse {
  return { status, body, headers, durationMs: 1 };
}

function verdict(check: CheckName, c: FuzzCase, r: FuzzResponse): boolean | undefined {
  return runChecks(c, r, validators).find((o) => o.check === check)?.ok;
}

const VALID: Expectation = { kind: 'valid', accept: [200, 404], why: 'test' };

describe('checks', () => {
  it('not_a_server_error fails on a 500 the request did not ask for', () => {
    const body = JSON.stringify({ exceptionType: 'InternalServerErrorException', errorMessage: 'x' });
    expect(verdict('not_a_server_error', fuzzCase(VALID), response(500, body))).toBe(false);
    expect(verdict('not_a_server_error', fuzzCase({ kind: 'prefer', status: 500, why: 'asked' }), response(500, body))).toBe(true);
  });

  it('status_code_conformance fails on a status the operation does not document', () => {
    expect(verdict('status_code_conformance', fuzzCase(VALID), response(422, '{}'))).toBe(false);
    expect(verdict('status_code_conformance', fuzzCase(VALID), response(404, NOT_FOUND))).toBe(true);
  });

  it('response_schema_conformance fails on a body that breaks the documented schema', () => {
    const bad = JSON.stringify({ customerNumber: '563457', name: { lastName: 'Nordmann' }, attachedUsers: [] });
    expect(verdict('response_schema_conformance', fuzzCase(VALID), response(200, bad))).toBe(false);
    expect(verdict('response_schema_conformance', fuzzCase(VALID), response(200, 'not json'))).toBe(false);
    expect(verdict('response_schema_conformance', fuzzCase(VALID), response(200, CUSTOMER))).toBe(true);
  });

  it('content_type_conformance fails on a media type the status does not document', () => {
    expect(verdict('content_type_conformance', fuzzCase(VALID), response(200, CUSTOMER, { 'content-type': 'application/problem+json' }))).toBe(false);
    expect(verdict('content_type_conformance', fuzzCase(VALID), response(200, CUSTOMER, {}))).toBe(false);
    expect(verdict('content_type_conformance', fuzzCase(VALID), response(200, CUSTOMER))).toBe(true);
  });

  it('negative_data_rejection fails when invalid input is not answered 4xx', () => {
    const invalid: Expectation = { kind: 'invalid', why: 'test' };
    expect(verdict('negative_data_rejection', fuzzCase(invalid), response(200, CUSTOMER))).toBe(false);
    expect(verdict('negative_data_rejection', fuzzCase(invalid), response(500, '{}'))).toBe(false);
    expect(verdict('negative_data_rejection', fuzzCase(invalid), response(400, NOT_FOUND))).toBe(true);
  });

  it('positive_data_acceptance fails on a status outside the accepted ones, or a business 4xx without an API error body', () => {
    expect(verdict('positive_data_acceptance', fuzzCase(VALID), response(400, NOT_FOUND))).toBe(false);
    expect(verdict('positive_data_acceptance', fuzzCase(VALID), response(404, '{"error":"invalid_token"}'))).toBe(false);
    expect(verdict('positive_data_acceptance', fuzzCase(VALID), response(404, NOT_FOUND))).toBe(true);
  });

  it('ignored_auth fails when a bad token is not refused with the expected status', () => {
    const auth: Expectation = { kind: 'auth', status: 401, why: 'an unknown bearer token' };
    expect(verdict('ignored_auth', fuzzCase(auth), response(200, CUSTOMER))).toBe(false);
    expect(verdict('ignored_auth', fuzzCase(auth), response(403, '{"error":"insufficient_scope"}'))).toBe(false);
    expect(verdict('ignored_auth', fuzzCase(auth), response(401, '{"error":"invalid_token"}'))).toBe(true);
  });

  it('applies the expectation checks only to their own kind of case', () => {
    const checks = runChecks(fuzzCase({ kind: 'any', why: 'test' }), response(200, CUSTOMER), validators).map((o) => o.check);
    expect(checks).not.toContain('negative_data_rejection');
    expect(checks).not.toContain('positive_data_acceptance');
    expect(checks).not.toContain('ignored_auth');
  });
});
