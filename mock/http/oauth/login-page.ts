/**
 * The small HTML pages of the mock's authorize endpoint: a login page that lists users to pick
 * (each a link with `login_hint`) plus a field to type a credential or uniqueId, and an error page
 * for requests that must not be redirected (RFC 6749 §4.1.2.1).
 */
import type { SampleUser } from '../../core/customer-store.ts';
import type { CodeChallenge } from './pkce.ts';

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  /** Carried through the page, so that the login it leads to keeps the challenge. */
  pkce?: CodeChallenge;
}

/** A failed login: the error to show and what the person typed, to correct it. */
export interface LoginAttempt {
  error: string;
  typed: string;
}

/** The login page: every choice is a GET back to the same authorize URL with a `login_hint`. */
export function loginPage(action: string, request: AuthorizeRequest, users: readonly SampleUser[], attempt?: LoginAttempt): string {
  const hidden = {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    ...(request.state !== undefined ? { state: request.state } : {}),
    ...(request.pkce ? { code_challenge: request.pkce.challenge, code_challenge_method: request.pkce.method } : {}),
  };
  const link = (hint: string) => `${action}?${new URLSearchParams({ ...hidden, login_hint: hint }).toString()}`;
  const items = users
    .map(
      (user) =>
        `<li><a href="${escape(link(user.uniqueId))}">${escape(user.displayName)}</a> ` +
        `<small>customer ${user.customerNumber}, user ${escape(user.uniqueId)}${user.credentials[0] ? `, ${escape(user.credentials[0])}` : ''}</small></li>`,
    )
    .join('\n');
  const fields = Object.entries(hidden)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`)
    .join('\n');
  return page(
    'Log in to the Connect mock',
    `${attempt ? `<p role="alert" class="error">${escape(attempt.error)}</p>\n` : ''}<p>Client <code>${escape(request.clientId)}</code> asks to act for a user. Pick one:</p>
<ul>
${items || '<li>No users in the store. Load some with POST /__admin/reset.</li>'}
</ul>
<form method="get" action="${escape(action)}">
${fields}
<label>Or type a credential (email, +47 phone) or uniqueId: <input name="login_hint" required${attempt ? ` value="${escape(attempt.typed)}"` : ''}></label>
<button type="submit">Log in</button>
</form>`,
  );
}

export function errorPage(title: string, explanation: string): string {
  return page(title, `<p>${escape(explanation)}</p>`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body>
<h1>${escape(title)}</h1>
${body}
</body>
</html>
`;
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
