/** Asks for the admin token after a 401; the token is kept for this tab only (api.ts). */
import { useEffect, useRef, useState } from 'preact/hooks';

export interface TokenRequest {
  reason: string;
  resolve: (token: string | undefined) => void;
}

export function TokenDialog({ request }: { request: TokenRequest }) {
  const [token, setToken] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <div class="backdrop" role="dialog" aria-modal="true" aria-labelledby="token-title">
      <form
        class="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (token.trim() !== '') request.resolve(token.trim());
        }}
        onKeyDown={(event) => event.key === 'Escape' && request.resolve(undefined)}
      >
        <h2 id="token-title">Admin token</h2>
        <p>{request.reason} It is kept for this browser tab only.</p>
        <label for="admin-token">Admin token</label>
        <input id="admin-token" ref={input} type="password" autocomplete="off" value={token} onInput={(event) => setToken(event.currentTarget.value)} />
        <div class="actions">
          <button type="submit">Use this token</button>
          <button type="button" class="secondary" onClick={() => request.resolve(undefined)}>Cancel</button>
        </div>
      </form>
    </div>
  );
}
