/**
 * Where an authorization code may be sent (docs/decisions/031). A client with registered redirect
 * URIs (`--redirect-uri ID=URI`) gets codes only at exactly those (RFC 9700 §2.1: exact string
 * matching). A client without any, as the demo clients are, takes a loopback URI on any port and
 * path, as RFC 8252 §7.3 lets native apps do: `http://localhost`, `http://127.0.0.1` or
 * `http://[::1]`. The loopback rule reads the host as a browser will, so that
 * `http://127.0.0.1@evil.example/cb` (userinfo) or `http:\\evil.example\cb` (backslashes, which
 * WHATWG URL parsing turns into slashes) are seen as the foreign hosts they are.
 */
import type { OAuthClient } from '../../config.ts';

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when `client` may receive a code at `redirectUri`. */
export function isRegisteredRedirect(client: OAuthClient, redirectUri: string): boolean {
  if (client.redirectUris !== undefined && client.redirectUris.length > 0) return client.redirectUris.includes(redirectUri);
  return isLoopbackRedirect(redirectUri);
}

/** RFC 8252 §7.3: plain http to this machine, any port, any path, no userinfo, no fragment. */
export function isLoopbackRedirect(redirectUri: string): boolean {
  if (redirectUri.includes('\\') || redirectUri.includes('#')) return false;
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && url.username === '' && url.password === '' && LOOPBACK_HOSTNAMES.has(url.hostname)
    // The text itself must start with the host too: no parser leniency between scheme and host.
    && /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(?=[:/?]|$)/i.test(redirectUri);
}

/** What the error page says about a refused `redirect_uri`. */
export function redirectRule(client: OAuthClient): string {
  return client.redirectUris?.length
    ? `The redirect_uri must be one of those registered for ${client.id} with --redirect-uri: ${client.redirectUris.join(', ')}.`
    : `The redirect_uri of ${client.id} must be a loopback URL such as http://localhost:3000/callback or http://127.0.0.1:8080/cb ` +
        `(any port and path, RFC 8252 §7.3); register others with --redirect-uri ${client.id}=URI.`;
}
