/**
 * The one error type of the mock and its catalogue. Core and HTTP code throw `ApiError`s made by
 * the functions below; one place in the HTTP layer turns them into bodies:
 * `{exceptionType, errorMessage}` for the API's own errors, and RFC 6749/6750 bodies
 * (`{error, error_description}` plus `WWW-Authenticate` where RFC 6750 asks for it) for OAuth.
 * Code tells errors apart by `status` and `code`, never by message text.
 */
export type ErrorFormat = 'api' | 'oauth';

export type OAuthErrorCode =
  | 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client'
  | 'unsupported_grant_type' | 'invalid_scope' | 'invalid_token' | 'insufficient_scope'
  | 'access_denied' | 'unsupported_response_type' | 'server_error' | 'temporarily_unavailable';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** `exceptionType` for an API error, the RFC 6749 `error` code for an OAuth error. */
    readonly code: string,
    message: string,
    readonly format: ErrorFormat = 'api',
    /** Extra response headers, e.g. `Retry-After` or `WWW-Authenticate`. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  body(): { exceptionType: string; errorMessage: string } | { error: string; error_description: string } {
    return this.format === 'oauth'
      ? { error: this.code, error_description: this.message }
      : { exceptionType: this.code, errorMessage: this.message };
  }
}

const api = (status: number, exceptionType: string, message: string, headers?: Record<string, string>) =>
  new ApiError(status, exceptionType, message, 'api', headers);

/** RFC 6750 §3: a bearer challenge that repeats the error code. */
function bearerChallenge(code: OAuthErrorCode, description: string): Record<string, string> {
  const quoted = description.replace(/["\\]/g, "'");
  return { 'WWW-Authenticate': `Bearer realm="connect", error="${code}", error_description="${quoted}"` };
}

export const errors = {
  /** A request that breaks the spec: `detail` names the field and the rule. */
  validation: (detail: string) => api(400, 'ValidationException', detail),
  malformedJson: (detail: string) => api(400, 'MalformedJsonException', `The request body is not valid JSON: ${detail}`),
  searchRule: () =>
    api(
      400,
      'SearchCriteriaException',
      'A search needs companyName or lastName, and streetAddress, and postalCode or postalPlace; ' +
        'or phoneNumber; or email.',
    ),
  nameRule: () =>
    api(400, 'ValidationException', 'name: a name with content needs lastName or companyName.'),
  tooManyResults: (limit: number) =>
    api(
      403,
      'TooManyResultsException',
      `The search matched more than ${limit} customers; add fields to narrow it.`,
    ),
  /** A record claims a login credential that another customer's user holds (docs/decisions/005). */
  duplicateCredential: (credential: string, customerNumber: number) =>
    api(400, 'DuplicateCredentialException', `The credential ${credential} already belongs to a user of customer ${customerNumber}; a credential identifies one user.`),
  /** A record attaches a user that another customer already has (docs/decisions/005). */
  duplicateUser: (uniqueId: string, customerNumber: number) =>
    api(400, 'DuplicateUserException', `The user ${uniqueId} is already attached to customer ${customerNumber}; a user belongs to one customer.`),
  customerNotFound: (customerNumber: number | string) =>
    api(404, 'CustomerNotFoundException', `No customer has customer number ${customerNumber}.`),
  userHasNoCustomer: (uniqueId: string) =>
    api(404, 'CustomerNotFoundException', `No customer has the user ${uniqueId} attached.`),
  /** No attached user has this credential (the admin API's token minting, docs/reference.md §4). */
  userNotFound: (credential: string) =>
    api(404, 'UserNotFoundException', `No attached user logs in with ${credential}; use a credential of a customer's attached user.`),
  /** A browser request to the admin API from an origin `--cors` does not name (docs/decisions/023). */
  originRefused: (origin: string) =>
    api(403, 'ForbiddenOriginException', `The admin API does not answer requests from the web origin ${origin.slice(0, 100)}; call it from a test or a script, or name the origin with --cors ORIGIN to allow it.`),
  routeNotFound: (method: string, path: string) =>
    api(404, 'NotFoundException', `There is no endpoint ${method} ${path}.`),
  payloadTooLarge: (limit: string) =>
    api(413, 'PayloadTooLargeException', `The request body is larger than ${limit}.`),
  unsupportedMediaType: (got: string) =>
    api(415, 'UnsupportedMediaTypeException', `The request body must be application/json, not ${got || 'absent'}.`),
  /** An admin write (docs/decisions/030) without the JSON content type: says which header to add. */
  adminNeedsJson: (method: string, got: string) =>
    api(415, 'UnsupportedMediaTypeException', `An admin ${method.slice(0, 20)} needs the header "Content-Type: application/json", even with no body (it was ${got ? `"${got.slice(0, 100)}"` : 'absent'}).`),
  /** A request target over the URL limit (RFC 9110 §15.5.15). */
  uriTooLong: (limit: string) =>
    api(414, 'UriTooLongException', `The request URL is longer than ${limit}; send long criteria in a POST body instead.`),
  /** A request head over the header limit (RFC 6585 §5). */
  headersTooLarge: (limit: string) =>
    api(431, 'RequestHeaderFieldsTooLargeException', `The request headers are larger than ${limit} in total; send fewer or shorter headers.`),
  /** A client too slow to send its request (RFC 9110 §15.5.9); `limits` says what it had. */
  requestTimeout: (limits: string) =>
    api(408, 'RequestTimeoutException', `The request did not arrive in time (${limits}); the connection is closed.`),
  /** Bytes that are not an HTTP/1.1 request, refused before any route sees them. */
  badRequest: (detail: string) => api(400, 'BadRequestException', `The request is not valid HTTP/1.1 (${detail}).`),
  /** A JSON key that names a prototype; refused in every body so that none can reach one. */
  prototypeKey: (path: string) =>
    api(400, 'ValidationException', `${path}: the key is not allowed; "__proto__", "constructor" and "prototype" are refused in JSON bodies.`),
  /**
   * A `Host` this loopback-bound mock does not answer: a guard against DNS rebinding. The value
   * is not echoed: it is the requester's text, and an answer that writes request text back
   * invites reflection into whatever shows it (a page that sniffs HTML, a log viewer).
   */
  hostNotAllowed: () =>
    api(403, 'ForbiddenHostException', 'The Host header names a host that is not served while the mock listens on loopback; use localhost or 127.0.0.1, or start it with --allowed-host NAME.'),
  /** RFC 9112 §3.2: an HTTP/1.1 request must carry Host. */
  missingHost: () => api(400, 'BadRequestException', 'The request has no Host header, which HTTP/1.1 requires (RFC 9112 §3.2).'),
  /** An admin request sent from a web page of another origin. */
  /** RFC 9110 §15.5.6: the path exists, not with this method; `Allow` lists those it takes. */
  methodNotAllowed: (method: string, path: string, allowed: readonly string[]) =>
    api(405, 'MethodNotAllowedException', `${path.slice(0, 200)} does not take ${method.slice(0, 20)}; it takes ${allowed.join(', ')}.`, { Allow: allowed.join(', ') }),
  /** More header fields than the server reads (RFC 6585 §5). */
  tooManyHeaders: (limit: number) =>
    api(431, 'RequestHeaderFieldsTooLargeException', `The request has more than ${limit} header fields; send fewer.`),
  /** JSON nested deeper than the mock reads. */
  tooDeep: (limit: number) => api(400, 'ValidationException', `body: is nested deeper than ${limit} levels; no record of this API needs more.`),
  /** The mock's shared state cannot be read or written now (docs/decisions/037): never a stale answer. */
  unavailable: (message: string, retryAfterSeconds: number) =>
    api(503, 'ServiceUnavailableException', message, { 'Retry-After': String(retryAfterSeconds) }),
  rateLimited: (limit: string, retryAfterSeconds: number) =>
    api(
      429,
      'TooManyRequestsException',
      `Rate limit of ${limit} exceeded; retry after ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  injectedFault: (status: number) =>
    api(status, 'InternalServerErrorException', 'The server failed to handle the request; try again later.'),
  internal: () => api(500, 'InternalServerErrorException', 'The server failed to handle the request; try again later.'),
  /** An OAuth error at the token or authorize endpoint (RFC 6749 §5.2). */
  oauth: (status: number, code: OAuthErrorCode, description: string) =>
    new ApiError(status, code, description, 'oauth', status === 401 ? { 'WWW-Authenticate': 'Basic realm="connect"' } : {}),
  /** A refused bearer on an API endpoint (RFC 6750 §3.1): 401 invalid_token, 403 insufficient_scope. */
  bearer: (status: 401 | 403, code: OAuthErrorCode, description: string) =>
    new ApiError(status, code, description, 'oauth', bearerChallenge(code, description)),
} as const;
