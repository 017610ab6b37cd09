import { expect, it } from 'vitest';
import { parsePrismLine } from './prism-log.ts';

it('reads a received request from a Prism log line', () => {
  expect(parsePrismLine('[4:10:32 PM] › [HTTP SERVER] get /v1/customer/info ℹ  info      Request received')).toEqual({
    kind: 'request', method: 'GET', path: '/v1/customer/info',
  });
});

it('reads a violation with its severity and JSON path', () => {
  const line = '[4:10:32 PM] ›     [VALIDATOR] ✖  error     Violation: response.body.name.lastName Response body property name.lastName must NOT have more than 30 characters';
  expect(parsePrismLine(line)).toEqual({
    kind: 'violation', severity: 'error', text: 'response.body.name.lastName Response body property name.lastName must NOT have more than 30 characters',
  });
});

it('ignores the other lines', () => {
  expect(parsePrismLine('[4:10:32 PM] ›     [PROXY] ℹ  info      < Received forward response')).toBeUndefined();
});
