import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMock } from '../../mock/server.ts';

/** A request as the wrapper got it, body read. */
export interface WrappedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** A response on its way back; middleware may change any part. */
export interface WrappedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Close the connection without an answer, as a crashing server does. */
  drop?: boolean;
}

/**
 * One broken rule, as middleware around the real mock: `request` may rewrite what reaches the
 * mock, `response` what comes back. `forward` sends any further request to the mock (for a
 * middleware that needs to read before it writes).
 */
export interface Breakage {
  request?: (req: WrappedRequest, forward: Forward) => Promise<WrappedRequest | WrappedResponse> | WrappedRequest | WrappedResponse;
  response?: (res: WrappedResponse, req: WrappedRequest, forward: Forward) => Promise<WrappedResponse> | WrappedResponse;
}
export type Forward = (req: WrappedRequest) => Promise<WrappedResponse>;

/** Mock settings a broken server may use: startMock's own options, so only startMock is imported. */
export type MockOverrides = NonNullable<Parameters<typeof startMock>[0]>;

export interface WrappedMock {
  url: string;
  /** The mock's store, for tests that look behind the HTTP surface (what is left after a run). */
  store: Awaited<ReturnType<typeof startMock>>['store'];
  close(): Promise<void>;
}

/**
 * The project's mock behind a small proxy on 127.0.0.1 (ephemeral port) that breaks one rule.
 * The product stays untouched: the breakage lives only here, in the test server.
 */
export async function startBrokenMock(breakage: Breakage, overrides: MockOverrides = {}): Promise<WrappedMock> {
  // Limits raised (headers still sent) so a run needs no pacing: these tests are about other rules.
  // The mock's own clients: demo-client, and demo-client-2, the runner's default --other-client.
  const mock = await startMock({ count: 20, rateLimits: { perSecond: 10_000, perMinute: 100_000 }, ...overrides });
  const forward: Forward = (req) => send(mock.url, req);
  const server = createServer((incoming, outgoing) => {
    void handle(incoming, breakage, forward).then(
      (res) => (res.drop ? outgoing.socket?.destroy() : outgoing.writeHead(res.status, res.headers).end(res.body)),
      (error: Error) => outgoing.writeHead(502, { 'content-type': 'text/plain' }).end(`test wrapper failed: ${error.message}`),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store: mock.store,
    close: async () => {
      await closeServer(server);
      await mock.close();
    },
  };
}

async function handle(incoming: IncomingMessage, breakage: Breakage, forward: Forward): Promise<WrappedResponse> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers[name] = value;
  const original: WrappedRequest = { method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8') };
  const changed = breakage.request ? await breakage.request(original, forward) : original;
  if ('status' in changed) return changed;
  const res = await forward(changed);
  return breakage.response ? breakage.response(res, changed, forward) : res;
}

async function send(base: string, req: WrappedRequest): Promise<WrappedResponse> {
  const headers = { ...req.headers };
  delete headers['content-length'];
  delete headers.host;
  delete headers.connection;
  const res = await fetch(`${base}${req.path}`, {
    method: req.method,
    headers,
    body: ['GET', 'HEAD'].includes(req.method) ? undefined : req.body,
    redirect: 'manual',
  });
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive'].includes(name)) out[name] = value;
  });
  return { status: res.status, headers: out, body: await res.text() };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
