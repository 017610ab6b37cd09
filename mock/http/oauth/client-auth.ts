/**
 * Client authentication at the token endpoint (RFC 6749 §2.3.1): HTTP Basic, or `client_id` and
 * `client_secret` parameters in the form body, the query string, or both, as the PHP
 * `oauth2-connectid` client sends them (docs/reference.md §4). Where two places carry a value they must
 * agree. Secrets are compared in constant time. A public client (no secret, RFC 6749 §2.1) sends
 * `client_id` alone (`token_endpoint_auth_method` `none`); what proves it is PKCE (grants.ts).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { errors } from '../../core/errors.ts';
import type { OAuthClient } from '../../config.ts';

export interface ClientCredentialSources {
  authorization: string | undefined;
  body: Record<string, unknown>;
  query: Record<string, unknown>;
}

const HOW_TO =
  'send HTTP Basic (client_id:client_secret) or client_id and client_secret parameters; the demo client is demo-client / demo-secret';

/** The authenticated client, or a 401 `invalid_client` that says what is wrong. */
export function authenticateClient(sources: ClientCredentialSources, clients: readonly OAuthClient[]): OAuthClient {
  const basic = parseBasic(sources.authorization);
  const id = agreed('client_id', [
    ['the Authorization header', basic?.id],
    ['the body', param(sources.body, 'client_id')],
    ['the query string', param(sources.query, 'client_id')],
  ]);
  const secret = agreed('client_secret', [
    ['the Authorization header', basic?.secret],
    ['the body', param(sources.body, 'client_secret')],
    ['the query string', param(sources.query, 'client_secret')],
  ]);
  if (id === undefined) throw errors.oauth(401, 'invalid_client', `The request has no client authentication; ${HOW_TO}.`);
  const client = clients.find((known) => known.id === id);
  if (!client) throw errors.oauth(401, 'invalid_client', `The client_id "${id}" is not registered; ${HOW_TO}.`);
  if (client.secret === undefined) {
    // An empty Basic password is how some libraries send "no secret".
    if (secret !== undefined && secret !== '') {
      throw errors.oauth(401, 'invalid_client', `The client "${id}" is a public client and has no secret; send client_id alone and use PKCE.`);
    }
    return client;
  }
  if (secret === undefined || !sameSecret(secret, client.secret)) {
    throw errors.oauth(401, 'invalid_client', `The client_secret of "${id}" is missing or wrong; ${HOW_TO}.`);
  }
  return client;
}

/** The one value that every place carrying the parameter agrees on. */
function agreed(name: string, sources: Array<[string, string | undefined]>): string | undefined {
  const present = sources.filter((source): source is [string, string] => source[1] !== undefined);
  const first = present[0];
  const other = present.find(([, value]) => value !== first?.[1]);
  if (first && other) {
    throw errors.oauth(401, 'invalid_client', `The ${name} in ${first[0]} and in ${other[0]} differ; send one client identity.`);
  }
  return first?.[1];
}

function param(source: Record<string, unknown>, name: string): string | undefined {
  const value = source[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded. */
function parseBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw errors.oauth(401, 'invalid_client', `The Basic credentials must be base64 of "client_id:client_secret"; ${HOW_TO}.`);
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** Hashing first gives equal lengths, so timingSafeEqual leaks neither content nor length. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
