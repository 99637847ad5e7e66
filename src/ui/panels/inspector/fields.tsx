import { useId, useState, type ReactNode } from 'react';

/** Reports a value; commit=false while typing (validate only), true when the edit is done. */
export type OnEdit = (value: unknown, commit: boolean) => void;

interface FieldProps {
  label: string;
  description?: string;
  error?: string;
}

export function FieldFrame({ label, description, error, htmlFor, children }: FieldProps & { htmlFor: string; children: ReactNode }) {
  const errId = `${htmlFor}-err`;
  return (
    <div className={`mc-field${error ? ' has-error' : ''}`}>
      <label htmlFor={htmlFor} className="mc-field__label" title={description}>{label}</label>
      {children}
      {error && <p id={errId} className="mc-field__error" role="alert">{error}</p>}
    </div>
  );
}

/** Keeps what the person typed until it is valid, while following outside changes (undo). */
function useDraft(value: unknown): [string, (t: string) => void] {
  const text = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const [draft, setDraft] = useState(text);
  const [seen, setSeen] = useState(text);
  if (seen !== text) {
    setSeen(text);
    setDraft(text);
  }
  return [draft, setDraft];
}

export function NumberField({ label, description, error, value, onEdit, integer, min, max, optional }: FieldProps & { value: unknown; onEdit: OnEdit; integer: boolean; min?: number; max?: number; optional: boolean }) {
  const id = useId();
  const [draft, setDraft] = useDraft(value);
  const parse = (t: string) => (t.trim() === '' ? (optional ? undefined : NaN) : Number(t));
  return (
    <FieldFrame label={label} description={description} error={error} htmlFor={id}>
      <input
        id={id}
        className="mc-input"
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        step={integer ? 1 : 'any'}
        min={min}
        max={max}
        value={draft}
        placeholder={optional ? 'not set' : undefined}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          onEdit(parse(e.target.value), false);
        }}
        onBlur={(e) => onEdit(parse(e.target.value), true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onEdit(parse((e.target as HTMLInputElement).value), true);
        }}
      />
    </FieldFrame>
  );
}

export function TextField({ label, description, error, value, onEdit, optional, multiline, readOnly }: FieldProps & { value: unknown; onEdit: OnEdit; optional: boolean; multiline?: boolean; readOnly?: boolean }) {
  const id = useId();
  const [draft, setDraft] = useDraft(value);
  const out = (t: string) => (t === '' && optional ? undefined : t);
  const props = {
    id,
    className: 'mc-input',
    value: draft,
    readOnly,
    'aria-invalid': !!error,
    'aria-describedby': error ? `${id}-err` : undefined,
    onChange: (e: { target: { value: string } }) => {
      setDraft(e.target.value);
      onEdit(out(e.target.value), false);
    },
    onBlur: (e: { target: { value: string } }) => onEdit(out(e.target.value), true),
  };
  return (
    <FieldFrame label={label} description={description} error={error} htmlFor={id}>
      {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
    </FieldFrame>
  );
}

export function EnumField({ label, description, error, value, onEdit, options, optional }: FieldProps & { value: unknown; onEdit: OnEdit; options: string[]; optional: boolean }) {
  const id = useId();
  return (
    <FieldFrame label={label} description={description} error={error} htmlFor={id}>
      <select id={id} className="mc-select" value={value === undefined ? '' : String(value)} onChange={(e) => onEdit(e.target.value === '' ? undefined : e.target.value, true)}>
        {optional && <option value="">not set</option>}
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </FieldFrame>
  );
}

export function BoolField({ label, description, error, value, onEdit }: FieldProps & { value: unknown; onEdit: OnEdit }) {
  const id = useId();
  return (
    <div className={`mc-field mc-field--check${error ? ' has-error' : ''}`}>
      <input id={id} type="checkbox" checked={value === true} onChange={(e) => onEdit(e.target.checked, true)} />
      <label htmlFor={id} className="mc-field__label" title={description}>{label}</label>
      {error && <p className="mc-field__error" role="alert">{error}</p>}
    </div>
  );
}

/** Arrays and unions without a form of their own: edited as JSON, checked by the schema. */
export function JsonField({ label, description, error, value, onEdit }: FieldProps & { value: unknown; onEdit: OnEdit }) {
  const id = useId();
  const pretty = value === undefined ? '' : JSON.stringify(value, null, 1);
  const [draft, setDraft] = useState(pretty);
  const [seen, setSeen] = useState(pretty);
  const [syntax, setSyntax] = useState<string | null>(null);
  if (seen !== pretty) {
    setSeen(pretty);
    setDraft(pretty);
  }
  const submit = (t: string, commit: boolean) => {
    if (t.trim() === '') return onEdit(undefined, commit);
    try {
      const v: unknown = JSON.parse(t);
      setSyntax(null);
      onEdit(v, commit);
    } catch (e) {
      setSyntax(`not valid JSON: ${(e as Error).message}`);
    }
  };
  return (
    <FieldFrame label={label} description={description} error={syntax ?? error} htmlFor={id}>
      <textarea id={id} className="mc-input mc-input--code" rows={Math.min(6, Math.max(2, draft.split('\n').length))} value={draft} spellCheck={false}
        onChange={(e) => { setDraft(e.target.value); submit(e.target.value, false); }}
        onBlur={(e) => submit(e.target.value, true)} />
    </FieldFrame>
  );
}
