/**
 * `npm run proxy -- --upstream URL [--port P]`: Prism's validation proxy on 127.0.0.1 in front of
 * a real server, on the canonical spec. Forwards every request unchanged and prints each request
 * and every violation of the spec Prism sees in it or in its answer (docs/reference.md §6).
 */
import { parseArgs } from 'node:util';
import { parsePrismLine } from '../contracts/prism/prism-log.ts';
import { serveUntilStopped } from '../contracts/prism/serve-until-stopped.ts';
import { startPrism } from '../contracts/prism/start-prism.ts';

const USAGE = `Usage: npm run proxy -- --upstream URL [--port P]

  --upstream URL  the server to validate, e.g. https://api-test.mediaconnect.no/capi (required)
  --port P        where the proxy listens on 127.0.0.1 (default 4012)
Point your client at the proxy; it prints every spec violation in requests and responses.`;

async function main(): Promise<number> {
  let values: { upstream?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { upstream: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean' } } }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) return console.log(USAGE), 0;
  if (!values.upstream || !/^https?:\/\/[^/]/.test(values.upstream)) return usage('--upstream must be an http(s) URL');
  const port = Number(values.port ?? 4012);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(`--port must be a port number, not "${values.port}"`);
  let violations = 0;
  const server = await startPrism({
    mode: 'proxy', upstream: values.upstream, port,
    onLog: (line) => {
      const event = parsePrismLine(line);
      if (event?.kind === 'request') console.log(`${event.method} ${event.path}`);
      if (event?.kind === 'violation') {
        violations += 1;
        console.log(`  ${event.severity === 'error' ? 'VIOLATION' : 'warning'}: ${event.text}`);
      }
    },
  });
  console.log(`validation proxy on ${server.url} → ${values.upstream} (Ctrl-C to stop)`);
  serveUntilStopped(server, () => console.log(`\n${violations} violation(s) seen`));
  return 0;
}

function usage(message: string): number {
  console.error(`proxy: ${message}\n\n${USAGE}`);
  return 2;
}

const code = await main();
if (code !== 0) process.exit(code);
