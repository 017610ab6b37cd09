/**
 * The faults the mock can put on the wire, named as WireMock's are known (docs/decisions/043):
 * what a client meets when a server or a proxy in front of it fails mid-exchange.
 *
 * - `reset`: the connection is reset (TCP RST) before any byte of an answer;
 * - `empty`: the connection is closed with no bytes;
 * - `garbage`: bytes that are not HTTP, then the connection is closed;
 * - `truncated`: the real answer's status and headers (its full `Content-Length`) and half its
 *   body, then the connection is closed;
 * - `slow-body`: the real answer, its body written in small pieces over a delay.
 *
 * `500` is no network fault: it is the catalogue's 500 answer, what `--fault-rate` has always given.
 */

export const NETWORK_FAULTS = ['reset', 'empty', 'garbage', 'truncated', 'slow-body'] as const;

export type NetworkFault = (typeof NETWORK_FAULTS)[number];

/** What a request chosen by `--fault-rate` gets: one of these, at random among those `--fault-kind` gave. */
export type FaultKind = '500' | NetworkFault;

export const FAULT_KINDS: readonly FaultKind[] = ['500', ...NETWORK_FAULTS];

/** How long a `slow-body` answer takes to write its body when no `delay` is asked for. */
export const DEFAULT_SLOW_BODY_MS = 2000;

/** The faults that end the connection before an answer: the operation does not run. */
export function isConnectionFault(fault: NetworkFault): boolean {
  return fault === 'reset' || fault === 'empty' || fault === 'garbage';
}

export function isNetworkFault(value: string): value is NetworkFault {
  return (NETWORK_FAULTS as readonly string[]).includes(value);
}
