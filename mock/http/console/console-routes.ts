/**
 * The console (docs/reference.md, "The console"): `GET /__admin/console`, its script and its style
 * sheet, served by the mock, for the root and under every `/__sessions/{id}`. They need no admin
 * token: the page holds no data, and every call it makes is an ordinary admin or API call, which
 * `--admin-token` guards as it guards `curl`. Only the mock's own origin may load anything into
 * the page (Content-Security-Policy).
 */
import { ApiError } from '../../core/errors.ts';
import type { MockResponse } from '../pipeline/exchange.ts';
import type { RouteTable } from '../pipeline/route-table.ts';
import { CONSOLE_SCRIPT, CONSOLE_STYLE, consoleScript, consoleStyle } from './console-bundle.ts';

const POLICY = ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"].join('; ');

/** Asset paths are absolute (with a session's prefix), so `/__admin/console/` finds them too. */
const page = (base: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Console · Connect Customer API mock</title>
<link rel="stylesheet" href="${base}/__admin/console/${CONSOLE_STYLE}">
<script type="module" src="${base}/__admin/console/${CONSOLE_SCRIPT}"></script>
</head>
<body>
<div id="app"><p>Loading the console…</p></div>
<noscript>The console needs JavaScript; the admin API works without it (README, "Admin API").</noscript>
</body>
</html>
`;

export function addConsoleRoutes(table: RouteTable): void {
  table.add('GET', '/__admin/console', [(req, res) => answer(res, 'text/html; charset=utf-8', page(req.context!.basePath))]);
  table.add('GET', `/__admin/console/${CONSOLE_SCRIPT}`, [
    async (_req, res) => {
      let script: Buffer;
      try {
        script = await consoleScript();
      } catch (error) {
        // Not the caller's fault: the checkout lacks what the console is built from.
        throw new ApiError(503, 'ConsoleUnavailableException', `The console could not be built: ${(error as Error).message.slice(0, 300)}`);
      }
      answer(res, 'text/javascript; charset=utf-8', script);
    },
  ]);
  table.add('GET', `/__admin/console/${CONSOLE_STYLE}`, [(_req, res) => answer(res, 'text/css; charset=utf-8', consoleStyle())]);
}

function answer(res: MockResponse, type: string, body: string | Buffer): void {
  res.writeHead(200, ['Content-Type', type, 'Content-Length', Buffer.byteLength(body), 'Cache-Control', 'no-cache', 'Content-Security-Policy', POLICY]);
  res.end(body);
}
