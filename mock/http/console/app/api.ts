/**
 * Every call the console makes: ordinary admin and API calls, with the base path the page was
 * served under (the root's, or a session's `/__sessions/{id}`). A 401 from the admin API asks the
 * person for the admin token (`--admin-token`), which is kept for this tab only (sessionStorage),
 * and the call is made again. A failed call becomes an `ApiFailure` whose message is the API's own
 * `errorMessage` (or OAuth's `error_description`), never a stack or an object's text.
 */

const TOKEN_KEY = 'connect-console-admin-token';

/** The prefix the console was served under: '' for the root, `/__sessions/{id}` in a session. */
export const basePath = typeof location === 'undefined' ? '' : location.pathname.replace(/\/__admin\/console\/?$/, '');
/** The root's prefix: sessions are listed and made there. */
export const rootPath = '';
export const origin = typeof location === 'undefined' ? '' : location.origin;

export class ApiFailure extends Error {
  constructor(readonly status: number, message: string, readonly exceptionType: string | undefined) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export interface Answer<T> {
  status: number;
  body: T;
}

type TokenAsker = (reason: string) => Promise<string | undefined>;
let askToken: TokenAsker = () => Promise.resolve(undefined);

/** The shell registers the dialog that asks for the admin token. */
export function onTokenNeeded(asker: TokenAsker): void {
  askToken = asker;
}

export function adminToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  /** A bearer token for an API call; admin calls carry the admin token instead. */
  bearer?: string;
  /** Answer any status instead of throwing on a failure (the search view shows errors as answers). */
  anyStatus?: boolean;
  /** Another base path than the page's (sessions live at the root). */
  base?: string;
}

/** An admin call: `path` is below `/__admin`. */
export function admin<T>(path: string, options: CallOptions = {}): Promise<Answer<T>> {
  return call<T>(`/__admin${path}`, options, true);
}

/** An API or OAuth call with a bearer token. */
export function api<T>(path: string, options: CallOptions = {}): Promise<Answer<T>> {
  return call<T>(path, options, false);
}

async function call<T>(path: string, options: CallOptions, isAdmin: boolean): Promise<Answer<T>> {
  for (;;) {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
    // Admin writes must say JSON even without a body (the admin API refuses them otherwise).
    if (method !== 'GET') headers['Content-Type'] = 'application/json';
    const token = isAdmin ? adminToken() : options.bearer;
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(`${options.base ?? basePath}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    } catch {
      throw new ApiFailure(0, 'The mock did not answer: is it still running?', undefined);
    }
    const body = await readBody(response);
    if (isAdmin && response.status === 401) {
      const given = await askToken(token ? 'The admin token was not accepted; enter it again.' : 'This mock needs the admin token (--admin-token).');
      if (given === undefined) throw failure(response.status, body);
      sessionStorage.setItem(TOKEN_KEY, given);
      continue;
    }
    if (!response.ok && !options.anyStatus) throw failure(response.status, body);
    return { status: response.status, body: body as T };
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function failure(status: number, body: unknown): ApiFailure {
  return new ApiFailure(status, messageOf(status, body), (body as { exceptionType?: string } | null)?.exceptionType);
}

/** The API's own words for a failed answer. */
export function messageOf(status: number, body: unknown): string {
  if (body !== null && typeof body === 'object') {
    const fields = body as Record<string, unknown>;
    if (typeof fields.errorMessage === 'string') return fields.errorMessage;
    if (typeof fields.error_description === 'string') return fields.error_description;
    if (typeof fields.error === 'string') return fields.error;
  }
  if (typeof body === 'string' && body.trim() !== '') return `HTTP ${status}: ${body.slice(0, 200)}`;
  return `HTTP ${status}`;
}

/** What to show for anything thrown: the API's message, or a plain sentence. */
export function describe(error: unknown): string {
  if (error instanceof ApiFailure) return error.message;
  if (error instanceof SyntaxError) return `That is not valid JSON: ${error.message}`;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
