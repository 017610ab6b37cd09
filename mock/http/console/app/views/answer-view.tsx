/** An API answer as the console shows it: the status, the API's error message when it failed, the body. */
import { messageOf } from '../api.ts';

export function AnswerView({ answer }: { answer: { status: number; body: unknown } }) {
  const failed = answer.status >= 400;
  return (
    <div class="answer" aria-label="Answer">
      <p class={failed ? 'error' : 'ok'}>
        <strong>HTTP {answer.status}</strong>
        {failed ? ` ${messageOf(answer.status, answer.body)}` : ''}
      </p>
      <pre>{typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body, null, 2)}</pre>
    </div>
  );
}
