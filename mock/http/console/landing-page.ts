/**
 * `GET /` and `GET /__admin`: a small page that links what a newcomer looks for (the console,
 * the API reference, the specs, the health check), so the URL the banner prints leads somewhere.
 * Under `/__sessions/{id}` the links name the session's paths. Neither needs the admin token:
 * the page holds no data.
 */
import type { MockRequest, MockResponse } from '../pipeline/exchange.ts';
import type { RouteTable } from '../pipeline/route-table.ts';

const POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

export function addLandingRoutes(table: RouteTable, admin: boolean): void {
  const step = (req: MockRequest, res: MockResponse) => {
    const body = landingPage(req.context!.basePath, admin);
    res.writeHead(200, ['Content-Type', 'text/html; charset=utf-8', 'Content-Length', Buffer.byteLength(body), 'Cache-Control', 'no-cache', 'Content-Security-Policy', POLICY]);
    res.end(body);
  };
  table.add('GET', '/', [step]);
  if (admin) table.add('GET', '/__admin', [step]);
}

export function landingPage(basePath: string, admin: boolean): string {
  const link = (path: string, text: string, what: string) => `<li><a href="${basePath}${path}">${text}</a> ${what}</li>`;
  const links = [
    admin ? link('/__admin/console', 'Console', 'browse, edit and seed customers, act as one, watch requests') : '',
    link('/docs', 'API reference', 'the Customer API and the admin API, rendered'),
    link('/openapi.yaml', '/openapi.yaml', 'the Customer API spec (also <a href="' + basePath + '/openapi.json">JSON</a>)'),
    admin ? link('/openapi-admin.yaml', '/openapi-admin.yaml', 'the admin API and OAuth routes') : '',
    link('/healthz', '/healthz', 'is the mock up, and how many customers it holds'),
  ].filter(Boolean);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connect Customer API mock</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}li{margin:.4rem 0}</style>
</head>
<body>
<main>
<h1>Connect Customer API mock${basePath ? ` <small>(session ${basePath.slice(basePath.lastIndexOf('/') + 1)})</small>` : ''}</h1>
<ul>
${links.join('\n')}
</ul>
<p>The admin API lives under <code>${basePath}/__admin</code>; see the README's "Admin API" section.</p>
</main>
</body>
</html>
`;
}
