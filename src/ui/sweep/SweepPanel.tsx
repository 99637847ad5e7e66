import { useEffect, useId, useMemo } from 'react';
import { useStore } from '../../store';
import { selectScenario } from '../../store/selectors';
import { sweepCsv } from '../../sweep/csv';
import { sweepFields, type SweepField } from '../../sweep/fields';
import { download } from '../common/fileTransfer';
import { scenarioFileName } from '../saveAs/fileNames';
import type { SweepRunner } from '../../worker/sweepClient';
import { SweepCharts } from './SweepCharts';
import { fmtDollars, fmtMs, fmtPct, sweepPicture } from './sweepSeries';
import { cancelSweep, editForm, formFor, setForm, startSweep, useSweep, type SweepForm } from './sweepState';
import '../../styles/sweep.css';

function Field({ label, value, onChange, hint, wide }: { label: string; value: string; onChange: (v: string) => void; hint?: string; wide?: boolean }) {
  const id = useId();
  return (
    <span className={`mc-sweep__num${wide ? ' mc-sweep__num--wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} className="mc-input" inputMode="decimal" value={value} placeholder={hint} onChange={(e) => onChange(e.target.value)} />
    </span>
  );
}

/**
 * Vary one field of the open scenario over a range and see p99, error rate and cost against
 * it: the knee of the latency curve, the price of each extra instance. The runs happen in a
 * worker of their own, value after value, with a progress bar and Cancel.
 */
export function SweepPanel({ runner }: { runner?: SweepRunner }) {
  const scenario = useStore(selectScenario);
  const fields = useMemo(() => sweepFields(scenario), [scenario]);
  const { form, status, plan, runs, message } = useSweep();
  const field: SweepField | undefined = fields.find((f) => f.path === form?.path) ?? fields[0];
  const selectId = useId();

  // A new scenario may not have the field chosen: start again from its first one.
  useEffect(() => {
    if (field && form?.path !== field.path) setForm(formFor(field, form?.seeds, form?.seconds));
  }, [field, form]);

  const picture = useMemo(() => (plan ? sweepPicture(plan, runs) : null), [plan, runs]);
  const total = plan ? plan.values.length * plan.seeds.length : 0;
  const done = runs.filter(Boolean).length;
  const running = status === 'running';

  if (!field || !form) return <p className="mc-muted">Nothing to sweep yet: add a client and a service from the palette.</p>;
  const edit = (patch: Partial<SweepForm>) => editForm(patch);
  const run = () => startSweep(field, scenario, runner);
  const axisLabel = plan ? `${plan.field.label} (${plan.field.unit})` : '';
  return (
    <div className="mc-sweep">
      <form className="mc-sweep__form" aria-label="Sweep settings" onSubmit={(e) => { e.preventDefault(); run(); }}>
        <span className="mc-sweep__num mc-sweep__num--field">
          <label htmlFor={selectId}>Vary</label>
          <select id={selectId} className="mc-select" value={field.path}
            onChange={(e) => { const f = fields.find((x) => x.path === e.target.value); if (f) setForm(formFor(f, form.seeds, form.seconds)); }}>
            {fields.map((f) => <option key={f.path} value={f.path}>{f.label}{f.current !== undefined ? ` (now ${f.current})` : ''}</option>)}
          </select>
        </span>
        <Field label="From" value={form.from} onChange={(from) => edit({ from })} />
        <Field label="To" value={form.to} onChange={(to) => edit({ to })} />
        <Field label="In steps of" value={form.step} onChange={(step) => edit({ step })} />
        <Field label="Seeds" value={form.seeds} onChange={(seeds) => edit({ seeds })} />
        <Field label="Seconds per run" wide value={form.seconds} hint={String((scenario.durationMs ?? 60_000) / 1000)} onChange={(seconds) => edit({ seconds })} />
        <span className="mc-sweep__actions">
          <button type="submit" className="mc-btn mc-btn--primary">{running ? 'Restart sweep' : 'Run sweep'}</button>
          {running && <button type="button" className="mc-btn" onClick={cancelSweep}>Cancel</button>}
        </span>
        {message && <p className="mc-field__error" role="alert">{message}</p>}
      </form>
      {plan && (
        <div className="mc-sweep__status" role="status">
          <progress max={total} value={done} aria-label="Sweep progress" />
          <span>
            {status === 'running' ? `Run ${Math.min(done + 1, total)} of ${total}…`
              : status === 'done' ? `${total} runs done: ${plan.values.length} values × ${plan.seeds.length} seed${plan.seeds.length === 1 ? '' : 's'}, ${plan.durationMs / 1000} s simulated each${plan.seeds.length > 1 ? ' (means over the seeds, shaded from the lowest to the highest)' : ''}.`
                : status === 'cancelled' ? `Cancelled after ${done} of ${total} runs.` : `Stopped: ${message ?? 'the sweep failed'}`}
          </span>
        </div>
      )}
      {picture && picture.points.length > 0 && plan && (
        <>
          {picture.notes.length > 0 && <ul className="mc-sweep__notes" aria-label="What the sweep shows">{picture.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
          <SweepCharts picture={picture} axisLabel={axisLabel} fileLabel={`sweep ${plan.field.path}`} seeds={plan.seeds.length} />
          <table className="mc-sweep__table">
            <caption className="sr-only">Sweep results, one row per value</caption>
            <thead><tr><th scope="col">{plan.field.label}</th><th scope="col">worst p99</th><th scope="col">error rate</th><th scope="col">cost</th><th scope="col">runs failed</th></tr></thead>
            <tbody>
              {picture.points.map((p, i) => (
                <tr key={p.x} className={i === picture.knee ? 'is-knee' : undefined}>
                  <th scope="row">{p.x}{i === picture.knee ? ' (knee)' : ''}</th>
                  <td>{p.worstP99 === null ? '–' : `${fmtMs(p.worstP99)} ms`}</td>
                  <td>{p.errorPct === null ? '–' : fmtPct(p.errorPct)}</td>
                  <td>{p.costPerHour === null ? '–' : `${fmtDollars(p.costPerHour)}/h`}</td>
                  <td>{p.failed || ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <button type="button" className="mc-btn mc-btn--small" onClick={() => download(scenarioFileName(`sweep ${plan.field.path}`, 'csv'), sweepCsv(picture.rows), 'text/csv')}>
              Download CSV
            </button>
          </p>
        </>
      )}
    </div>
  );
}
