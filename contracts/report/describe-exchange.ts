import type { Exchange } from '../runner/results.ts';

/** An exchange as plain text: the request line, headers and body, then what came back. */
export function describeExchange(exchange: Exchange): string {
  const lines = [`${exchange.method} ${exchange.url}`];
  for (const [name, value] of Object.entries(exchange.requestHeaders ?? {})) lines.push(`${name}: ${value}`);
  if (exchange.requestBody) lines.push('', exchange.requestBody);
  lines.push('', exchange.status === undefined ? '(no response)' : `→ ${exchange.status}`);
  for (const [name, value] of Object.entries(exchange.responseHeaders ?? {})) {
    if (/^(content-type|x-ratelimit-|retry-after|www-authenticate|location)/i.test(name)) lines.push(`${name}: ${value}`);
  }
  if (exchange.responseBody) lines.push('', exchange.responseBody);
  return lines.join('\n');
}
