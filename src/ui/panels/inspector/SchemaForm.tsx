import { useId } from 'react';
import type { CustomFields } from './customFields';
import { DistributionField } from './DistributionField';
import { BoolField, EnumField, JsonField, NumberField, TextField } from './fields';
import { formatPath, getIn, matchBranch, type FieldSpec, type Path } from './fieldSpec';
import { LockedField, type LockedAt } from './LockedField';

export interface FormProps {
  fields: [string, FieldSpec][];
  value: unknown;
  errors: Record<string, string>;
  onEdit: (path: Path, value: unknown, commit: boolean) => void;
  /** Fields drawn elsewhere or fixed (id, kind, position...). */
  skip?: ReadonlySet<string>;
  readOnly?: ReadonlySet<string>;
  /** Why a field may not be changed (a lesson's lock), or undefined when it may. */
  lockedAt?: LockedAt;
  /** Top-level fields drawn by a form of their own (a gateway's routes table). */
  custom?: CustomFields;
}

/** camelCase field names as words, keeping the unit suffix readable: serviceTimeMs → service time (ms). */
export function fieldLabel(key: string): string {
  const unit = /Ms$/.test(key) ? ' (ms)' : /Rps$/.test(key) || key === 'rps' ? ' (req/s)' : '';
  const base = key.replace(/Ms$|Rps$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return `${base || key}${unit}`;
}

export function SchemaForm({ fields, value, errors, onEdit, skip, readOnly, custom, lockedAt }: FormProps) {
  return (
    <>
      {fields.filter(([k]) => !skip?.has(k)).map(([k, spec]) => {
        const Custom = custom?.[k];
        if (!Custom) return <Field key={k} path={[k]} spec={spec} root={value} errors={errors} onEdit={onEdit} readOnly={readOnly?.has(k)} lockedAt={lockedAt} />;
        const drawn = <Custom key={k} root={value} value={getIn(value, [k])} errors={errors} onEdit={(v, commit) => onEdit([k], v, commit)} label={fieldLabel(k)} description={spec.description} />;
        const reason = lockedAt?.([k], true);
        return reason ? <LockedField key={k} reason={reason}>{drawn}</LockedField> : drawn;
      })}
    </>
  );
}

type FieldProps = { path: Path; spec: FieldSpec; root: unknown; errors: Record<string, string>; onEdit: FormProps['onEdit']; readOnly?: boolean; lockedAt?: LockedAt };

/** A field, drawn read-only with the reason when a lesson locks it (or, for a field drawn whole, something inside it). */
function Field(props: FieldProps) {
  const { path, spec, lockedAt } = props;
  const opens = (spec.type === 'object' || spec.type === 'union') && getIn(props.root, path) !== undefined;
  const reason = lockedAt?.(path, !opens);
  if (!reason) return <EditableField {...props} />;
  return <LockedField reason={reason}><EditableField {...props} lockedAt={undefined} /></LockedField>;
}

function EditableField({ path, spec, root, errors, onEdit, readOnly, lockedAt }: FieldProps) {
  const key = formatPath(path);
  const label = fieldLabel(String(path[path.length - 1]));
  const value = getIn(root, path);
  const error = errors[key];
  const edit = (v: unknown, commit: boolean) => onEdit(path, v, commit);
  const common = { label, description: spec.description, error };
  switch (spec.type) {
    case 'number': return <NumberField {...common} value={value} onEdit={edit} integer={spec.integer} min={spec.min} max={spec.max} optional={spec.optional} />;
    case 'string': return <TextField {...common} value={value} onEdit={edit} optional={spec.optional} multiline={spec.multiline} readOnly={readOnly} />;
    case 'enum': return <EnumField {...common} value={value} onEdit={edit} options={spec.options} optional={spec.optional} />;
    case 'boolean': return <BoolField {...common} value={value} onEdit={edit} />;
    case 'distribution': return <DistributionField {...common} value={value} onEdit={edit} errors={(sub) => errors[sub ? `${key}.${sub}` : key]} />;
    case 'json': return <JsonField {...common} value={value} onEdit={edit} error={error ?? firstUnder(errors, key)} />;
    case 'object':
    case 'union': {
      const fields = spec.type === 'object' ? spec.fields : matchBranch(spec.branches, value);
      if (!fields) return <JsonField {...common} value={value} onEdit={edit} error={error ?? firstUnder(errors, key)} />;
      return <ObjectField path={path} spec={spec} fields={fields} root={root} errors={errors} onEdit={onEdit} label={label} lockedAt={lockedAt} />;
    }
  }
}

function ObjectField({ path, spec, fields, root, errors, onEdit, label, lockedAt }: { path: Path; spec: FieldSpec; fields: [string, FieldSpec][]; root: unknown; errors: Record<string, string>; onEdit: FormProps['onEdit']; label: string; lockedAt?: LockedAt }) {
  const id = useId();
  const value = getIn(root, path);
  const on = value !== undefined;
  return (
    <fieldset className="mc-fieldset">
      <legend title={spec.description}>
        {spec.optional ? (
          <label htmlFor={id} className="mc-legend-check">
            <input id={id} type="checkbox" checked={on} onChange={(e) => onEdit(path, e.target.checked ? {} : undefined, true)} />
            {label}
          </label>
        ) : label}
      </legend>
      {spec.description && <p className="mc-fieldset__hint">{spec.description}</p>}
      {errors[formatPath(path)] && <p className="mc-field__error" role="alert">{errors[formatPath(path)]}</p>}
      {on && fields.map(([k, s]) => <Field key={k} path={[...path, k]} spec={s} root={root} errors={errors} onEdit={onEdit} lockedAt={lockedAt} />)}
    </fieldset>
  );
}

function firstUnder(errors: Record<string, string>, key: string): string | undefined {
  const hit = Object.entries(errors).find(([k]) => k.startsWith(`${key}[`) || k.startsWith(`${key}.`));
  return hit ? `${hit[0]}: ${hit[1]}` : undefined;
}
