/**
 * `--log pretty|json|off`: one line a request, written when its answer has gone out. `pretty` is
 * for a developer's terminal (`12:04:31 GET /v1/client/customer/info/563457 200 0.4 ms demo-client`);
 * `json` is one object a line through pino, the structured logger log shippers read, rather than a
 * hand-made serialiser (docs/decisions/028). The path is the one sent, session prefix included, so
 * parallel suites can be told apart.
 */
import type { Writable } from 'node:stream';
import { pino } from 'pino';
import { isConnectionFault } from './faults/fault-kinds.ts';
import type { LogFormat } from '../config.ts';
import type { MockRequest, MockResponse } from './pipeline/exchange.ts';

export type { LogFormat };

export type RequestLog = (req: MockRequest, res: MockResponse, durationMs: number) => void;

/** A request log writing to `stream` (standard output by default); `undefined` for `off`. */
export function requestLog(format: LogFormat, stream: Writable = process.stdout): RequestLog | undefined {
  if (format === 'off') return undefined;
  if (format === 'json') {
    const logger = pino({ base: null, timestamp: pino.stdTimeFunctions.isoTime }, stream);
    return (req, res, ms) => logger.info(fields(req, res, ms), 'request');
  }
  return (req, res, ms) => {
    const { method, path, status, clientId, fault } = fields(req, res, ms);
    const faulted = fault === undefined ? '' : ` fault=${fault}`;
    stream.write(`${new Date().toISOString().slice(11, 19)} ${method} ${path} ${status ?? '-'} ${ms.toFixed(1)} ms ${clientId ?? '-'}${faulted}\n`);
  };
}

function fields(req: MockRequest, res: MockResponse, ms: number) {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return {
    method: req.method ?? 'GET',
    path: query < 0 ? url : url.slice(0, query),
    // As in the journal: no status where a network fault sent none (faults/fault-kinds.ts).
    status: res.fault !== undefined && isConnectionFault(res.fault) ? null : res.statusCode,
    ms: Math.round(ms * 100) / 100,
    clientId: req.grant?.clientId ?? null,
    fault: res.fault,
  };
}
