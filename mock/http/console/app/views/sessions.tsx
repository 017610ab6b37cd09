/**
 * Test sessions (`/__admin/sessions`, the root's): list them, make one (from the start data, or
 * seeded), open its console, end it.
 */
import { useEffect, useState } from 'preact/hooks';
import { admin, basePath, describe, rootPath } from '../api.ts';
import type { Say } from '../main.tsx';
import { NumberInput, wholeNumber } from './number-input.tsx';

interface Session {
  id: string;
  baseUrl: string;
  count: number;
}

export function SessionsView({ say }: { say: Say }) {
  const [sessions, setSessions] = useState<Session[] | undefined>();
  const [id, setId] = useState('');
  const [count, setCount] = useState('');
  const [seed, setSeed] = useState('');
  const [error, setError] = useState('');
  const [reload, setReload] = useState(0);
  useEffect(() => {
    admin<{ sessions: Session[] }>('/sessions', { base: rootPath }).then(
      ({ body }) => setSessions(body.sessions),
      (failure: unknown) => setError(describe(failure)),
    );
  }, [reload]);
  const create = async () => {
    try {
      const body: Record<string, unknown> = {};
      if (id.trim() !== '') body.id = id.trim();
      if (count.trim() !== '' || seed.trim() !== '') Object.assign(body, { count: wholeNumber(count || '100'), seed: wholeNumber(seed || '1') });
      const { body: made } = await admin<Session>('/sessions', { body, base: rootPath });
      say(`Session ${made.id} made with ${made.count} customers.`);
      setError('');
      setReload(reload + 1);
    } catch (failure) {
      setError(describe(failure));
    }
  };
  const end = async (session: Session) => {
    try {
      await admin(`/sessions/${encodeURIComponent(session.id)}`, { method: 'DELETE', base: rootPath });
      say(`Session ${session.id} ended.`);
      setReload(reload + 1);
    } catch (failure) {
      setError(describe(failure));
    }
  };
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">Test sessions</h2>
      {basePath ? <p>This console shows a session's data; sessions are made at the root.</p> : null}
      <form noValidate class="row" onSubmit={(event) => (event.preventDefault(), void create())}>
        <div class="field">
          <label for="session-id">Session id</label>
          <input id="session-id" type="text" value={id} aria-describedby="session-id-hint" onInput={(event) => setId(event.currentTarget.value)} />
          <small id="session-id-hint" class="hint">optional; letters, digits, - and _</small>
        </div>
        <NumberInput id="session-count" label="Random customers" value={count} onInput={setCount} hint="empty: the start data" />
        <NumberInput id="session-seed" label="Seed" value={seed} onInput={setSeed} hint="with a count" />
        <div class="actions"><button type="submit">Create session</button></div>
      </form>
      {error ? <p class="error" role="alert">{error}</p> : null}
      {sessions?.length === 0 ? <p>No sessions.</p> : null}
      {sessions && sessions.length > 0 ? (
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">Session</th><th scope="col">Customers</th><th scope="col">Actions</th></tr></thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td>{session.id}</td>
                  <td>{session.count}</td>
                  <td>
                    <a href={`/__sessions/${encodeURIComponent(session.id)}/__admin/console`}>Open session {session.id}</a>{' '}
                    <button type="button" class="secondary" onClick={() => void end(session)}>End session {session.id}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
