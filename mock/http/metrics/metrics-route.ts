/**
 * `GET /metrics` (docs/decisions/043): part of the mock's own surface, like the admin API, so the
 * same `--admin-token` guards it and `--no-admin` turns it off; not journaled and not rate limited
 * (neither applies outside the API's routes), and its scrapes are not counted.
 */
import type { MockConfig } from '../../config.ts';
import { adminGuard } from '../admin/admin-guard.ts';
import type { RouteTable } from '../pipeline/route-table.ts';
import { METRICS_PATH, type MockMetrics } from './metrics-registry.ts';

export function addMetricsRoute(table: RouteTable, config: Pick<MockConfig, 'adminToken'>, metrics: MockMetrics): void {
  const { registry } = metrics;
  table.add('GET', METRICS_PATH, [
    adminGuard(config.adminToken),
    async (_req, res) => {
      const text = await registry.metrics();
      res.writeHead(200, ['Content-Type', registry.contentType, 'Content-Length', Buffer.byteLength(text), 'Cache-Control', 'no-store']);
      res.end(text);
    },
  ]);
}
