/**
 * A JSON response written with node:http alone, byte for byte what Express's `res.status(s).json(v)`
 * writes with the mock's settings (no ETag, no X-Powered-By), so that the fast read path
 * (fast-reads.ts) and the Express routes answer alike.
 */
import type { ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  // One writeHead call (merged with headers set before) instead of three setters: measurably cheaper.
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
