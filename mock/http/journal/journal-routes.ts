/**
 * The journal's admin routes: `GET /__admin/requests` (filters, `{total, requests}`),
 * `POST /__admin/requests/count` (`{count}`, with a deep-partial `body`) and
 * `DELETE /__admin/requests` (204). Each reads the journal of the request's context, so under
 * `/__sessions/{id}` they show that session's requests only. With `--journal-size 0` there is no
 * journal and they answer as an empty one would.
 */
import type { Step } from '../pipeline/run-steps.ts';
import { sendJson } from '../send-json.ts';
import { countRequest, listRequest } from './journal-input.ts';

export type AdminRoute = (method: string, path: string, step: Step) => void;

export function addJournalRoutes(route: AdminRoute): void {
  route('GET', '/requests', async (req, res) => {
    const { filter, limit } = listRequest(new URLSearchParams(req.search));
    sendJson(res, 200, (await req.context!.journal?.query(filter, limit)) ?? { total: 0, requests: [] });
  });
  route('POST', '/requests/count', async (req, res) => {
    const filter = countRequest(req.body);
    sendJson(res, 200, { count: (await req.context!.journal?.count(filter)) ?? 0 });
  });
  route('DELETE', '/requests', async (req, res) => {
    await req.context!.journal?.clear();
    res.writeHead(204).end();
  });
}
