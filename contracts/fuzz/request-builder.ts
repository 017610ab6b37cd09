/**
 * Turns the parts of a generated request (body, content type, token, path values) into the exact
 * request on the wire, in one place, so every family sends the same shape.
 */
import type { Operation } from '../../spec/index.ts';
import type { Credentials, FuzzRequest } from './fuzz-case.ts';

export const JSON_TYPE = 'application/json';

export interface RequestParts {
  /** Path parameter values as they go in the URL: already percent-encoded, or deliberately not. */
  pathSegments?: Record<string, string>;
  body?: string | Uint8Array;
  /** `null`: send the body with no Content-Type header at all. */
  contentType?: string | null;
  /** The whole Authorization header; `null` leaves it out; default: the operation's own token. */
  authorization?: string | null;
  headers?: Record<string, string>;
}

/** The token an operation needs (user or client mode), if the run has one. */
export function tokenFor(operation: Operation, credentials: Credentials): string | undefined {
  return operation.tokenKind === 'user' ? credentials.user : credentials.client;
}

/** The token of the other mode: a valid credential of the wrong kind (403, contracts/README.md). */
export function wrongKindToken(operation: Operation, credentials: Credentials): string | undefined {
  return operation.tokenKind === 'user' ? credentials.client : credentials.user;
}

export function buildRequest(operation: Operation, credentials: Credentials, parts: RequestParts = {}): FuzzRequest {
  const headers: Record<string, string> = { accept: 'application/json', ...parts.headers };
  const token = tokenFor(operation, credentials);
  const authorization = parts.authorization === undefined ? (token ? `Bearer ${token}` : null) : parts.authorization;
  if (authorization !== null) headers.authorization = authorization;
  if (parts.body !== undefined && parts.contentType !== null) headers['content-type'] = parts.contentType ?? JSON_TYPE;
  return {
    method: operation.method.toUpperCase(),
    path: fillPath(operation, parts.pathSegments ?? {}),
    headers,
    ...(parts.body !== undefined ? { body: parts.body } : {}),
  };
}

/** `/v1/client/customer/info/{customerNumber}` with the given segments; a missing one is the spec's example. */
export function fillPath(operation: Operation, segments: Record<string, string>): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const given = segments[name];
    if (given !== undefined) return given;
    const example = operation.parameters.find((p) => p.name === name)?.example;
    return encodeURIComponent(String(example ?? '1'));
  });
}
