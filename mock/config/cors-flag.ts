/**
 * `--cors on|off|ORIGIN[,ORIGIN…]`: which web origins may call the mock from a browser. On by
 * default, any origin: a local mock is called from an app on some `localhost` port. A list allows
 * only those origins, and is the only way the admin API answers a browser (docs/decisions/023).
 */

/** `any` origin, `off` (no CORS header at all), or exactly these origins. */
export type CorsPolicy = 'any' | 'off' | readonly string[];

export function parseCors(raw: string): CorsPolicy {
  const value = raw.trim();
  if (value.toLowerCase() === 'on') return 'any';
  if (value.toLowerCase() === 'off') return 'off';
  const origins = value.split(',').map((origin) => origin.trim());
  return origins.map(originOf);
}

/** An origin as a browser sends it (RFC 6454): scheme, host and port, nothing after. */
function originOf(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`"${text}" is not an origin such as http://localhost:3000`);
  }
  const bare = url.pathname === '/' && !text.endsWith('/') && url.search === '' && url.hash === '' && url.username === '';
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !bare) {
    throw new Error(`"${text}" is not an origin: give scheme, host and port only, such as http://localhost:3000`);
  }
  return url.origin;
}
