/**
 * The machine's limit for a Node server: a bare `node:http` server that answers, for each
 * benchmarked request, the bytes our mock answered to it (captured first, bench/capture.ts). It
 * reads the request body like any server must, looks the answer up, and writes it: no routing,
 * no validation, no JSON. Run as its own process:
 *
 *   node --import tsx bench/bare-server.ts ROUTES.json
 *
 * and it prints `{"port": N}` on standard output once it listens on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerKey, type CapturedAnswer } from './answers.ts';

interface Answer {
  status: number;
  headers: Record<string, string | number>;
  body: Buffer;
}

function loadAnswers(path: string): Map<string, Answer> {
  const captured = JSON.parse(readFileSync(path, 'utf8')) as CapturedAnswer[];
  const answers = new Map<string, Answer>();
  for (const entry of captured) {
    const body = Buffer.from(entry.bodyBase64, 'base64');
    answers.set(answerKey(entry.method, entry.path, entry.requestBody), {
      status: entry.status,
      headers: { 'Content-Type': entry.contentType, 'Content-Length': body.length },
      body,
    });
  }
  return answers;
}

const NOT_FOUND: Answer = { status: 404, headers: { 'Content-Length': 0 }, body: Buffer.alloc(0) };

function main(): void {
  const routesFile = process.argv[2];
  if (!routesFile) throw new Error('usage: bare-server.ts ROUTES.json');
  const answers = loadAnswers(routesFile);
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const answer = answers.get(answerKey(req.method ?? '', req.url ?? '', body)) ?? NOT_FOUND;
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

main();
