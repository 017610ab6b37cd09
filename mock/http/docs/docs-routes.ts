/**
 * The API reference as a web page: `GET /docs` (Redoc, from assets this mock serves itself, so the
 * page works offline), `GET /docs/redoc.standalone.js`, and the spec at `GET /openapi.yaml` and
 * `GET /openapi.json` with this mock as its first server; the admin API's and OAuth routes' spec at
 * `GET /openapi-admin.yaml` and `.json`, shown by `GET /docs?spec=admin`. See docs/reference.md, "The docs page".
 */
import type { MockRequest, MockResponse } from '../pipeline/exchange.ts';
import type { RouteTable } from '../pipeline/route-table.ts';
import { docsPage } from './docs-page.ts';
import { REDOC_BUNDLE_NAME, redocBundle } from './redoc-bundle.ts';
import { baseUrlOf, specJson, specYaml } from './served-spec.ts';
import { adminSpecJson, adminSpecYaml } from './admin-spec.ts';

/**
 * The page may load only from the mock: the bundle asks nothing of another host (redoc-bundle.ts
 * takes out the one address it had), and this policy holds it to that. Styles are inline because
 * Redoc injects them (styled-components); its search runs in a blob: worker.
 */
const DOCS_POLICY = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
].join('; ');

export function addDocsRoutes(table: RouteTable): void {
  table.add('GET', '/docs', [
    (req, res) => {
      res.setHeader('Content-Security-Policy', DOCS_POLICY);
      answer(res, 'text/html; charset=utf-8', docsPage(new URLSearchParams(req.search).get('spec') === 'admin' ? 'admin' : 'customer'));
    },
  ]);
  table.add('GET', `/docs/${REDOC_BUNDLE_NAME}`, [(_req, res) => answer(res, 'text/javascript; charset=utf-8', redocBundle(), 'public, max-age=3600')]);
  table.add('GET', '/openapi.yaml', [(req, res) => answer(res, 'application/yaml; charset=utf-8', specYaml(ownBaseUrl(req)))]);
  table.add('GET', '/openapi.json', [(req, res) => answer(res, 'application/json; charset=utf-8', specJson(ownBaseUrl(req)))]);
  table.add('GET', '/openapi-admin.yaml', [(req, res) => answer(res, 'application/yaml; charset=utf-8', adminSpecYaml(ownBaseUrl(req)))]);
  table.add('GET', '/openapi-admin.json', [(req, res) => answer(res, 'application/json; charset=utf-8', adminSpecJson(ownBaseUrl(req)))]);
}

function ownBaseUrl(req: MockRequest): string {
  const local = req.socket.localAddress ?? '127.0.0.1';
  const fallback = `${local.includes(':') ? `[${local}]` : local}:${req.socket.localPort ?? 80}`;
  return baseUrlOf(req.headers.host, fallback, req.context!.basePath);
}

function answer(res: MockResponse, type: string, body: string | Buffer, cache = 'no-cache'): void {
  res.writeHead(200, ['Content-Type', type, 'Content-Length', Buffer.byteLength(body), 'Cache-Control', cache]);
  res.end(body);
}
