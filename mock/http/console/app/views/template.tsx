/**
 * Create customers from a template: fill in only what matters (a form of `CustomerRecord` whose
 * empty fields are left out), preview what `POST /__admin/customers/generate` makes of it, save
 * exactly what was previewed.
 */
import { useEffect, useState } from 'preact/hooks';
import { admin, ApiFailure, describe } from '../api.ts';
import type { Say } from '../main.tsx';
import { errorsByField } from '../paths.ts';
import { RecordForm, shownPaths } from '../record-form.tsx';
import { componentField, type ObjectField } from '../schema.ts';
import { displayName } from './customers.tsx';
import type { CustomerRecord } from './editor.tsx';
import { NumberInput, randomSeed, wholeNumber } from './number-input.tsx';

export function TemplateView({ say }: { say: Say }) {
  const [field, setField] = useState<ObjectField | undefined>();
  const [template, setTemplate] = useState<unknown>({});
  const [count, setCount] = useState('1');
  const [seed, setSeed] = useState(() => String(randomSeed()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<CustomerRecord[] | undefined>();
  useEffect(() => {
    componentField('CustomerRecord').then(setField, (error: unknown) => setErrors({ '': describe(error) }));
  }, []);
  const fail = (error: unknown) => {
    setErrors(error instanceof ApiFailure && error.status === 400 ? errorsByField(error.message) : { '': describe(error) });
    setPreview(undefined);
  };
  const makePreview = async () => {
    try {
      const body = { count: wholeNumber(count), seed: wholeNumber(seed), template };
      const answer = await admin<{ customers: CustomerRecord[] }>('/customers/generate', { body });
      setPreview(answer.body.customers);
      setErrors({});
    } catch (error) {
      fail(error);
    }
  };
  const save = async () => {
    if (!preview) return;
    try {
      await admin('/customers', { body: preview });
      say(`Saved ${preview.length} customer${preview.length === 1 ? '' : 's'}: ${preview[0]!.customerNumber}${preview.length > 1 ? `–${preview[preview.length - 1]!.customerNumber}` : ''}.`);
      setPreview(undefined);
    } catch (error) {
      fail(error);
    }
  };
  const shown = field ? shownPaths(field, template) : new Set<string>();
  shown.add('count').add('seed');
  const elsewhere = Object.entries(errors).filter(([path]) => !shown.has(path) || path === '').map(([path, text]) => (path ? `${path}: ${text}` : text));
  return (
    <section aria-labelledby="template-title">
      <h2 id="template-title">Create from a template</h2>
      <p>Fill in only what the test needs; everything left empty is generated (Norwegian, seeded).</p>
      <form noValidate onSubmit={(event) => (event.preventDefault(), void makePreview())}>
        <div class="row">
          <NumberInput id="template-count" label="Count" value={count} onInput={setCount} hint="1 to 10000" error={errors.count} />
          <NumberInput id="template-seed" label="Seed" value={seed} onInput={setSeed} hint="the same seed gives the same customers" error={errors.seed} />
        </div>
        {elsewhere.length > 0 ? <p class="error" role="alert">{elsewhere.join('; ')}</p> : null}
        {field ? <RecordForm field={field} value={template} onChange={setTemplate} errors={errors} mode="template" idPrefix="template" placeholder="generated" /> : <p>Loading the form from the spec…</p>}
        <div class="actions sticky">
          <button type="submit">Preview</button>
          <button type="button" disabled={!preview} onClick={() => void save()}>Save {preview ? preview.length : ''} customer{preview?.length === 1 ? '' : 's'}</button>
        </div>
      </form>
      {preview ? <Preview records={preview} /> : null}
    </section>
  );
}

function Preview({ records }: { records: CustomerRecord[] }) {
  return (
    <section aria-label="Preview" class="preview">
      <h3>Preview</h3>
      <div class="table-wrap">
        <table>
          <thead><tr><th scope="col">Number</th><th scope="col">Name</th><th scope="col">Phone</th><th scope="col">Address</th></tr></thead>
          <tbody>
            {records.slice(0, 50).map((record) => (
              <tr key={record.customerNumber}>
                <td>{record.customerNumber}</td>
                <td>{displayName(record)}</td>
                <td>{record.phoneNumbers?.map((phone) => phone.phoneNumber).join(', ')}</td>
                <td>{[record.address?.streetAddress, record.address?.streetNumber, record.address?.postalCode, record.address?.postalPlace].filter((part) => part !== null && part !== undefined).join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {records.length > 50 ? <p>and {records.length - 50} more.</p> : null}
      <details><summary>The first record as JSON</summary><pre>{JSON.stringify(records[0], null, 2)}</pre></details>
    </section>
  );
}
