/**
 * The store as a whole: reset to the start data, export to a file (`GET /__admin/export`, the
 * `--fixtures` format), import a fixtures file (`POST /__admin/reset` with its customers), with
 * progress while a large file is read and sent.
 */
import { useState } from 'preact/hooks';
import { admin, adminToken, basePath, describe, messageOf } from '../api.ts';
import type { Say } from '../main.tsx';

export function DataView({ say }: { say: Say }) {
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | undefined>();
  const [error, setError] = useState('');
  const reset = async () => {
    if (!confirming) return setConfirming(true);
    setConfirming(false);
    try {
      const { body } = await admin<{ count: number }>('/reset', { body: {} });
      say(`Reset to the start data: ${body.count} customers.`);
      setError('');
    } catch (failure) {
      setError(describe(failure));
    }
  };
  const exportFile = async () => {
    try {
      // Through fetch, not a plain link, so that the admin token goes along when one is needed.
      await admin('/customers?limit=1');
      const token = adminToken();
      const response = await fetch(`${basePath}/__admin/export`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
      if (!response.ok) throw new Error(messageOf(response.status, await response.json().catch(() => null)));
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = 'customers.json';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      say('Exported the customers to customers.json.');
      setError('');
    } catch (failure) {
      setError(describe(failure));
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const text = await readWithProgress(file, (done) => setProgress({ label: `Reading ${file.name}`, done, total: file.size }));
      const customers: unknown = JSON.parse(text);
      if (!Array.isArray(customers)) throw new Error('A fixtures file is a JSON array of customer records.');
      const count = await sendWithProgress(JSON.stringify({ customers }), (done, total) => setProgress({ label: `Sending ${customers.length} customers`, done, total }));
      say(`Imported ${count} customers from ${file.name}.`);
      setError('');
    } catch (failure) {
      setError(describe(failure));
    } finally {
      setProgress(undefined);
    }
  };
  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">Data</h2>
      <div class="actions">
        <button type="button" class="danger" onClick={() => void reset()}>{confirming ? 'Really reset to the start data?' : 'Reset to the start data'}</button>
        <button type="button" onClick={() => void exportFile()}>Export to a file</button>
      </div>
      <div class="field">
        <label for="import-file">Import a fixtures file (replaces every customer)</label>
        <input id="import-file" type="file" accept=".json,application/json" onChange={(event) => void importFile(event.currentTarget.files?.[0])} />
      </div>
      {progress ? (
        <div class="field">
          <label for="import-progress">{progress.label}</label>
          <progress id="import-progress" max={progress.total || 1} value={progress.done} />
        </div>
      ) : null}
      {error ? <p class="error" role="alert">{error}</p> : null}
    </section>
  );
}

function readWithProgress(file: File, onProgress: (done: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => onProgress(event.loaded);
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`Could not read ${file.name}.`));
    reader.readAsText(file);
  });
}

/** XMLHttpRequest, not fetch: only it reports upload progress. */
function sendWithProgress(body: string, onProgress: (done: number, total: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${basePath}/__admin/reset`);
    request.setRequestHeader('Content-Type', 'application/json');
    const token = adminToken();
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => onProgress(event.loaded, event.total);
    request.onload = () => {
      let answer: unknown;
      try {
        answer = JSON.parse(request.responseText);
      } catch {
        answer = request.responseText;
      }
      if (request.status === 200) resolve((answer as { count: number }).count);
      else reject(new Error(messageOf(request.status, answer)));
    };
    request.onerror = () => reject(new Error('The mock did not answer: is it still running?'));
    request.send(body);
  });
}
