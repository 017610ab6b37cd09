/**
 * The flags of the hardening (issue 16), kept beside `config.ts`'s table so that other flags can
 * be added there without touching these: the DNS-rebinding allow list, the admin body limit, the
 * refresh token lifetime and the redirect URIs registered per client.
 */
import type { MockConfig } from './config.ts';
import { ConfigError, integer, nonEmpty } from './config/values.ts';

interface HardeningFlag {
  env: string;
  value: string;
  help: string;
  apply: (config: MockConfig, raw: string, source: string) => void;
  multiple?: true;
}

export const HARDENING_FLAGS: Record<string, HardeningFlag> = {
  'allowed-host': {
    env: 'MOCK_ALLOWED_HOSTS',
    value: 'NAME',
    help: 'a Host name answered besides localhost, *.localhost, 127.0.0.1 and [::1] while bound to loopback (repeatable; ".example.test" allows its subdomains)',
    multiple: true,
    apply: (c, r, s) => c.allowedHosts.push(hostName(r, s)),
  },
  'admin-body-limit': {
    env: 'MOCK_ADMIN_BODY_LIMIT',
    value: 'BYTES',
    help: 'largest /__admin request body, counted after decompression (more is a 413)',
    apply: (c, r, s) => (c.adminBodyLimit = integer(r, s, 1024, 2 ** 31 - 1)),
  },
  'refresh-ttl': {
    env: 'MOCK_REFRESH_TTL',
    value: 'SECONDS',
    help: 'refresh token lifetime',
    apply: (c, r, s) => (c.refreshTtl = integer(r, s, 1, 10 * 31_536_000)),
  },
  'redirect-uri': {
    env: 'MOCK_REDIRECT_URIS',
    value: 'ID=URI',
    help: "register URI as a redirect_uri of client ID (repeatable; a client with none takes only loopback URIs, as the demo clients do)",
    multiple: true,
    apply: (c, r, s) => c.redirectUris.push(redirectUri(r, s)),
  },
};

/**
 * Puts each `--redirect-uri` on its client, once every flag is read (a `--client` flag may come
 * after it). A client id that no client has is a start-up error.
 */
export function attachRedirectUris(config: MockConfig): void {
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

function hostName(raw: string, source: string): string {
  const name = nonEmpty(raw, source).trim().toLowerCase();
  if (!/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(name)) {
    throw new ConfigError(`${source} must be a host name without port or scheme (such as mock.test), not "${raw}".`);
  }
  return name;
}

function redirectUri(raw: string, source: string): { clientId: string; uri: string } {
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
