import { describe, expect, it } from 'vitest';
import { parseFuzzArgs } from './fuzz-cli.ts';

describe('parseFuzzArgs', () => {
  it('reads the documented flags, with defaults for the rest', () => {
    const options = parseFuzzArgs(['--base-url', 'http://127.0.0.1:4010/', '--count', '50', '--seed=-7', '--only', 'search,/auth']);
    expect(options).toMatchObject({
      baseUrl: 'http://127.0.0.1:4010', count: 50, seed: -7, only: ['search', '/auth'],
      clientId: 'demo-client', clientSecret: 'demo-secret', timeLimitMs: 300_000, requestTimeoutMs: 10_000,
    });
  });

  it('takes the seed from the clock when none is given, so each run explores anew and prints it', () => {
    expect(parseFuzzArgs(['--base-url', 'http://127.0.0.1:1'], 1234).seed).toBe(1234);
  });

  it('refuses a run without --base-url, and a count that is not a whole number', () => {
    expect(() => parseFuzzArgs([])).toThrow(/--base-url/);
    expect(() => parseFuzzArgs(['--base-url', 'http://127.0.0.1:1', '--count', '1e3'])).toThrow(/--count/);
  });
});
