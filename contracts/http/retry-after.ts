/** What a wait needs from a response: its headers, names in lower case. */
interface WithHeaders {
  headers: Record<string, string>;
}

/**
 * How long a 429 asks to wait: `Retry-After` in seconds or as an HTTP date (RFC 9110 §10.2.3),
 * else the `X-RateLimit-Reset` epoch the API sends, else one second. 50 ms more, so the retry
 * lands after the window turned rather than on its edge.
 */
export function retryAfterMs(response: WithHeaders, now = Date.now()): number {
  const header = response.headers['retry-after'];
  if (header && /^\d+$/.test(header.trim())) return Number(header) * 1000 + 50;
  if (header && !Number.isNaN(Date.parse(header))) return Math.max(0, Date.parse(header) - now) + 50;
  const reset = Number(response.headers['x-ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now) + 50;
  return 1000;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
