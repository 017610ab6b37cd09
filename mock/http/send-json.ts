/**
 * Every JSON answer of the mock is written here, with one `writeHead`: the body serialised once (or
 * given as text), its length, and the `X-RateLimit-*` values the rate limit left on the response
 * (rate-limit.ts). An answer that a network fault spoils is written by faults/faulty-answer.ts.
 */
import type { ServerResponse } from 'node:http';
import { sendFaulty } from './faults/faulty-answer.ts';
import type { MockResponse } from './pipeline/exchange.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

/** A body that is JSON text already (record-views.ts): written as it is, not serialised again. */
export class JsonText {
  constructor(readonly text: string) {}
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = value instanceof JsonText ? value.text : JSON.stringify(value);
  const { rateReset, rateRemaining, fault } = res as MockResponse;
  const headers =
    rateReset === undefined || rateReset < 0
      ? ['Content-Type', JSON_TYPE, 'Content-Length', Buffer.byteLength(body)]
      : ['Content-Type', JSON_TYPE, 'Content-Length', Buffer.byteLength(body), 'X-RateLimit-Remaining', rateRemaining, 'X-RateLimit-Reset', rateReset];
  // `truncated` and `slow-body` (faults/faulty-answer.ts) spoil this very answer on the wire.
  if (fault !== undefined) return sendFaulty(res as MockResponse, status, headers, body);
  res.writeHead(status, headers);
  res.end(body);
}
