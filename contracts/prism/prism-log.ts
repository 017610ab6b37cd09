/** What a line of Prism 5's log says, for the commands that report on it. */
export type PrismEvent =
  | { kind: 'request'; method: string; path: string }
  | { kind: 'violation'; severity: 'error' | 'warning'; text: string }
  | { kind: 'listening'; url: string };

// Lines look like `[4:10:32 PM] › [HTTP SERVER] get /v1/customer/info ℹ  info      Request received`
// and `[4:10:32 PM] ›     [VALIDATOR] ✖  error     Violation: response.body.name.lastName …`.
const REQUEST = /\[HTTP SERVER\]\s+(\w+)\s+(\S+)\s.*Request received/;
const VIOLATION = /\[VALIDATOR\].*?\b(error|warning)\s+Violation:\s*(.*)$/;
const LISTENING = /Prism is listening on (\S+)/;

export function parsePrismLine(line: string): PrismEvent | undefined {
  const request = REQUEST.exec(line);
  if (request?.[1] && request[2]) return { kind: 'request', method: request[1].toUpperCase(), path: request[2] };
  const violation = VIOLATION.exec(line);
  if (violation?.[2]) return { kind: 'violation', severity: violation[1] === 'error' ? 'error' : 'warning', text: violation[2].trim() };
  const listening = LISTENING.exec(line);
  if (listening?.[1]) return { kind: 'listening', url: listening[1] };
  return undefined;
}
