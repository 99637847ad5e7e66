import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../../../store';
import type { CustomFieldProps } from '../customFields';
import { sharesOf, withShare, type SplitTarget } from './weights';

interface Route {
  prefix: string;
  to: string | SplitTarget[];
}

const targetsOf = (r: Route): SplitTarget[] => (typeof r.to === 'string' ? [{ service: r.to, weight: 100 }] : r.to);
/** One target is written as a plain route, as a person would write it by hand. */
const toOf = (targets: SplitTarget[]): Route['to'] => (targets.length === 1 ? targets[0].service : targets);

/**
 * A gateway's routes as a table: a path prefix per route, the services it goes to, and for a
 * split a slider per service with its share in percent. Moving a slider gives the others what
 * is left (the strangler fig's "75/25, then 50/50, then 0/100"); it is one edit, checked by the
 * scenario parser and applied to the running simulation when the slider is let go.
 */
export function RoutesField({ root, value, errors, onEdit, label, description }: CustomFieldProps) {
  const owner = (root as { id: string }).id;
  const routes = (Array.isArray(value) ? value : []) as Route[];
  const callees = useStore(useShallow((s) => s.scenario.edges.filter((e) => e.from === owner).map((e) => e.to)));
  const [drag, setDrag] = useState<{ route: number; targets: SplitTarget[] } | null>(null);
  const titleId = useId();

  const setRoutes = (next: Route[], commit = true) => onEdit(next, commit);
  const setRoute = (k: number, r: Route, commit = true) => setRoutes(routes.map((x, i) => (i === k ? r : x)), commit);
  const release = () => {
    if (drag) setRoute(drag.route, { ...routes[drag.route], to: toOf(drag.targets) });
    setDrag(null);
  };
  const addRoute = () => {
    const used = new Set(routes.map((r) => r.prefix));
    let n = 1;
    while (used.has(`/path-${n}`)) n++;
    setRoutes([...routes, { prefix: `/path-${n}`, to: callees[0] }]);
  };
  const routeErrors = (k: number) => Object.entries(errors).filter(([p]) => p === `routes[${k}]` || p.startsWith(`routes[${k}].`) || p.startsWith(`routes[${k}][`));

  return (
    <fieldset className="mc-fieldset mc-routes" aria-labelledby={titleId}>
      <legend id={titleId} title={description}>{label}</legend>
      {description && <p className="mc-fieldset__hint">{description}</p>}
      {errors.routes && <p className="mc-field__error" role="alert">{errors.routes}</p>}
      {routes.length === 0 ? (
        <p className="mc-muted">No routes: every request is sent to every service the gateway calls.</p>
      ) : (
        <table className="mc-routes__table">
          <colgroup><col className="mc-routes__c-prefix" /><col className="mc-routes__c-to" /><col /><col className="mc-routes__c-act" /></colgroup>
          <thead>
            <tr><th scope="col">path prefix</th><th scope="col">to</th><th scope="col">share</th><th scope="col"><span className="sr-only">actions</span></th></tr>
          </thead>
          {routes.map((r, k) => {
            const targets = drag?.route === k ? drag.targets : targetsOf(r);
            const shares = sharesOf(targets);
            const spare = callees.filter((c) => !targets.some((t) => t.service === c));
            const problems = routeErrors(k);
            return (
              <tbody key={k} className="mc-routes__route">
                {targets.map((t, m) => (
                  <tr key={m}>
                    {m === 0 && (
                      <th scope="row" rowSpan={targets.length}>
                        <PrefixInput value={r.prefix} label={`path prefix of route ${k + 1}`} onEdit={(p, commit) => setRoute(k, { ...r, prefix: p }, commit)} invalid={problems.some(([p]) => p.endsWith('.prefix'))} />
                      </th>
                    )}
                    <td>
                      <select className="mc-select" aria-label={`service ${m + 1} of ${r.prefix}`} value={t.service}
                        onChange={(e) => setRoute(k, { ...r, to: toOf(targets.map((x, i) => (i === m ? { ...x, service: e.target.value } : x))) })}>
                        {[t.service, ...spare].map((c) => <option key={c} value={c}>{c}</option>)}
                      </select>
                    </td>
                    <td>
                      <div className="mc-routes__share">
                        {targets.length > 1 && (
                          <input type="range" min={0} max={100} step={1} value={Math.round(shares[m])}
                            aria-label={`share of ${r.prefix} sent to ${t.service}`} aria-valuetext={`${Math.round(shares[m])} %`}
                            onChange={(e) => setDrag({ route: k, targets: withShare(targets, m, Number(e.target.value)) })}
                            onPointerUp={release} onKeyUp={release} onBlur={release} />
                        )}
                        <output className="mc-routes__pct">{targets.length > 1 ? Math.round(shares[m]) : 100} %</output>
                      </div>
                    </td>
                    <td>
                      {targets.length > 1 && (
                        <button type="button" className="mc-btn mc-btn--small" aria-label={`Stop sending ${r.prefix} to ${t.service}`} title="Remove this service from the split"
                          onClick={() => setRoute(k, { ...r, to: toOf(withoutTarget(targets, m)) })}>×</button>
                      )}
                    </td>
                  </tr>
                ))}
                <tr className="mc-routes__more">
                  <td colSpan={4}>
                    {spare.length > 0 && (
                      <button type="button" className="mc-btn mc-btn--small" onClick={() => setRoute(k, { ...r, to: [...targets, { service: spare[0], weight: 0 }] })}>
                        Split {r.prefix} with {spare[0]}
                      </button>
                    )}
                    <button type="button" className="mc-btn mc-btn--small" onClick={() => setRoutes(routes.filter((_, i) => i !== k))} aria-label={`Remove the route ${r.prefix}`}>Remove route</button>
                    {problems.map(([p, msg]) => <p key={p} className="mc-field__error" role="alert">{p.replace(/^routes\[\d+\]\.?/, '') || r.prefix}: {msg}</p>)}
                  </td>
                </tr>
              </tbody>
            );
          })}
        </table>
      )}
      <button type="button" className="mc-btn mc-btn--small" onClick={addRoute} disabled={callees.length === 0}
        title={callees.length === 0 ? 'Connect the gateway to a service first' : 'Route a new path prefix'}>Add route</button>
    </fieldset>
  );
}

/** Removing a target gives its share to the others, in their proportions. */
function withoutTarget(targets: SplitTarget[], m: number): SplitTarget[] {
  const rest = targets.filter((_, i) => i !== m);
  return rest.reduce((a, t) => a + t.weight, 0) > 0 ? rest : rest.map((t) => ({ ...t, weight: 1 }));
}

/** The prefix as typed, checked at each key and committed when done (blur or Enter). */
function PrefixInput({ value, label, onEdit, invalid }: { value: string; label: string; onEdit: (v: string, commit: boolean) => void; invalid: boolean }) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  return (
    <input type="text" className="mc-input mc-input--code" value={draft} aria-label={label} aria-invalid={invalid} spellCheck={false}
      onChange={(e) => {
        setDraft(e.target.value);
        onEdit(e.target.value, false);
      }}
      onBlur={(e) => onEdit(e.target.value, true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onEdit((e.target as HTMLInputElement).value, true);
      }} />
  );
}
