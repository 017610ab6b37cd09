/**
 * Act as a customer: a user token for any of its users, or a client token, from
 * `POST /__admin/tokens`, with a `curl` line ready to paste and a button that makes the call.
 */
import { useState } from 'preact/hooks';
import { admin, api, basePath, describe, origin } from '../api.ts';
import type { Say } from '../main.tsx';
import type { CustomerRecord } from './editor.tsx';
import { AnswerView } from './answer-view.tsx';

interface Token {
  access_token: string;
}

interface Acting {
  token: string;
  who: string;
  path: string;
}

export function ActAsView({ say }: { say: Say }) {
  const [number, setNumber] = useState('563457');
  const [clientId, setClientId] = useState('demo-client');
  const [record, setRecord] = useState<CustomerRecord | undefined>();
  const [acting, setActing] = useState<Acting | undefined>();
  const [answer, setAnswer] = useState<{ status: number; body: unknown } | undefined>();
  const [error, setError] = useState('');
  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
      setError('');
    } catch (failure) {
      setError(describe(failure));
    }
  };
  const find = () => attempt(async () => {
    setActing(undefined);
    setAnswer(undefined);
    const trimmed = number.trim();
    if (!/^\d+$/.test(trimmed)) throw new Error('A customer number is a whole number, e.g. 563457.');
    setRecord((await admin<CustomerRecord>(`/customers/${trimmed}`)).body);
  });
  const asUser = (uniqueId: string, who: string) => attempt(async () => {
    const { body } = await admin<Token>('/tokens', { body: { uniqueId } });
    setActing({ token: body.access_token, who, path: '/v1/customer/info' });
    setAnswer(undefined);
    say(`A user token for ${who}.`);
  });
  const asClient = () => attempt(async () => {
    const { body } = await admin<Token>('/tokens', { body: { clientId: clientId.trim() } });
    setActing({ token: body.access_token, who: `client ${clientId.trim()}`, path: `/v1/client/customer/info/${record?.customerNumber ?? number.trim()}` });
    setAnswer(undefined);
    say(`A client token for ${clientId.trim()}.`);
  });
  const callApi = () => attempt(async () => {
    if (!acting) return;
    setAnswer(await api(acting.path, { bearer: acting.token, anyStatus: true }));
  });
  const curl = acting ? `curl -s -H "Authorization: Bearer ${acting.token}" ${origin}${basePath}${acting.path}` : '';
  return (
    <section aria-labelledby="act-title">
      <h2 id="act-title">Act as a customer</h2>
      <form noValidate class="row" onSubmit={(event) => (event.preventDefault(), void find())}>
        <div class="field">
          <label for="act-number">Customer number</label>
          <input id="act-number" type="text" inputMode="numeric" value={number} onInput={(event) => setNumber(event.currentTarget.value)} />
        </div>
        <div class="actions"><button type="submit">Find its users</button></div>
      </form>
      {error ? <p class="error" role="alert">{error}</p> : null}
      {record ? (
        <>
          <h3>Users of customer {record.customerNumber}</h3>
          {record.attachedUsers.length === 0 ? <p>This customer has no attached user; a client token still reads it.</p> : null}
          <ul class="plain">
            {record.attachedUsers.map((user) => {
              const who = `${user.uniqueId} (${user.credentials.map((c) => c.credential).join(', ') || 'no credential'})`;
              return (
                <li key={user.uniqueId}>
                  <button type="button" onClick={() => void asUser(user.uniqueId, who)}>User token for {user.uniqueId}</button> <span>{user.credentials.map((c) => c.credential).join(', ')}</span>
                </li>
              );
            })}
          </ul>
          <div class="row">
            <div class="field">
              <label for="act-client">Client id</label>
              <input id="act-client" type="text" value={clientId} onInput={(event) => setClientId(event.currentTarget.value)} />
            </div>
            <div class="actions"><button type="button" class="secondary" onClick={() => void asClient()}>Client token</button></div>
          </div>
        </>
      ) : null}
      {acting ? (
        <div class="panel">
          <h3>Acting as {acting.who}</h3>
          <label for="act-token">Token</label>
          <input id="act-token" type="text" readOnly value={acting.token} />
          <label for="act-curl">Ready curl</label>
          <textarea id="act-curl" readOnly rows={3} value={curl} />
          <div class="actions"><button type="button" onClick={() => void callApi()}>Call GET {acting.path}</button></div>
          {answer ? <AnswerView answer={answer} /> : null}
        </div>
      ) : null}
    </section>
  );
}
