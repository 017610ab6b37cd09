/**
 * The request journal, live: `GET /__admin/requests` with the filters typed, asked again every
 * second while "Live" is on; a request opens to show everything the journal kept of it.
 */
import { useEffect, useState } from 'preact/hooks';
import { admin, describe } from '../api.ts';
import type { Say } from '../main.tsx';

interface Entry {
  id: number;
  time: string;
  method: string;
  path: string;
  status: number;
  operationId: string | null;
  clientId: string | null;
  [field: string]: unknown;
}

const FILTERS = [
  ['method', 'Method'],
  ['path', 'Path'],
  ['status', 'Status'],
  ['operationId', 'Operation'],
  ['clientId', 'Client'],
] as const;
const POLL_MS = 1000;

export function JournalView(_props: { say: Say }) {
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [live, setLive] = useState(true);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [total, setTotal] = useState(0);
  const [open, setOpen] = useState<Entry | undefined>();
  const [error, setError] = useState('');
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    const query = new URLSearchParams({ limit: '200' });
    for (const [name, value] of Object.entries(filters)) if (value.trim() !== '') query.set(name, value.trim());
    admin<{ total: number; requests: Entry[] }>(`/requests?${query}`).then(
      ({ body }) => current && (setEntries([...body.requests].reverse()), setTotal(body.total), setError('')),
      (failure: unknown) => current && setError(describe(failure)),
    );
    const timer = live ? setTimeout(() => setTick(tick + 1), POLL_MS) : undefined;
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [filters, live, tick]);
  return (
    <section aria-labelledby="journal-title">
      <h2 id="journal-title">Request journal</h2>
      <div class="row">
        {FILTERS.map(([name, text]) => (
          <div class="field" key={name}>
            <label for={`journal-${name}`}>{text}</label>
            <input id={`journal-${name}`} type="text" value={filters[name] ?? ''} onInput={(event) => setFilters({ ...filters, [name]: event.currentTarget.value })} />
          </div>
        ))}
        <label class="inline"><input type="checkbox" checked={live} onChange={(event) => setLive(event.currentTarget.checked)} /> Live</label>
      </div>
      {error ? <p class="error" role="alert">{error}</p> : null}
      <p>{total} request{total === 1 ? '' : 's'} kept that match{total === 1 ? 'es' : ''}; newest first.</p>
      <div class="table-wrap">
        <table>
          <thead><tr><th scope="col">Time</th><th scope="col">Request</th><th scope="col">Status</th><th scope="col">Operation</th><th scope="col">Client</th></tr></thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} class={open?.id === entry.id ? 'selected' : undefined}>
                <td>{entry.time.slice(11, 23)}</td>
                <td><button type="button" class="link" onClick={() => setOpen(entry)}>{entry.method} {entry.path}</button></td>
                <td>{entry.status}</td>
                <td>{entry.operationId ?? ''}</td>
                <td>{entry.clientId ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open ? (
        <div class="panel" aria-label={`Request ${open.id}`}>
          <h3>Request {open.id}: {open.method} {open.path} → {open.status}</h3>
          <pre>{JSON.stringify(open, null, 2)}</pre>
          <button type="button" class="secondary" onClick={() => setOpen(undefined)}>Close</button>
        </div>
      ) : null}
    </section>
  );
}
