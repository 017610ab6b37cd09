/**
 * The values of the hardening flags (issue 16): host names for the DNS-rebinding allow list, and
 * the redirect URIs registered per client, put on their clients once every flag is read.
 */
import type { OAuthClient } from './client-flag.ts';
import { ConfigError, nonEmpty } from './values.ts';

/**
 * Puts each `--redirect-uri` on its client, once every flag is read (a `--client` flag may come
 * after it). A client id that no client has is a start-up error.
 */
export function attachRedirectUris(config: { clients: OAuthClient[]; redirectUris: Array<{ clientId: string; uri: string }> }): void {
  if (config.redirectUris.length === 0) return;
  config.clients = config.clients.map((client) => {
    const uris = config.redirectUris.filter((entry) => entry.clientId === client.id).map((entry) => entry.uri);
    return uris.length > 0 ? { ...client, redirectUris: [...(client.redirectUris ?? []), ...uris] } : client;
  });
  const unknown = config.redirectUris.find((entry) => !config.clients.some((client) => client.id === entry.clientId));
  if (unknown) {
    throw new ConfigError(`--redirect-uri names the client "${unknown.clientId}", which is not one of ${config.clients.map((client) => client.id).join(', ')}.`);
  }
}

export function hostName(raw: string, source: string): string {
  const name = nonEmpty(raw, source).trim().toLowerCase();
  if (!/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(name)) {
    throw new ConfigError(`${source} must be a host name without port or scheme (such as mock.test), not "${raw}".`);
  }
  return name;
}

export function redirectUri(raw: string, source: string): { clientId: string; uri: string } {
  const equals = raw.indexOf('=');
  const clientId = raw.slice(0, equals).trim();
  const uri = raw.slice(equals + 1).trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(uri);
  } catch {
    parsed = undefined;
  }
  if (equals < 1 || !parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || uri.includes('#')) {
    throw new ConfigError(`${source} must be ID=URI with an absolute http(s) URI without a fragment (such as demo-client=https://app.test/cb), not "${raw}".`);
  }
  return { clientId, uri };
}
