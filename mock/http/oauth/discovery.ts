/**
 * `GET /.well-known/oauth-authorization-server` (RFC 8414): the metadata that standard OAuth
 * libraries (openid-client, oauth4webapi, AppAuth) read instead of being told each endpoint. A
 * convenience of the mock, not a claim about the real ConnectID. URLs are absolute, on the host the
 * request came to, so that the same mock serves `127.0.0.1`, `localhost` and a container name.
 */
import type { MockRequest } from '../pipeline/exchange.ts';
import type { Step } from '../pipeline/run-steps.ts';
import { sendJson } from '../send-json.ts';

export const DISCOVERY_PATH = '/.well-known/oauth-authorization-server';

/** A `Host` header as RFC 9110 §7.2 has it: a name or address, and a port. Anything else is not echoed. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export const discovery: Step = (req, res) => {
  const issuer = `http://${hostOf(req)}${req.context!.basePath}`;
  res.setHeader('Cache-Control', 'no-store');
  sendJson(res, 200, {
    issuer,
    authorization_endpoint: `${issuer}/user/oauth/authorize`,
    token_endpoint: `${issuer}/user/oauth/token`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    code_challenge_methods_supported: ['S256', 'plain'],
  });
};

function hostOf(req: MockRequest): string {
  const host = req.headers.host;
  if (host !== undefined && HOST.test(host)) return host;
  const { localAddress, localPort } = req.socket;
  return `${localAddress?.includes(':') ? `[${localAddress}]` : localAddress}:${localPort}`;
}
