/**
 * A journal slot's copy of a request's text (request-text.ts): it reads back as the request was,
 * headers merged by Node's rules, whatever the slot held before.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { expect, it } from 'vitest';
import { RequestText } from './request-text.ts';

const RAW = ['Host', '127.0.0.1', 'Set-Cookie', 'a=1', 'set-cookie', 'b=2', 'Accept', 'x', 'accept', 'y', 'Content-Type', 'application/json', 'content-type', 'text/plain', 'X-Navn', 'Bjørn Ærø'];

it('gives back path, query, headers as Node merges them, and a UTF-8 body', () => {
  const text = new RequestText();
  text.write('/v1/client/customer/search', 'a=1&b=%C3%A6', RAW, '{"lastName":"Ærø 😀"}');
  expect(text.path).toBe('/v1/client/customer/search');
  expect(text.search).toBe('a=1&b=%C3%A6');
  expect({ ...text.headers() }).toStrictEqual({
    host: '127.0.0.1',
    'set-cookie': ['a=1', 'b=2'],
    accept: 'x, y',
    'content-type': 'application/json',
    'x-navn': 'Bjørn Ærø',
  });
  expect(text.body).toBe('{"lastName":"Ærø 😀"}');
});

it('reads back the newest request a slot took, longer or shorter than the one before', () => {
  const text = new RequestText();
  const long = 'x'.repeat(5000);
  text.write(`/${long}`, long, [...RAW, 'X-Long', long], long);
  text.write('/healthz', '', ['Host', 'h'], '');
  expect([text.path, text.search, text.body]).toStrictEqual(['/healthz', '', '']);
  expect({ ...text.headers() }).toStrictEqual({ host: 'h' });
  text.write(`/${long}`, '', RAW, `"${long}"`);
  expect(text.path).toBe(`/${long}`);
  expect(text.body).toBe(`"${long}"`);
});

it('merges repeated header lines exactly as a served request\'s req.headers', async () => {
  let seen: { headers: IncomingHttpHeaders; raw: string[] } | undefined;
  const server = createServer((req, res) => {
    seen = { headers: req.headers, raw: req.rawHeaders };
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    const head = ['GET / HTTP/1.1', ...Array.from({ length: RAW.length / 2 }, (_, i) => `${RAW[2 * i]}: ${RAW[2 * i + 1]}`), 'Connection: close', '', ''];
    socket.end(Buffer.from(head.join('\r\n'), 'latin1'));
    await new Promise((resolve) => socket.on('close', resolve).resume());
  } finally {
    server.close();
  }
  const stored = new RequestText();
  stored.write('/', '', seen!.raw, '');
  expect({ ...stored.headers() }).toStrictEqual({ ...seen!.headers });
});
