/**
 * A form generated from a schema's field tree (schema.ts): a fieldset per object and array item,
 * an input per value, each with a label, the spec's bounds (`maxLength`, required) and the admin
 * API's error for that field beside it. The form checks nothing itself: saving sends the value to
 * the admin API, whose answer is the one judgement, shown field by field.
 *
 * In `template` mode every field starts empty and an empty field is left out of the value, so a
 * template holds only what the person typed.
 */
import type { JSX, TargetedEvent } from 'preact';
import { emptyValue, type Field, type ObjectField, type ValueField } from './schema.ts';
import { getAt, type Path, pathText, setAt } from './paths.ts';

export interface FormProps {
  field: ObjectField;
  value: unknown;
  onChange: (value: unknown) => void;
  errors: Record<string, string>;
  mode: 'record' | 'template';
  /** Makes ids unique when two forms share a page. */
  idPrefix: string;
  /** Paths shown but not editable (the number of a customer being edited). */
  readOnly?: ReadonlySet<string>;
  /** Shown in an empty field: "generated" in a template. */
  placeholder?: string;
}

export function RecordForm(props: FormProps) {
  return <div class="record-form">{renderProperties(props, props.field, [])}</div>;
}

/** Every path the form shows an input or a group for: an error elsewhere is shown above the form. */
export function shownPaths(field: Field, value: unknown, path: Path = [], into = new Set<string>()): Set<string> {
  into.add(pathText(path));
  if (field.kind === 'object') for (const p of field.properties) shownPaths(p.field, getAt(value, [p.name]), [...path, p.name], into);
  if (field.kind === 'array' && Array.isArray(value)) value.forEach((item, index) => shownPaths(field.items, item, [...path, index], into));
  return into;
}

function renderProperties(props: FormProps, field: ObjectField, path: Path) {
  return field.properties.map(({ name, field: child, required }) => renderField(props, child, [...path, name], label(name), required));
}

function renderField(props: FormProps, field: Field, path: Path, text: string, required: boolean): JSX.Element {
  const key = pathText(path);
  if (field.kind === 'object') {
    return (
      <fieldset key={key} class="group">
        <legend>{text}{required ? <Required /> : null}</legend>
        <FieldError props={props} path={path} />
        {renderProperties(props, field, path)}
      </fieldset>
    );
  }
  if (field.kind === 'array') return renderArray(props, field.items, path, text, required);
  return renderValue(props, field, path, text, required);
}

function renderArray(props: FormProps, items: Field, path: Path, text: string, required: boolean) {
  const value = getAt(props.value, path);
  const list = Array.isArray(value) ? value : [];
  const one = singular(text);
  const change = (next: unknown[]) => props.onChange(setAt(props.value, path, next));
  return (
    <fieldset key={pathText(path)} class="group">
      <legend>{text}{required ? <Required /> : null}</legend>
      <FieldError props={props} path={path} />
      {list.map((_item, index) => {
        const itemPath = [...path, index];
        const remove = (
          <button type="button" class="secondary" onClick={() => change(list.filter((_x, i) => i !== index))}>
            Remove {one.toLowerCase()} {index + 1}
          </button>
        );
        if (items.kind === 'object') {
          return (
            <fieldset key={index} class="item">
              <legend>{one} {index + 1}</legend>
              <FieldError props={props} path={itemPath} />
              {renderProperties(props, items, itemPath)}
              {remove}
            </fieldset>
          );
        }
        return (
          <div key={index} class="item-row">
            {renderValue(props, items as ValueField, itemPath, `${one} ${index + 1}`, false)}
            {remove}
          </div>
        );
      })}
      <button type="button" class="secondary" onClick={() => change([...list, items.kind === 'object' && props.mode === 'template' ? {} : emptyValue(items)])}>
        Add {one.toLowerCase()}
      </button>
    </fieldset>
  );
}

function renderValue(props: FormProps, field: ValueField, path: Path, text: string, required: boolean) {
  const key = pathText(path);
  const id = `${props.idPrefix}-${key.replace(/[^\w]+/g, '-')}`;
  const value = getAt(props.value, path);
  const error = props.errors[key];
  const hint = hintOf(field);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const onInput = (event: TargetedEvent<HTMLInputElement>) => props.onChange(setAt(props.value, path, parse(field, event.currentTarget.value, props.mode)));
  return (
    <div key={key} class={error ? 'field invalid' : 'field'}>
      <label for={id}>{text}{required ? <Required /> : null}</label>
      <input
        id={id}
        name={key}
        type="text"
        inputMode={field.kind === 'integer' ? 'numeric' : field.format === 'email' ? 'email' : undefined}
        value={value === null || value === undefined ? '' : String(value)}
        maxLength={field.maxLength}
        pattern={field.pattern}
        readOnly={props.readOnly?.has(key)}
        aria-required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        placeholder={props.placeholder ?? (field.nullable ? 'empty' : undefined)}
        onInput={onInput}
      />
      {hint ? <small id={`${id}-hint`} class="hint">{hint}</small> : null}
      {error ? <p id={`${id}-error`} class="field-error" role="alert">{error}</p> : null}
    </div>
  );
}

function FieldError({ props, path }: { props: FormProps; path: Path }) {
  const error = props.errors[pathText(path)];
  return error ? <p class="field-error" role="alert">{error}</p> : null;
}

function Required() {
  return <span class="required" aria-hidden="true"> *</span>;
}

/** What a typed text means: empty is left out (template), null (nullable) or empty text. */
function parse(field: ValueField, text: string, mode: FormProps['mode']): unknown {
  if (text === '') return mode === 'template' ? undefined : field.nullable || field.kind !== 'string' ? null : '';
  if (field.kind === 'integer' || field.kind === 'number') return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : text;
  return text;
}

function hintOf(field: ValueField): string {
  const parts: string[] = [];
  if (field.maxLength !== undefined) parts.push(`at most ${field.maxLength} characters`);
  if (field.kind === 'integer') parts.push('a whole number');
  if (field.format === 'email') parts.push('an e-mail address');
  if (field.pattern?.includes('\\+[1-9]')) parts.push('E.164, e.g. +4712345678');
  else if (field.pattern) parts.push(`matching ${field.pattern}`);
  return parts.join(', ');
}

/** `phoneNumbers` → "Phone numbers". */
export function label(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function singular(text: string): string {
  return text.endsWith('s') ? text.slice(0, -1) : text;
}
