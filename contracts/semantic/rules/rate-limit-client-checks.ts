/**
 * Rate limits counted per client, whatever token the client holds (docs/reference.md §3: "counted
 * per client id"): the run's client token, a second client token of the same client and a user
 * token issued to it draw on one allowance; another client's calls do not. Seen through
 * `X-RateLimit-Remaining` within one window (the same `X-RateLimit-Reset`).
 */
import type { HttpResponse } from '../../http/http-client.ts';
import { clientCredentialsToken } from '../../oauth/tokens.ts';
import { CheckSkip } from '../../runner/results.ts';
import { needClient, oauthClient, type Target } from '../../runner/target.ts';
import type { SemanticCheck } from '../check.ts';
import { expectThat } from '../expect.ts';

const ATTEMPTS = 3;
/** Calls of the other client between two of the run's own. */
const FOREIGN_CALLS = 4;

/** A second token of the run's own client, from the client credentials grant. */
async function secondClientToken(t: Target): Promise<string> {
  if (t.options.clientToken) throw new CheckSkip('the run was given --client-token, not a client secret: it cannot take a second token of its client');
  const second = await clientCredentialsToken(t.http, t.tokenUrl, oauthClient(t.options));
  if (!second.token) throw new CheckSkip(`a second client token could not be had: ${second.problem}`);
  return second.token;
}

const call = (t: Target, bearer: string, user: boolean): Promise<HttpResponse> =>
  user
    ? t.http.request({ method: 'GET', path: '/v1/customer/info', bearer })
    : t.http.request({ method: 'POST', path: '/v1/client/customer/search', bearer, json: { phoneNumber: '+999999999999' } });

const remaining = (res: HttpResponse) => Number(res.headers['x-ratelimit-remaining']);
const windowOf = (res: HttpResponse) => res.headers['x-ratelimit-reset'];

/**
 * Runs the calls until those of the run's own client (`own`, by index) fell into one window;
 * answers them, or skips after a few tries. Another client's window may differ.
 */
async function inOneWindow(calls: Array<() => Promise<HttpResponse>>, own: number[] = calls.map((_, i) => i)): Promise<HttpResponse[]> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const answers: HttpResponse[] = [];
    for (const send of calls) answers.push(await send());
    for (const res of answers) expectThat(/^\d+$/.test(res.headers['x-ratelimit-remaining'] ?? ''), `X-RateLimit-Remaining is ${res.headers['x-ratelimit-remaining'] ?? 'missing'}`, res);
    if (own.every((i) => windowOf(answers[i]!) === windowOf(answers[own[0]!]!))) return answers;
  }
  throw new CheckSkip('the calls kept falling into different rate-limit windows');
}

export const RATE_LIMIT_CLIENT_CHECKS: SemanticCheck[] = [
  {
    group: 'rate-limit.per-client',
    name: "one allowance per client: its client tokens and its user's token count together",
    run: async (t) => {
      const first = needClient(t);
      const second = await secondClientToken(t);
      const user = t.userToken && t.userTokenClientId === t.options.clientId ? t.userToken : undefined;
      const steps: Array<[string, () => Promise<HttpResponse>]> = [
        ['the client token', () => call(t, first, false)],
        ['a second client token of the same client', () => call(t, second, false)],
        ...(user ? [["a user token issued to the same client", () => call(t, user, true)] as [string, () => Promise<HttpResponse>]] : []),
        ['the client token again', () => call(t, first, false)],
      ];
      const answers = await inOneWindow(steps.map(([, send]) => send));
      answers.slice(1).forEach((res, i) => {
        const [before, now] = [remaining(answers[i]!), remaining(res)];
        expectThat(now < before, `X-RateLimit-Remaining went from ${before} to ${now} with ${steps[i + 1]![0]}: the limit is counted per token, not per client`, res);
      });
    },
  },
  {
    group: 'rate-limit.per-client',
    name: "another client's calls do not count against this client",
    run: async (t) => {
      const mine = needClient(t);
      const other = t.options.otherClient;
      if (!other) throw new CheckSkip('needs a second OAuth client of the target: give --other-client ID:SECRET', '--other-client');
      const theirs = await clientCredentialsToken(t.http, t.tokenUrl, { ...other, auth: 'post' });
      if (!theirs.token) throw new CheckSkip(`the second client ${other.clientId} got no token (${theirs.problem}): give --other-client ID:SECRET`, '--other-client');
      const token = theirs.token;
      const foreign = Array.from({ length: FOREIGN_CALLS }, () => () => call(t, token, false));
      const answers = await inOneWindow([() => call(t, mine, false), ...foreign, () => call(t, mine, false)], [0, FOREIGN_CALLS + 1]);
      const [before, after] = [remaining(answers[0]!), remaining(answers.at(-1)!)];
      // One own call, and room for another job's calls on the same client; not for all of the other's.
      expectThat(before - after >= 1 && before - after < FOREIGN_CALLS, `this client's X-RateLimit-Remaining went from ${before} to ${after} across one own call and ${FOREIGN_CALLS} of ${other.clientId}: another client's calls were counted`, answers.at(-1));
    },
  },
];
