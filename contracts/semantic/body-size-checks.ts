import { needClient, needOwn, needUser, needWrites, type Target } from '../runner/target.ts';
import type { SemanticCheck } from './check.ts';
import { expectResponse } from './expect.ts';
import { restore } from './restore.ts';

/**
 * A body over 1 MiB is a 413 with the API's error body: just over the limit and several MiB
 * over it; never a 500, a 400, or a connection dropped before an answer (which fails the check
 * as "connection reset"). The body is valid JSON, so only its size is wrong.
 */
const MIB = 1024 * 1024;
const SIZES = [
  { label: 'just over 1 MiB (1 MiB + 1 byte)', bytes: MIB + 1 },
  { label: 'of 5 MiB', bytes: 5 * MIB },
];

const ENDPOINTS = [
  { operationId: 'updateCustomerInfo', path: '/v1/customer/info', token: needUser, writes: true },
  { operationId: 'searchCustomers', path: '/v1/client/customer/search', token: needClient, writes: false },
  { operationId: 'checkCredentialCustomers', path: '/v1/client/credential/customers/check', token: needClient, writes: false },
];

/** `{"contractPadding":"xxx…"}` of exactly `bytes` bytes. */
export function paddedJson(bytes: number): string {
  const head = '{"contractPadding":"';
  return `${head}${'x'.repeat(bytes - head.length - 2)}"}`;
}

export const BODY_SIZE_CHECKS: SemanticCheck[] = ENDPOINTS.flatMap((endpoint) =>
  SIZES.map(({ label, bytes }) => ({
    group: `body-size.${endpoint.operationId}`,
    name: `answers 413 to a body ${label}`,
    covers: [`${endpoint.operationId} 413`],
    run: async (t: Target) => {
      if (endpoint.writes) needWrites(t);
      const res = await t.http.request({
        method: 'POST', path: endpoint.path, bearer: endpoint.token(t), rawBody: paddedJson(bytes), headers: { 'content-type': 'application/json' },
      });
      if (endpoint.writes && res.status < 300) await restore(t, needOwn(t));
      expectResponse(res, endpoint.operationId, 413);
    },
  })),
);
