/**
 * Rate-limit counters kept by the wrong key: per token (a client with two tokens, or a user token,
 * gets a fresh allowance) or one for all clients. `X-RateLimit-Remaining` still counts down for
 * a run that calls with one token only.
 */
import type { Breakage } from '../wrap-mock.ts';
import type { BrokenServer } from './broken-server.ts';

/** Remaining from a counter the `key` of the request picks; Reset is the mock's. */
function countedBy(key: (authorization: string) => string): Breakage {
  const counts = new Map<string, number>();
  return {
    response: (res, req) => {
      if (!req.path.includes('/v1/') || res.headers['x-ratelimit-remaining'] === undefined) return res;
      const k = key(req.headers.authorization ?? '');
      counts.set(k, (counts.get(k) ?? 0) + 1);
      return { ...res, headers: { ...res.headers, 'x-ratelimit-remaining': String(100_000 - counts.get(k)!) } };
    },
  };
}

export const RATE_LIMIT_PER_CLIENT_BROKEN_SERVERS: BrokenServer[] = [
  { breaks: 'rate limits counted per token, not per client', breakage: countedBy((authorization) => authorization), caughtBy: "semantic.rate-limit.per-client: one allowance per client: its client tokens and its user's token count together" },
  { breaks: 'one rate-limit allowance shared by every client', breakage: countedBy(() => 'everyone'), caughtBy: "semantic.rate-limit.per-client: another client's calls do not count against this client" },
];
