/**
 * Token endpoints that break RFC 6749 in one way each: a code that works twice or for anyone, a
 * secret not checked, a refresh token taken as a bearer, the wrong error code, no challenge.
 */
import type { Breakage, WrappedRequest, WrappedResponse } from '../wrap-mock.ts';
import { form, isToken, json, withJson, type BrokenServer } from './broken-server.ts';

const DEMO_BASIC = `Basic ${Buffer.from('demo-client:demo-secret').toString('base64')}`;
const isCodeGrant = (req: WrappedRequest) => isToken(req) && form(req).get('grant_type') === 'authorization_code';
const withForm = (req: WrappedRequest, params: URLSearchParams, headers = req.headers): WrappedRequest => ({ ...req, headers, body: params.toString() });

/** A code can be exchanged again: the first answer is kept and sent once more. */
function reusableCodes(): Breakage {
  const answered = new Map<string, WrappedResponse>();
  return {
    request: (req) => (isCodeGrant(req) && answered.has(form(req).get('code') ?? '') ? answered.get(form(req).get('code') ?? '')! : req),
    response: (res, req) => {
      if (isCodeGrant(req) && res.status === 200) answered.set(form(req).get('code') ?? '', res);
      return res;
    },
  };
}

/** The code's `redirect_uri` is not compared: the one it was issued for is put in its place. */
function redirectUriNotChecked(): Breakage {
  const issuedFor = new Map<string, string>();
  return {
    response: (res, req) => {
      const location = res.headers.location;
      const asked = /\/oauth\/authorize\?/.test(req.path) ? new URL(req.path, 'http://x').searchParams.get('redirect_uri') : null;
      const code = location && asked ? new URL(location).searchParams.get('code') : null;
      if (code && asked) issuedFor.set(code, asked);
      return res;
    },
    request: (req) => {
      if (!isCodeGrant(req)) return req;
      const params = form(req);
      const original = issuedFor.get(params.get('code') ?? '');
      if (original) params.set('redirect_uri', original);
      return withForm(req, params);
    },
  };
}

/** The code exchange does not check the client secret: the right one is sent on. */
const secretNotChecked: Breakage = {
  request: (req) => {
    if (!isCodeGrant(req)) return req;
    const params = form(req);
    params.delete('client_secret');
    params.delete('client_id');
    return withForm(req, params, { ...req.headers, authorization: DEMO_BASIC });
  },
};

/** A code is not bound to its client: any client's exchange goes through as the demo client's. */
const codeNotBoundToClient: Breakage = {
  request: (req) => {
    const params = form(req);
    if (!isCodeGrant(req) || params.get('client_id') !== 'demo-client-2') return req;
    params.set('client_id', 'demo-client');
    params.set('client_secret', 'demo-secret');
    return withForm(req, params);
  },
};

/** A refresh token works as a bearer: the access token issued with it is put in its place. */
function refreshTokenIsBearer(): Breakage {
  const accessOf = new Map<string, string>();
  return {
    response: (res, req) => {
      const body = json(res.body);
      if (isToken(req) && typeof body?.refresh_token === 'string' && typeof body.access_token === 'string') accessOf.set(body.refresh_token, body.access_token);
      return res;
    },
    request: (req) => {
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const access = bearer ? accessOf.get(bearer) : undefined;
      return access ? { ...req, headers: { ...req.headers, authorization: `Bearer ${access}` } } : req;
    },
  };
}

/** An unknown grant type is answered `invalid_request` (RFC 6749 §5.2 says unsupported_grant_type). */
const wrongGrantError: Breakage = {
  response: (res) => {
    const body = json(res.body);
    return body?.error === 'unsupported_grant_type' ? withJson(res, { ...body, error: 'invalid_request' }) : res;
  },
};

/** 401s of the token endpoint come without `WWW-Authenticate`. */
const tokenEndpoint401WithoutChallenge: Breakage = {
  response: (res, req) => {
    if (!isToken(req) || res.status !== 401) return res;
    const headers = Object.fromEntries(Object.entries(res.headers).filter(([name]) => name !== 'www-authenticate'));
    return { ...res, headers };
  },
};

/** A wrong client secret is answered 400 invalid_grant, as if the code were bad. */
const wrongSecretAsInvalidGrant: Breakage = {
  response: (res, req) => (isToken(req) && json(res.body)?.error === 'invalid_client'
    ? { status: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: 'invalid_grant', error_description: 'Bad request.' }) }
    : res),
};

export const OAUTH_BROKEN_SERVERS: BrokenServer[] = [
  { breaks: 'an authorization code that works twice', breakage: reusableCodes(), caughtBy: 'semantic.oauth: an authorization code works once; its replay is invalid_grant' },
  { breaks: 'a code exchange that ignores redirect_uri', breakage: redirectUriNotChecked(), caughtBy: 'semantic.oauth: refuses a code sent with another redirect_uri: invalid_grant' },
  { breaks: 'a code exchange that ignores the client secret', breakage: secretNotChecked, caughtBy: 'semantic.oauth: refuses a code sent with a wrong client secret: 401 invalid_client' },
  { breaks: 'a code that any client may exchange', breakage: codeNotBoundToClient, caughtBy: 'semantic.oauth: refuses a code exchanged by another client: invalid_grant' },
  { breaks: 'a refresh token accepted as a bearer', breakage: refreshTokenIsBearer(), caughtBy: 'semantic.oauth: a refresh token is no bearer: 401 invalid_token with a challenge' },
  { breaks: 'invalid_request for an unknown grant type', breakage: wrongGrantError, caughtBy: 'semantic.oauth: answers an unknown grant type with unsupported_grant_type' },
  { breaks: 'token endpoint 401s without a challenge', breakage: tokenEndpoint401WithoutChallenge, caughtBy: 'semantic.oauth: refuses the client credentials grant with a wrong secret: 401 invalid_client' },
  { breaks: 'a wrong secret answered as invalid_grant', breakage: wrongSecretAsInvalidGrant, caughtBy: 'semantic.oauth: refuses a code sent with a wrong client secret: 401 invalid_client' },
];
