import { useId } from 'react';
import { FieldFrame, NumberField, JsonField, type OnEdit } from './fields';

type Dist = number | { dist: string; [k: string]: unknown };

/** The parameters each distribution takes, as the engine's schema names them. */
const PARAMS: Record<string, string[]> = {
  fixed: [], constant: ['value'], exponential: ['mean'], uniform: ['min', 'max'], lognormal: ['median', 'p99'],
  normal: ['mean', 'sd'], pareto: ['scale', 'shape'], empirical: ['values'],
};

/** A rough middle of a distribution, so switching shape keeps about the same time. */
function typical(d: Dist): number {
  if (typeof d === 'number') return d;
  const v = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : NaN);
  const guess = [v('mean'), v('value'), v('median'), (v('min') + v('max')) / 2, v('scale')].find((x) => Number.isFinite(x));
  return guess ?? 10;
}

function make(kind: string, m: number): Dist {
  switch (kind) {
    case 'fixed': return m;
    case 'constant': return { dist: 'constant', value: m };
    case 'exponential': return { dist: 'exponential', mean: m };
    case 'uniform': return { dist: 'uniform', min: m / 2, max: (m * 3) / 2 };
    case 'lognormal': return { dist: 'lognormal', median: m || 1, p99: (m || 1) * 4 };
    case 'normal': return { dist: 'normal', mean: m, sd: m / 4 };
    case 'pareto': return { dist: 'pareto', scale: m || 1, shape: 2 };
    default: return { dist: 'empirical', values: [m] };
  }
}

export function DistributionField({ label, description, error, errors, value, onEdit }: { label: string; description?: string; error?: string; errors: (sub: string) => string | undefined; value: unknown; onEdit: (v: unknown, commit: boolean) => void }) {
  const id = useId();
  const d = (value ?? 0) as Dist;
  const kind = typeof d === 'number' ? 'fixed' : d.dist;
  const params = PARAMS[kind] ?? [];
  const setParam = (p: string): OnEdit => (v, commit) => onEdit({ ...(d as object), [p]: v }, commit);
  return (
    <fieldset className="mc-fieldset mc-dist">
      <legend title={description}>{label}</legend>
      <FieldFrame label="shape" htmlFor={id} error={error}>
        <select id={id} className="mc-select" value={kind} onChange={(e) => onEdit(make(e.target.value, typical(d)), true)}>
          {Object.keys(PARAMS).map((k) => <option key={k} value={k}>{k === 'fixed' ? 'fixed (ms)' : k}</option>)}
        </select>
      </FieldFrame>
      {kind === 'fixed' && <NumberField label="ms" value={d} onEdit={onEdit} integer={false} min={0} optional={false} error={errors('')} />}
      {params.map((p) =>
        p === 'values'
          ? <JsonField key={p} label="values (ms)" value={(d as Record<string, unknown>)[p]} onEdit={setParam(p)} error={errors(p)} />
          : <NumberField key={p} label={`${p} (ms)`.replace('shape (ms)', 'shape')} value={(d as Record<string, unknown>)[p]} onEdit={setParam(p)} integer={false} min={0} optional={false} error={errors(p)} />,
      )}
    </fieldset>
  );
}
