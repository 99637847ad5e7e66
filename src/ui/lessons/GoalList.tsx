import type { Goal, Verdict } from '../../lessons/types';
import { useStore } from '../../store';
import { select, togglePanel } from '../../store/uiActions';
import { showOnChart } from '../../store/lessonActions';
import { fmtClock } from '../common/format';
import { scrollWithin } from './scrollWithin';
import { figures, STATUS_ICON, STATUS_WORD } from './verdictText';

type Shown = Pick<Verdict, 'goal' | 'status' | 'actual' | 'limit' | 'op' | 'seed' | 'brokeAtMs' | 'message'> & { error?: string };

/**
 * Brings the dashboard chart of a series into view: unfolds the dashboard, selects a node
 * whose series it is (the node charts follow the selection), scrolls to its charts.
 */
function focusChart(series: string | undefined): void {
  if (useStore.getState().ui.collapsed.dashboard) togglePanel('dashboard');
  const node = /^series\.nodes\.(.+)\.[^.]+$/.exec(series ?? '')?.[1];
  if (node) select({ type: 'node', id: node });
  // After the dashboard has drawn what the selection and the unfolding changed.
  setTimeout(() => {
    const groups = [...document.querySelectorAll('[data-testid="dashboard"] .mc-dashboard__group')];
    const target = (node && groups.find((g) => g.querySelector('.mc-chart__title')?.textContent?.startsWith(`${node}:`))) || groups[0];
    scrollWithin(target?.closest('.mc-side__dashboard'), target);
  }, 50);
}

/**
 * The lesson's goals with their state: live while a run plays (from the worker), final after
 * the full check. Each shows the actual figure beside the limit; a failed series goal offers
 * to show on the charts the moment it broke.
 */
export function GoalList({ goals, verdicts, final }: { goals: readonly Goal[]; verdicts: readonly Shown[]; final: boolean }) {
  const byId = new Map(verdicts.map((v) => [v.goal, v]));
  const words = final ? STATUS_WORD.final : STATUS_WORD.live;
  return (
    <ul className="mc-goals" aria-label={final ? 'Goals, checked' : 'Goals, live'}>
      {goals.map((g) => {
        const v = byId.get(g.id);
        const status = v?.status ?? 'pending';
        const f = figures(g, v);
        const series = 'series' in g.check ? g.check.series : undefined;
        return (
          <li key={g.id} className={`mc-goal mc-goal--${status}`} data-goal={g.id} data-status={status}>
            <span className="mc-goal__icon" aria-hidden="true">{STATUS_ICON[status]}</span>
            <div className="mc-goal__body">
              <p className="mc-goal__label">
                {g.label}
                {g.bonus && <span className="mc-goal__bonus"> (bonus)</span>}
              </p>
              <p className="mc-goal__state">
                <span className="mc-goal__word">{words[status]}</span>
                {f && (
                  <>
                    {' · '}actual <strong className="mc-goal__actual">{f.actual}</strong>
                    {' · '}limit <span className="mc-goal__limit">{f.limit}</span>
                  </>
                )}
                {final && status === 'fail' && v?.seed !== undefined && <span className="mc-muted"> · seed {v.seed}</span>}
              </p>
              {v?.error && <p className="mc-field__error">{v.error}</p>}
              {!f && status === 'fail' && v?.message && <p className="mc-muted">{v.message}</p>}
              {final && status === 'fail' && v?.brokeAtMs !== undefined && (
                <button type="button" className="mc-btn mc-btn--small" onClick={() => { showOnChart({ brokeAtMs: v.brokeAtMs, seed: v.seed, label: `${g.id} broke at ${fmtClock(v.brokeAtMs ?? 0)}` }); focusChart(series); }}>
                  Show on chart
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
