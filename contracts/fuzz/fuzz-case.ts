/**
 * What the fuzzer sends and what it expects back. A case is built by a generator and classified
 * by the spec's compiled validators (the oracle), never by the generator's intent alone: a
 * mutation that happens to stay valid is checked as valid input.
 */

/** One HTTP request, exactly as it goes on the wire (the path is already percent-encoded). */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** A string is sent as UTF-8; bytes are sent as they are (invalid UTF-8, oversize bodies). */
  body?: string | Uint8Array;
}

/** What the target should answer, and why: the checks read it. */
export type Expectation =
  /** Valid input: one of `accept` (2xx, or a documented business 4xx named in `why`). */
  | { kind: 'valid'; accept: number[]; why: string }
  /** Invalid input: any 4xx. */
  | { kind: 'invalid'; why: string }
  /** Missing, bad or wrong-kind credentials: exactly `status` (401, or 403 for the wrong kind). */
  | { kind: 'auth'; status: 401 | 403; why: string }
  /** `Prefer: code=N` asked for this status (the Prism convention the mock follows). */
  | { kind: 'prefer'; status: number; why: string }
  /** No rule says which status (e.g. invalid UTF-8 bytes): only the general checks apply. */
  | { kind: 'any'; why: string };

export interface FuzzCase {
  operationId: string;
  request: FuzzRequest;
  expect: Expectation;
  /** What the generator did, in words, e.g. `name.lastName: 31 characters (maxLength 30)`. */
  note: string;
}

export interface FuzzResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  durationMs: number;
}

/** The credentials a run has; a missing one makes the cases that need it skipped. */
export interface Credentials {
  client?: string;
  user?: string;
}

/** Bodies above this are not printed whole in reports. */
const SHOWN_BODY_CHARS = 600;

/** A request as a reader can replay it: method, path, headers, and the body (cut if huge). */
export function describeRequest(request: FuzzRequest): string {
  const lines = [`${request.method.toUpperCase()} ${request.path}`];
  for (const [name, value] of Object.entries(request.headers)) {
    lines.push(`${name}: ${name.toLowerCase() === 'authorization' ? maskToken(value) : value}`);
  }
  if (request.body !== undefined) lines.push('', showBody(request.body));
  return lines.join('\n');
}

export function describeResponse(response: FuzzResponse): string {
  const type = response.headers['content-type'] ?? '(no content-type)';
  return `${response.status} ${type}\n${cut(response.body)}`;
}

function showBody(body: string | Uint8Array): string {
  if (typeof body === 'string') return cut(visible(body), body.length);
  const text = Buffer.from(body).toString('latin1');
  const escaped = [...text.slice(0, SHOWN_BODY_CHARS)]
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) > 0x7e ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c))
    .join('');
  return `(bytes) ${escaped}${body.length > SHOWN_BODY_CHARS ? `… (${body.length} bytes)` : ''}`;
}

/** Control, invisible, bidi and lone-surrogate characters as `\uXXXX`, so a report shows them. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what this shows escaped
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/gu;

function cut(text: string, length = text.length): string {
  return length > SHOWN_BODY_CHARS ? `${text.slice(0, SHOWN_BODY_CHARS)}… (${length} characters)` : text;
}

/** Tokens are credentials: show the kind and a prefix, enough to tell bad from good. */
function maskToken(value: string): string {
  const [scheme = '', token = ''] = value.split(' ', 2);
  return token.length > 12 ? `${scheme} ${token.slice(0, 8)}…` : value;
}
