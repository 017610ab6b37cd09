/**
 * `--client ID:SECRET` (a confidential client) and `--client ID` (a public client, RFC 6749 §2.1),
 * repeatable, or `MOCK_CLIENTS=id:secret,id2`: the integrator's own OAuth clients, added to the
 * two demo clients. A malformed value stops the start (exit 2) rather than log in nobody later.
 */
export interface OAuthClient {
  id: string;
  /** `undefined` for a public client (RFC 6749 §2.1): it sends `client_id` alone and must use PKCE. */
  secret: string | undefined;
  /**
   * The redirect URIs registered for this client (`--redirect-uri ID=URI`), compared exactly.
   * Unset: the loopback rule of RFC 8252 §7.3 (oauth/redirect-uris.ts), as the demo clients have it.
   */
  redirectUris?: string[];
}

/** RFC 6749 §2.2 lets a client id be any visible text; this keeps ids safe in URLs, forms and Basic. */
const CLIENT_ID = /^[A-Za-z0-9._~-]{1,64}$/;
/** Visible ASCII: a secret has to survive HTTP Basic and a form body unchanged. */
const SECRET = /^[\x21-\x7e]{1,200}$/;

/** One flag value as a client; `Error` messages are completed with the flag's name by the caller. */
export function parseClient(raw: string): OAuthClient {
  const value = raw.trim();
  const colon = value.indexOf(':');
  const id = colon < 0 ? value : value.slice(0, colon);
  const secret = colon < 0 ? undefined : value.slice(colon + 1);
  if (!CLIENT_ID.test(id)) {
    throw new Error(`"${raw}" has no valid client id: use ID:SECRET or ID, the id 1 to 64 of A-Z a-z 0-9 . _ ~ -`);
  }
  if (secret !== undefined && !SECRET.test(secret)) {
    throw new Error(`"${raw}" has an empty or invalid secret: the secret is 1 to 200 visible ASCII characters (leave out ":SECRET" for a public client)`);
  }
  return { id, secret };
}

/** Adds a client to the list; an id given twice (or a demo client's id) is refused. */
export function addClient(clients: OAuthClient[], client: OAuthClient): void {
  if (clients.some((known) => known.id === client.id)) throw new Error(`the client id "${client.id}" is given twice or is a demo client's`);
  clients.push(client);
}
