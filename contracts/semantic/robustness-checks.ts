import type { HttpResponse, RequestSpec } from '../http/http-client.ts';
import { needClient, needUser, needWrites, type Target } from '../runner/target.ts';
import type { SemanticCheck } from './check.ts';
import { expectClientError, expectSchema } from './expect.ts';
import { withRestore } from './restore.ts';

/**
 * contracts/README.md: nothing a client sends may produce a 500. A real server may pick another 4xx than
 * the mock for these (its body limit, its parser), so any documented 4xx with a body that fits the
 * spec passes; a 5xx or a 2xx fails.
 */
interface Endpoint {
  operationId: string;
  path: string;
  token: (t: Target) => string;
  /** A wrongly accepted bad body would replace the customer's data: only where writes are allowed. */
  writes: boolean;
}

const ENDPOINTS: Endpoint[] = [
  { operationId: 'updateCustomerInfo', path: '/v1/customer/info', token: needUser, writes: true },
  { operationId: 'searchCustomers', path: '/v1/client/customer/search', token: needClient, writes: false },
  { operationId: 'checkCredentialCustomers', path: '/v1/client/credential/customers/check', token: needClient, writes: false },
];

const BODIES: Array<{ name: string; request: Pick<RequestSpec, 'rawBody' | 'headers'> }> = [
  { name: 'malformed JSON', request: { rawBody: '{"name": {', headers: { 'content-type': 'application/json' } } },
  { name: 'a body over 1 MiB', request: { rawBody: `{"oversize":"${'x'.repeat(1024 * 1024 + 1024)}"}`, headers: { 'content-type': 'application/json' } } },
  { name: 'a text/plain body', request: { rawBody: 'name=Ola', headers: { 'content-type': 'text/plain' } } },
  { name: 'a JSON array', request: { rawBody: '[]', headers: { 'content-type': 'application/json' } } },
  { name: 'a JSON string', request: { rawBody: '"Ola"', headers: { 'content-type': 'application/json' } } },
];

function check(endpoint: Endpoint, body: (typeof BODIES)[number]): SemanticCheck {
  return {
    group: `robustness.${endpoint.operationId}`,
    name: `answers ${body.name} with a 4xx, never a 5xx`,
    run: async (t) => {
      const send = async () => {
        const res: HttpResponse = await t.http.request({ method: 'POST', path: endpoint.path, bearer: endpoint.token(t), ...body.request });
        expectClientError(res, body.name);
        expectSchema(res, endpoint.operationId);
      };
      if (!endpoint.writes) return send();
      needWrites(t);
      return withRestore(t, send);
    },
  };
}

export const ROBUSTNESS_CHECKS: SemanticCheck[] = ENDPOINTS.flatMap((endpoint) => BODIES.map((body) => check(endpoint, body)));
