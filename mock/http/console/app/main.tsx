/**
 * The console's shell: a header saying whose data is shown (the root's or a session's), a
 * navigation of the views, a live status line, and the dialog that asks for the admin token when a
 * call answers 401 (api.ts). Each view is a module of its own.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { basePath, onTokenNeeded } from './api.ts';
import { TokenDialog, type TokenRequest } from './token-dialog.tsx';
import { CustomersView } from './views/customers.tsx';
import { TemplateView } from './views/template.tsx';
import { ScenarioView } from './views/scenario.tsx';
import { ActAsView } from './views/act-as.tsx';
import { SearchView } from './views/search.tsx';
import { JournalView } from './views/journal.tsx';
import { DataView } from './views/data.tsx';
import { SessionsView } from './views/sessions.tsx';

const VIEWS = [
  ['customers', 'Customers'],
  ['template', 'Create'],
  ['scenario', 'Scenarios'],
  ['act', 'Act as'],
  ['search', 'Search'],
  ['journal', 'Journal'],
  ['data', 'Data'],
  ['sessions', 'Sessions'],
] as const;
type ViewName = (typeof VIEWS)[number][0];

export type Say = (message: string) => void;

function App() {
  const [view, setView] = useState<ViewName>(() => viewOfHash());
  const [status, setStatus] = useState('');
  const [tokenRequest, setTokenRequest] = useState<TokenRequest | undefined>();
  useEffect(() => {
    onTokenNeeded((reason) => new Promise((resolve) => setTokenRequest({ reason, resolve: (token) => (setTokenRequest(undefined), resolve(token)) })));
    const onHash = () => setView(viewOfHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const session = basePath.startsWith('/__sessions/') ? basePath.slice('/__sessions/'.length) : undefined;
  const say: Say = (message) => setStatus(message);
  return (
    <>
      <header>
        <h1>Console <span class="where">{session ? `session ${session}` : 'root data'}</span></h1>
        {session ? <a href="/__admin/console">Back to the root's console</a> : null}
        <nav aria-label="Views">
          {VIEWS.map(([name, text]) => (
            <a key={name} href={`#${name}`} aria-current={view === name ? 'page' : undefined} onClick={() => setStatus('')}>
              {text}
            </a>
          ))}
        </nav>
      </header>
      <p class="status" role="status" aria-live="polite">{status}</p>
      <main>
        {view === 'customers' ? <CustomersView say={say} /> : null}
        {view === 'template' ? <TemplateView say={say} /> : null}
        {view === 'scenario' ? <ScenarioView say={say} /> : null}
        {view === 'act' ? <ActAsView say={say} /> : null}
        {view === 'search' ? <SearchView say={say} /> : null}
        {view === 'journal' ? <JournalView say={say} /> : null}
        {view === 'data' ? <DataView say={say} /> : null}
        {view === 'sessions' ? <SessionsView say={say} /> : null}
      </main>
      {tokenRequest ? <TokenDialog request={tokenRequest} /> : null}
    </>
  );
}

function viewOfHash(): ViewName {
  const name = location.hash.slice(1);
  return (VIEWS.find(([view]) => view === name)?.[0] ?? 'customers') as ViewName;
}

render(<App />, document.getElementById('app')!);
