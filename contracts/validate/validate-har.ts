import { matchOperation, validatePayload, type Violation } from './validate-payload.ts';

/** The parts of a HAR 1.2 log (W3C draft, "HTTP Archive") that hold the exchanges. */
interface Har {
  log?: { entries?: HarEntry[] };
}
interface HarEntry {
  request: { method: string; url: string; postData?: { text?: string } };
  response: { status: number; content?: { text?: string; encoding?: string } };
}

export interface HarResult {
  label: string;
  /** Why the exchange was not checked (no matching operation, no JSON body). */
  skipped?: string;
  violations: Violation[];
}

/** Every exchange of a HAR file matched to its operation and checked: request and response body. */
export function validateHar(har: Har, onlyOperation?: string): HarResult[] {
  const results: HarResult[] = [];
  for (const [index, entry] of (har.log?.entries ?? []).entries()) {
    const url = new URL(entry.request.url);
    const label = `#${index + 1} ${entry.request.method} ${url.pathname} → ${entry.response.status}`;
    const operation = matchOperation(entry.request.method, url.pathname);
    if (!operation) {
      results.push({ label, skipped: 'no operation of the spec has this method and path', violations: [] });
      continue;
    }
    if (onlyOperation && operation.operationId !== onlyOperation) continue;
    results.push({ label: `${label} (${operation.operationId})`, violations: checkEntry(entry, operation.operationId, Boolean(operation.requestBody)) });
  }
  return results;
}

function checkEntry(entry: HarEntry, operationId: string, hasBody: boolean): Violation[] {
  const violations: Violation[] = [];
  const requestText = entry.request.postData?.text;
  if (hasBody && requestText) {
    const parsed = parse(requestText);
    violations.push(...(parsed.ok ? validatePayload(operationId, 'request', parsed.value).map(prefix('request')) : [{ path: 'request', message: 'is not JSON' }]));
  }
  const content = entry.response.content;
  const text = content?.encoding === 'base64' && content.text ? Buffer.from(content.text, 'base64').toString('utf8') : content?.text;
  if (text) {
    const parsed = parse(text);
    if (!parsed.ok) violations.push({ path: 'response', message: 'is not JSON' });
    else {
      try {
        violations.push(...validatePayload(operationId, entry.response.status, parsed.value).map(prefix('response')));
      } catch (error) {
        violations.push({ path: 'response', message: (error as Error).message });
      }
    }
  }
  return violations;
}

const prefix = (side: string) => (v: Violation): Violation => ({ ...v, path: `${side} ${v.path}` });

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
