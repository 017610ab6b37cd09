import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { isCollection, parseDocument, visit } from 'yaml';
import { loadSpec, SPEC_PATH } from './load-spec.ts';
import { listOperations } from './operations.ts';

const COMPONENTS = [
  'Name', 'PhoneNumber', 'Credential', 'AttachedUser', 'Address', 'CustomerInfo', 'CustomerUpdate',
  'SearchRequest', 'SearchResult', 'CredentialCheckRequest', 'CredentialCheckResult',
  'CustomerRecord', 'Error', 'OAuthError',
];

it('is OpenAPI 3.0.3, the version Dredd 14 reads', () => {
  expect(loadSpec().openapi).toBe('3.0.3');
});

it('uses no flow-style collections with content, which Dredd 14 YAML parser rejects', () => {
  const flow: string[] = [];
  visit(parseDocument(readFileSync(SPEC_PATH, 'utf8')), {
    Collection(_key, node) {
      if (isCollection(node) && node.flow && node.items.length > 0) flow.push(JSON.stringify(node.toJSON()));
    },
  });
  expect(flow).toEqual([]);
});

it('names every component schema docs/reference.md section 2 lists', () => {
  expect(Object.keys(loadSpec().components.schemas)).toEqual(expect.arrayContaining(COMPONENTS));
});

it('documents the statuses of each operation the reference and auth imply', () => {
  const statuses = Object.fromEntries(
    listOperations(loadSpec()).map((op) => [op.operationId, Object.keys(op.responses).sort()]),
  );
  expect(statuses).toEqual({
    getCustomerInfo: ['200', '400', '401', '403', '404', '429', '500'],
    getCustomerProfile: ['200', '401', '403', '404', '429', '500'],
    updateCustomerInfo: ['200', '400', '401', '403', '404', '413', '415', '429', '500'],
    searchCustomers: ['200', '400', '401', '403', '413', '415', '429', '500'],
    checkCredentialCustomers: ['200', '400', '401', '403', '413', '415', '429', '500'],
    getClientCustomerInfo: ['200', '400', '401', '403', '404', '429', '500'],
  });
});

it('documents the rate-limit headers on every response that is not a 401', () => {
  const missing: string[] = [];
  for (const op of listOperations(loadSpec())) {
    for (const [status, response] of Object.entries(op.responses)) {
      const headers = Object.keys(response.headers ?? {});
      if (status !== '401' && !headers.includes('X-RateLimit-Remaining')) missing.push(`${op.operationId} ${status}`);
      if (status !== '401' && !headers.includes('X-RateLimit-Reset')) missing.push(`${op.operationId} ${status}`);
    }
  }
  expect(missing).toEqual([]);
});
