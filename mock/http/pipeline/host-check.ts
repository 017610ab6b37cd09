/**
 * DNS rebinding (docs/decisions/030): a web page on `evil.example` whose name is made to resolve to
 * 127.0.0.1 can read a loopback server as if it were its own origin; the browser still sends
 * `Host: evil.example`. So while the mock listens on a loopback address it answers only the names
 * that mean this machine, plus those given with `--allowed-host`, as dev servers do (Vite's
 * `server.allowedHosts`, webpack's `allowedHosts`). Bound to another interface, it was made
 * reachable on purpose, and any name is answered. Also here: an HTTP/1.1 request without `Host`,
 * which RFC 9112 §3.2 makes a 400, answered with the API's error body (Node's own 400 has none).
 */
import type { MockConfig } from '../../config.ts';
import { type ApiError, errors } from '../../core/errors.ts';
import type { MockRequest } from './exchange.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const LOOPBACK_BINDS = new Set(['localhost', '::1', '[::1]']);

/** The refusal of a request's `Host` for this configuration, or undefined when it may be served. */
export function hostCheck(config: Pick<MockConfig, 'host' | 'allowedHosts'>): (req: MockRequest) => ApiError | undefined {
  const guarded = isLoopback(config.host);
  const names = new Set(config.allowedHosts.filter((name) => !name.startsWith('.')));
  const suffixes = config.allowedHosts.filter((name) => name.startsWith('.'));
  return (req) => {
    const host = req.headers.host;
    if (host === undefined) return req.httpVersion === '1.0' ? undefined : errors.missingHost();
    if (!guarded) return undefined;
    const name = hostName(host);
    if (LOOPBACK_HOSTS.has(name) || name.endsWith('.localhost') || names.has(name)) return undefined;
    if (suffixes.some((suffix) => name.endsWith(suffix) || name === suffix.slice(1))) return undefined;
    return errors.hostNotAllowed();
  };
}

function isLoopback(bind: string): boolean {
  return LOOPBACK_BINDS.has(bind.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(bind);
}

/** The name of a `Host` value, lower-cased, without its port; an IPv6 literal keeps its brackets. */
function hostName(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end < 0 ? value : value.slice(0, end + 1);
  }
  const colon = value.indexOf(':');
  const name = colon < 0 ? value : value.slice(0, colon);
  // A fully qualified name may end with a dot: "localhost." is localhost.
  return name.endsWith('.') ? name.slice(0, -1) : name;
}
