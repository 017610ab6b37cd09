/**
 * The API's search, run as a client would (`POST /v1/client/customer/search` with a client token
 * from the admin API), its form generated from the spec's `SearchRequest`; the answer is shown as
 * it came, an error included (400 for criteria the API refuses, 403 for more than five matches).
 */
import { useEffect, useState } from 'preact/hooks';
import { admin, api, describe } from '../api.ts';
import type { Say } from '../main.tsx';
import { RecordForm } from '../record-form.tsx';
import { componentField, type ObjectField } from '../schema.ts';
import { AnswerView } from './answer-view.tsx';

export function SearchView({ say }: { say: Say }) {
  const [field, setField] = useState<ObjectField | undefined>();
  const [criteria, setCriteria] = useState<unknown>({});
  const [answer, setAnswer] = useState<{ status: number; body: unknown } | undefined>();
  const [error, setError] = useState('');
  useEffect(() => {
    componentField('SearchRequest').then(setField, (failure: unknown) => setError(describe(failure)));
  }, []);
  const run = async () => {
    try {
      const { body } = await admin<{ access_token: string }>('/tokens', { body: { clientId: 'demo-client' } });
      setAnswer(await api('/v1/client/customer/search', { body: criteria, bearer: body.access_token, anyStatus: true }));
      setError('');
      say('Searched as the demo client.');
    } catch (failure) {
      setError(describe(failure));
    }
  };
  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">Search as the API does</h2>
      <p>Fill in the criteria; empty fields are left out. The API wants a name and an address, or a phone number, or an e-mail.</p>
      <form noValidate onSubmit={(event) => (event.preventDefault(), void run())}>
        {field ? <RecordForm field={field} value={criteria} onChange={setCriteria} errors={{}} mode="template" idPrefix="search" /> : <p>Loading the form from the spec…</p>}
        <div class="actions"><button type="submit">Search</button></div>
      </form>
      {error ? <p class="error" role="alert">{error}</p> : null}
      {answer ? <AnswerView answer={answer} /> : null}
    </section>
  );
}
