/**
 * `POST /__admin/sessions` (201 `{id, baseUrl, count}`), `GET /__admin/sessions`
 * (`{sessions: [{id, baseUrl, count}]}`) and `DELETE /__admin/sessions/{id}` (204). They are the
 * root's: under `/__sessions/{id}` they do not exist (404), as a session cannot hold sessions.
 */
import { errors } from '../../core/errors.ts';
import { checkedSource, type CustomerSource } from '../admin/admin-routes.ts';
import type { AdminRoute } from '../journal/journal-routes.ts';
import type { MockContext } from '../pipeline/context.ts';
import type { MockRequest } from '../pipeline/exchange.ts';
import type { Step } from '../pipeline/run-steps.ts';
import { sendJson } from '../send-json.ts';
import { sessionErrors } from './session-errors.ts';
import type { SessionRegistry } from './session-registry.ts';
import { sessionRequest } from './session-request.ts';

export function addSessionRoutes(route: AdminRoute, sessions: SessionRegistry, customers: CustomerSource): void {
  route('POST', '/sessions', atRoot(async (req, res) => {
    const { id, data } = sessionRequest(req.body);
    const made = await req.context!.commit({ kind: 'sessionCreate', id, data: checkedSource(customers, data) });
    sendJson(res, 201, describe(req, sessions.get(made)!));
  }));
  route('GET', '/sessions', atRoot((req, res) => {
    sendJson(res, 200, { sessions: sessions.list().map(({ context }) => describe(req, context)) });
  }));
  route('DELETE', '/sessions/{id}', atRoot(async (req, res) => {
    const id = String(req.params.id);
    if (!(await req.context!.commit({ kind: 'sessionEnd', id }))) throw sessionErrors.notFound(id);
    res.writeHead(204).end();
  }));
}

function atRoot(step: Step): Step {
  return (req, res) => {
    if (req.context!.basePath !== '') throw errors.routeNotFound(req.method ?? 'GET', req.pathname);
    return step(req, res);
  };
}

function describe(req: MockRequest, context: MockContext): { id: string; baseUrl: string; count: number } {
  return { id: context.basePath.slice(context.basePath.lastIndexOf('/') + 1), baseUrl: `${origin(req)}${context.basePath}`, count: context.store.size };
}

/** The origin the request came to, so that `baseUrl` works as given from where the client stands. */
function origin(req: MockRequest): string {
  const host = req.headers.host ?? `${req.socket.localAddress}:${req.socket.localPort}`;
  return `http://${host}`;
}
