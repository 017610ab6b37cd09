/** A labelled text input for a whole number, with its hint and error tied to it for screen readers. */
export interface NumberInputProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string | undefined;
}

export function NumberInput({ id, label, value, onInput, hint, error }: NumberInputProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      <input id={id} type="text" inputMode="numeric" value={value} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} onInput={(event) => onInput(event.currentTarget.value)} />
      {hint ? <small id={`${id}-hint`} class="hint">{hint}</small> : null}
      {error ? <p id={`${id}-error`} class="field-error" role="alert">{error}</p> : null}
    </div>
  );
}

/** The number typed, or the text itself, so that the admin API names what is wrong with it. */
export function wholeNumber(text: string): number | string {
  const trimmed = text.trim();
  return /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function randomSeed(): number {
  return Math.floor(Math.random() * 1_000_000);
}
