import { useId, useState, type FormEvent } from 'react';
import type { Goal } from '../../lessons/types';
import { useStore } from '../../store';
import { addGoal } from '../../store/lessonAuthor';
import { runLessonJob } from '../../store/lessonBridge';
import type { AuthorDraft, ChartPick } from '../../store/lessonSlice';
import { selectSeries } from '../../store/selectors';
import type { SeriesWindow } from '../../worker/protocol';
import type { ReportFigure } from '../../worker/lessonJobs';
import { fmtAxisTime } from '../panels/dashboard/seriesData';
import { goalId } from './authorDraft';
import { fmtFigure, OP_WORD, unitOf } from './verdictText';

const OPS = ['<', '<=', '>', '>=', '==', '!='] as const;
const AGGS = ['max', 'min', 'mean', 'last', 'sum', 'p95'] as const;
/** A goal from a chart point watches this long on each side of it. */
export const PICK_WINDOW_MS = 10_000;

interface Form {
  kind: 'metric' | 'series';
  label: string;
  path: string;
  series: string;
  op: (typeof OPS)[number];
  value: string;
  fromS: string;
  toS: string;
  agg: (typeof AGGS)[number];
  bonus: boolean;
}

/** Every series the dashboard has, as the report names them (series.clients.buyers.latencyP99Ms). */
export function seriesPaths(w: SeriesWindow): string[] {
  const out: string[] = [];
  for (const group of ['clients', 'nodes', 'edges'] as const) {
    for (const [id, channels] of Object.entries(w[group])) for (const ch of Object.keys(channels)) out.push(`series.${group}.${id}.${ch}`);
  }
  return out;
}

/** "p99 under this line": the form a chart point fills in (the p99 line when there is one). */
export function formFromPick(pick: ChartPick): Partial<Form> {
  const line = pick.lines.find((l) => /p99/i.test(l.name)) ?? pick.lines[0];
  const round = (v: number) => (v >= 100 ? Math.round(v) : Math.round(v * 10) / 10);
  const from = Math.max(0, pick.tMs - PICK_WINDOW_MS);
  const to = pick.tMs + PICK_WINDOW_MS;
  return {
    kind: 'series', series: line.series, op: '<=', value: String(round(line.value)), agg: 'max',
    fromS: String(from / 1000), toS: String(to / 1000),
    label: `${line.name} stays at or under ${fmtFigure(round(line.value), unitOf(line.series))} from ${fmtAxisTime(from / 1000)} to ${fmtAxisTime(to / 1000)}`,
  };
}

const EMPTY: Form = { kind: 'metric', label: '', path: '', series: '', op: '<=', value: '', fromS: '0', toS: '60', agg: 'max', bonus: false };

/** What is wrong with the form, or the goal it makes. */
export function goalFromForm(f: Form, goals: readonly Goal[]): Goal | string {
  const value = Number(f.value);
  if (f.value.trim() === '' || !Number.isFinite(value)) return 'value must be a number';
  if (f.label.trim() === '') return 'label must say the goal in words';
  const id = goalId(f.label, goals);
  if (f.kind === 'metric') {
    if (f.path.trim() === '') return 'figure must name a figure of the report (e.g. clients.users.latencyMs.p99)';
    return { id, label: f.label.trim(), check: { metric: f.path.trim(), op: f.op, value }, bonus: f.bonus };
  }
  const fromMs = Number(f.fromS) * 1000;
  const toMs = Number(f.toS) * 1000;
  if (f.series === '') return 'series must name a series (press Play first so the dashboard has some)';
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || fromMs < 0 || toMs <= fromMs) return 'window: "to" must be after "from", both in seconds from the start';
  return { id, label: f.label.trim(), check: { series: f.series, window: { fromMs, toMs }, agg: f.agg, op: f.op, value }, bonus: f.bonus };
}

/**
 * Adds a goal to the lesson being made: a figure of the report against a limit, or a series
 * over a window. A point picked on a chart arrives as `pick` (the form is keyed by it).
 */
export function GoalForm({ draft, pick }: { draft: AuthorDraft; pick: ChartPick | null }) {
  const id = useId();
  const w = useStore(selectSeries);
  const [f, setF] = useState<Form>(() => ({ ...EMPTY, toS: String(draft.run.durationMs / 1000), ...(pick ? formFromPick(pick) : {}) }));
  const [figures, setFigures] = useState<ReportFigure[] | 'loading' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (p: Partial<Form>) => setF((x) => ({ ...x, ...p }));
  const series = seriesPaths(w);

  const loadFigures = async () => {
    setFigures('loading');
    const scenario = useStore.getState().scenario;
    const a = await runLessonJob({ type: 'paths', scenario, durationMs: draft.run.durationMs, seed: draft.run.seeds[0] ?? scenario.seed });
    setFigures(a.type === 'paths' ? a.paths : null);
    if (a.type === 'error') setProblem(`The run for the figures failed: ${a.message}`);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const g = goalFromForm(f, draft.goals);
    if (typeof g === 'string') return setProblem(g);
    setProblem(null);
    addGoal(g);
    setF({ ...EMPTY, toS: f.toS, fromS: f.fromS });
  };

  const current = Array.isArray(figures) ? figures.find((x) => x.path === f.path) : undefined;
  return (
    <form className="mc-goalform" onSubmit={submit} aria-label="Add a goal">
      <fieldset className="mc-fieldset">
        <legend>Add a goal</legend>
        <p className="mc-muted">Or click a point of the client latency chart: "p99 under this line" around that moment.</p>
        <div className="mc-field">
          <label className="mc-field__label" htmlFor={`${id}-kind`}>kind</label>
          <select id={`${id}-kind`} className="mc-select" value={f.kind} onChange={(e) => set({ kind: e.target.value as Form['kind'] })}>
            <option value="metric">a figure of the whole run</option>
            <option value="series">a series over a window</option>
          </select>
        </div>
        {f.kind === 'metric' ? (
          <>
            <div className="mc-field">
              <label className="mc-field__label" htmlFor={`${id}-path`}>figure</label>
              <input id={`${id}-path`} className="mc-input" list={`${id}-figures`} value={f.path} onChange={(e) => set({ path: e.target.value })} placeholder="clients.users.latencyMs.p99" />
            </div>
            <datalist id={`${id}-figures`}>
              {Array.isArray(figures) && figures.map((x) => <option key={x.path} value={x.path}>{fmtFigure(x.value, unitOf(x.path))}</option>)}
            </datalist>
            <p className="mc-muted">
              {figures === 'loading' ? 'Running the scenario for its figures…' : current ? `Now: ${fmtFigure(current.value, unitOf(current.path))}` : Array.isArray(figures) ? `${figures.length} figures to choose from.` : null}
              {' '}<button type="button" className="mc-btn mc-btn--small" onClick={() => void loadFigures()} disabled={figures === 'loading'}>List the figures of a run</button>
            </p>
          </>
        ) : (
          <>
            <div className="mc-field">
              <label className="mc-field__label" htmlFor={`${id}-series`}>series</label>
              <select id={`${id}-series`} className="mc-select" value={f.series} onChange={(e) => set({ series: e.target.value })}>
                <option value="">{series.length ? 'choose a series…' : 'press Play first'}</option>
                {f.series && !series.includes(f.series) && <option value={f.series}>{f.series}</option>}
                {series.map((p) => <option key={p} value={p}>{p.replace(/^series\./, '')}</option>)}
              </select>
            </div>
            <div className="mc-field">
              <label className="mc-field__label" htmlFor={`${id}-agg`}>over the window, its</label>
              <select id={`${id}-agg`} className="mc-select" value={f.agg} onChange={(e) => set({ agg: e.target.value as Form['agg'] })}>
                {AGGS.map((a) => <option key={a} value={a}>{a}</option>)}
              </select>
            </div>
            <div className="mc-field">
              <label className="mc-field__label" htmlFor={`${id}-from`}>from (s)</label>
              <input id={`${id}-from`} className="mc-input" type="number" min={0} step="any" value={f.fromS} onChange={(e) => set({ fromS: e.target.value })} />
            </div>
            <div className="mc-field">
              <label className="mc-field__label" htmlFor={`${id}-to`}>to (s)</label>
              <input id={`${id}-to`} className="mc-input" type="number" min={0} step="any" value={f.toS} onChange={(e) => set({ toS: e.target.value })} />
            </div>
          </>
        )}
        <div className="mc-field">
          <label className="mc-field__label" htmlFor={`${id}-op`}>must be</label>
          <select id={`${id}-op`} className="mc-select" value={f.op} onChange={(e) => set({ op: e.target.value as Form['op'] })}>
            {OPS.map((o) => <option key={o} value={o}>{OP_WORD[o]}</option>)}
          </select>
        </div>
        <div className="mc-field">
          <label className="mc-field__label" htmlFor={`${id}-value`}>value</label>
          <input id={`${id}-value`} className="mc-input" type="number" step="any" value={f.value} onChange={(e) => set({ value: e.target.value })} />
        </div>
        <div className="mc-field">
          <label className="mc-field__label" htmlFor={`${id}-label`}>label</label>
          <input id={`${id}-label`} className="mc-input" value={f.label} onChange={(e) => set({ label: e.target.value })} placeholder="What the learner reads" />
        </div>
        <div className="mc-field mc-field--check">
          <input id={`${id}-bonus`} type="checkbox" checked={f.bonus} onChange={(e) => set({ bonus: e.target.checked })} />
          <label className="mc-field__label" htmlFor={`${id}-bonus`}>bonus goal (a star; does not decide pass or fail)</label>
        </div>
        {problem && <p className="mc-field__error" role="alert">{problem}</p>}
        <button type="submit" className="mc-btn mc-btn--small mc-btn--primary">Add the goal</button>
      </fieldset>
    </form>
  );
}
