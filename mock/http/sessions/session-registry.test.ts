import { expect, it } from 'vitest';
import { ApiError } from '../../core/errors.ts';
import { manualClock } from '../components.ts';
import type { MockContext } from '../pipeline/context.ts';
import { isSessionPath, SessionRegistry } from './session-registry.ts';

const closed: string[] = [];
/** A context with only what the registry touches: its base path, and a token store to close. */
const contextFor = (id: string) => ({ basePath: `/__sessions/${id}`, tokens: { close: () => closed.push(id) } }) as unknown as MockContext;
const registry = (clock = manualClock(), max = 5) => new SessionRegistry(clock, { ttlSeconds: 10, maxSessions: max }, contextFor);

it('tells session paths from others with prefix checks only', () => {
  expect(isSessionPath('/__sessions/a/healthz')).toBe(true);
  expect(isSessionPath('/.well-known/oauth-authorization-server/__sessions/a')).toBe(true);
  expect(isSessionPath('/v1/client/customer/info/1')).toBe(false);
  expect(isSessionPath('/__sessionsX/a')).toBe(false);
});

it('enters a session by its prefix, and by RFC 8414\'s well-known path', async () => {
  const sessions = registry();
  const context = await sessions.create('ci-42', () => []);
  expect(sessions.enter('/__sessions/ci-42/v1/customer/info')).toEqual({ context, path: '/v1/customer/info' });
  expect(sessions.enter('/__sessions/ci-42')).toEqual({ context, path: '/' });
  expect(sessions.enter('/.well-known/oauth-authorization-server/__sessions/ci-42')).toEqual({ context, path: '/.well-known/oauth-authorization-server' });
  const missing = sessions.enter('/.well-known/oauth-authorization-server/__sessions/other');
  expect(missing).toBeInstanceOf(ApiError);
  expect((missing as ApiError).status).toBe(404);
});

it('refuses a second create of an id still being made (409), and frees the id when making it fails', async () => {
  const sessions = registry();
  let release!: () => void;
  const slow = sessions.create('same', () => new Promise<[]>((resolve) => (release = () => resolve([]))));
  await expect(sessions.create('same', () => [])).rejects.toMatchObject({ status: 409 });
  release();
  await slow;
  await expect(sessions.create('broken', () => Promise.reject(new ApiError(400, 'ValidationException', 'bad')))).rejects.toMatchObject({ status: 400 });
  await expect(sessions.create('broken', () => [])).resolves.toBeDefined();
});

it('counts sessions being made toward the maximum', async () => {
  const sessions = registry(manualClock(), 1);
  const pending = sessions.create('first', () => new Promise<[]>((resolve) => setTimeout(() => resolve([]), 10)));
  await expect(sessions.create('second', () => [])).rejects.toMatchObject({ status: 409 });
  await pending;
});

it('ends a session unused for the TTL, counting from its last use', async () => {
  const clock = manualClock();
  const sessions = registry(clock);
  await sessions.create('a', () => []);
  clock.advance(9_000);
  expect(sessions.enter('/__sessions/a/healthz')).not.toBeInstanceOf(ApiError);
  clock.advance(9_000);
  expect(sessions.enter('/__sessions/a/healthz')).not.toBeInstanceOf(ApiError);
  clock.advance(10_000);
  expect(sessions.enter('/__sessions/a/healthz')).toBeInstanceOf(ApiError);
  expect(sessions.size).toBe(0);
  // Its token store's sweep timer is stopped with it, so an ended session leaves nothing running.
  expect(closed).toContain('a');
});

it('makes up ids that are free', async () => {
  const sessions = registry();
  await sessions.create('session-1', () => []);
  const made = await sessions.create(undefined, () => []);
  expect(made.basePath).toBe('/__sessions/session-2');
});
