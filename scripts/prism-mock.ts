/**
 * `npm run mock:prism [-- --port P] [--dynamic]`: Prism's stateless mock of the canonical spec on
 * 127.0.0.1, to compare with the project's stateful mock. It answers with the spec's examples
 * (or, with --dynamic, bodies generated from the schemas with a fixed seed).
 */
import { parseArgs } from 'node:util';
import { parsePrismLine } from '../contracts/prism/prism-log.ts';
import { serveUntilStopped } from '../contracts/prism/serve-until-stopped.ts';
import { startPrism } from '../contracts/prism/start-prism.ts';

const USAGE = `Usage: npm run mock:prism [-- --port P] [--dynamic]

  --port P     where the mock listens on 127.0.0.1 (default 4011; the project's mock has 4010)
  --dynamic    generate bodies from the schemas (seeded) instead of answering with the examples`;

async function main(): Promise<number> {
  let values: { port?: string; dynamic?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, dynamic: { type: 'boolean' }, help: { type: 'boolean' } } }));
  } catch (error) {
    console.error(`mock:prism: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) return console.log(USAGE), 0;
  const port = Number(values.port ?? 4011);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`mock:prism: --port must be a port number, not "${values.port}"\n\n${USAGE}`);
    return 2;
  }
  const server = await startPrism({
    mode: 'mock', port, dynamic: values.dynamic ?? false,
    onLog: (line) => {
      const event = parsePrismLine(line);
      if (event?.kind === 'request') console.log(`${event.method} ${event.path}`);
      if (event?.kind === 'violation') console.log(`  ${event.severity}: ${event.text}`);
    },
  });
  console.log(`Prism's stateless mock of spec/customer-api.yaml on ${server.url} (Ctrl-C to stop)`);
  serveUntilStopped(server);
  return 0;
}

const code = await main();
if (code !== 0) process.exit(code);
