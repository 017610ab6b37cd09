/**
 * One customer in a form generated from `CustomerRecord`: save (the admin API judges, each error
 * shown beside its field, nothing stored on error), duplicate (a new number and new users, as a
 * credential belongs to one user), delete.
 */
import { useEffect, useState } from 'preact/hooks';
import { admin, ApiFailure, describe } from '../api.ts';
import type { Say } from '../main.tsx';
import { errorsByField } from '../paths.ts';
import { RecordForm, shownPaths } from '../record-form.tsx';
import { componentField, type ObjectField } from '../schema.ts';

export interface CustomerRecord {
  customerNumber: number;
  name?: Record<string, string | null> | null;
  phoneNumbers?: Array<{ phoneNumber: string }> | null;
  emails?: string[] | null;
  attachedUsers: Array<{ uniqueId: string; credentials: Array<{ credential: string; credentialType?: string }> }>;
  address?: Record<string, unknown> | null;
  [field: string]: unknown;
}

interface Props {
  record: CustomerRecord;
  isNew: boolean;
  say: Say;
  onClose: () => void;
  onOpen: (record: CustomerRecord, isNew: boolean) => void;
}

export function EditorView({ record, isNew, say, onClose, onOpen }: Props) {
  const [field, setField] = useState<ObjectField | undefined>();
  const [value, setValue] = useState<unknown>(record);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    componentField('CustomerRecord').then(setField, (error: unknown) => setErrors({ '': describe(error) }));
  }, []);
  const number = record.customerNumber;
  const save = async () => {
    try {
      await admin('/customers', { body: value });
      setErrors({});
      say(`Saved customer ${(value as CustomerRecord).customerNumber}.`);
      if (isNew) onOpen(value as CustomerRecord, false);
    } catch (error) {
      setErrors(error instanceof ApiFailure && error.status === 400 ? errorsByField(error.message) : { '': describe(error) });
      say('Not saved: see the errors beside the fields.');
    }
  };
  const duplicate = async () => {
    try {
      const { body } = await admin<{ customers: CustomerRecord[] }>('/customers/generate', { body: { count: 1 } });
      const fresh = body.customers[0]!;
      onOpen({ ...(value as CustomerRecord), customerNumber: fresh.customerNumber, attachedUsers: fresh.attachedUsers }, true);
      say(`A copy of ${number} as ${fresh.customerNumber}, with new users (a credential belongs to one user). Save to store it.`);
    } catch (error) {
      setErrors({ '': describe(error) });
    }
  };
  const remove = async () => {
    if (!confirming) return setConfirming(true);
    try {
      await admin(`/customers/${number}`, { method: 'DELETE' });
      say(`Deleted customer ${number}.`);
      onClose();
    } catch (error) {
      setErrors({ '': describe(error) });
    }
  };
  const shown = field ? shownPaths(field, value) : new Set<string>();
  const elsewhere = Object.entries(errors).filter(([path]) => !shown.has(path) || path === '').map(([path, text]) => (path ? `${path}: ${text}` : text));
  return (
    <section aria-labelledby="editor-title">
      <h2 id="editor-title">{isNew ? `New customer ${number}` : `Customer ${number}`}</h2>
      <div class="actions">
        <button type="button" class="secondary" onClick={onClose}>Back to the list</button>
      </div>
      {elsewhere.length > 0 ? <p class="error" role="alert">{elsewhere.join('; ')}</p> : null}
      <form noValidate onSubmit={(event) => (event.preventDefault(), void save())}>
        {field ? <RecordForm field={field} value={value} onChange={setValue} errors={errors} mode="record" idPrefix="edit" readOnly={isNew ? undefined : new Set(['customerNumber'])} /> : <p>Loading the form from the spec…</p>}
        <div class="actions sticky">
          <button type="submit">{isNew ? 'Save new customer' : 'Save'}</button>
          {isNew ? null : <button type="button" class="secondary" onClick={() => void duplicate()}>Duplicate</button>}
          {isNew ? null : <button type="button" class="danger" onClick={() => void remove()}>{confirming ? `Really delete ${number}?` : 'Delete'}</button>}
        </div>
      </form>
    </section>
  );
}
