/** The customers, paged in number order and filtered by free text (`q`); one opens in the editor. */
import { useEffect, useState } from 'preact/hooks';
import { admin, describe } from '../api.ts';
import type { Say } from '../main.tsx';
import { EditorView, type CustomerRecord } from './editor.tsx';

const PAGE = 20;

interface Page {
  total: number;
  offset: number;
  customers: CustomerRecord[];
}

export function CustomersView({ say }: { say: Say }) {
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page | undefined>();
  const [error, setError] = useState('');
  const [open, setOpen] = useState<{ record: CustomerRecord; isNew: boolean } | undefined>();
  const [reload, setReload] = useState(0);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      admin<Page>(`/customers?q=${encodeURIComponent(q)}&offset=${offset}&limit=${PAGE}`).then(
        (answer) => current && (setPage(answer.body), setError('')),
        (failure: unknown) => current && setError(describe(failure)),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, offset, reload]);
  if (open) {
    const close = () => (setOpen(undefined), setReload(reload + 1));
    return <EditorView key={`${open.record.customerNumber}-${open.isNew}`} record={open.record} isNew={open.isNew} say={say} onClose={close} onOpen={(record, isNew) => setOpen({ record, isNew })} />;
  }
  return (
    <section aria-labelledby="customers-title">
      <h2 id="customers-title">Customers</h2>
      <div class="field">
        <label for="filter">Filter</label>
        <input id="filter" type="search" value={q} aria-describedby="filter-hint" onInput={(event) => (setQ(event.currentTarget.value), setOffset(0))} />
        <small id="filter-hint" class="hint">number, name, phone, e-mail, credential, street, postal code or place</small>
      </div>
      {error ? <p class="error" role="alert">{error}</p> : null}
      {page ? (
        <>
          <p>{page.total === 0 ? 'No customers match.' : `${page.offset + 1}–${page.offset + page.customers.length} of ${page.total}`}</p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr><th scope="col">Number</th><th scope="col">Name</th><th scope="col">Phone</th><th scope="col" class="wide">E-mail</th><th scope="col" class="wide">Place</th></tr>
              </thead>
              <tbody>
                {page.customers.map((record) => (
                  <tr key={record.customerNumber}>
                    <td><button type="button" class="link" aria-label={`Open customer ${record.customerNumber}`} onClick={() => setOpen({ record, isNew: false })}>{record.customerNumber}</button></td>
                    <td>{displayName(record)}</td>
                    <td>{record.phoneNumbers?.[0]?.phoneNumber ?? ''}</td>
                    <td class="wide">{record.emails?.[0] ?? ''}</td>
                    <td class="wide">{[record.address?.postalCode, record.address?.postalPlace].filter(Boolean).join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="actions">
            <button type="button" class="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous page</button>
            <button type="button" class="secondary" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>Next page</button>
          </div>
        </>
      ) : null}
    </section>
  );
}

export function displayName(record: CustomerRecord): string {
  const name = record.name ?? {};
  const person = [name.firstName, name.middleName, name.lastName].filter(Boolean).join(' ');
  return [person, name.companyName].filter(Boolean).join(' · ');
}
