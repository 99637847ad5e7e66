import { useEffect, useId, useRef, useState } from 'react';

/** Each instance state drawn exactly as the node cards draw it (same classes), with its meaning. */
const CELLS: { state: string; busy?: number; mark?: string; name: string; meaning: string }[] = [
  { state: 'ready', busy: 0, name: 'idle', meaning: 'ready, no request in hand' },
  { state: 'ready', busy: 0.5, name: 'busy', meaning: 'ready; the fill is the share of its workers at work' },
  { state: 'ready', busy: 1, name: 'full', meaning: 'every worker busy: new requests wait in its queue' },
  { state: 'starting', name: 'booting', meaning: 'starting up (startup time), takes no requests yet' },
  { state: 'draining', name: 'draining', meaning: 'finishing its requests before it stops (scale-in, resize)' },
  { state: 'crashed', mark: '×', name: 'crashed', meaning: 'down: requests sent to it fail until it restarts' },
];

const CALLS: { health: string; name: string; meaning: string }[] = [
  { health: 'ok', name: 'solid', meaning: 'calls succeed (errors under 1 %)' },
  { health: 'warn', name: 'dashed', meaning: 'degraded: 1–5 % errors' },
  { health: 'bad', name: 'dotted, thick', meaning: 'failing: 5 % errors or more' },
  { health: 'idle', name: 'grey', meaning: 'no calls right now' },
];

/**
 * What the small cells in a node (one per instance) and the lines between nodes mean, behind a
 * "Legend" button on the canvas. Escape closes it and gives the focus back to the button.
 */
export function CellLegend() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, setOpen]);
  return (
    <div className="mc-legend">
      <button ref={button} type="button" className="mc-btn mc-btn--small mc-legend__button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)} title="What the cells and lines mean">
        <span aria-hidden="true">?</span> Legend
      </button>
      <section id={panelId} className="mc-legend__panel" role="region" aria-label="Legend" hidden={!open}>
        <h2 className="mc-legend__title">Instance cells</h2>
        <p className="mc-legend__note">One cell per instance of a service, gateway or database.</p>
        <dl className="mc-legend__list">
          {CELLS.map((c) => (
            <div key={c.name} className="mc-legend__row">
              <dt>
                <span className={`mc-cell mc-cell--${c.state}`} aria-hidden="true" style={c.busy !== undefined ? { ['--busy' as string]: c.busy } : undefined}>{c.mark ?? null}</span>
                <span>{c.name}</span>
              </dt>
              <dd>{c.meaning}</dd>
            </div>
          ))}
        </dl>
        <h2 className="mc-legend__title">Calls</h2>
        <dl className="mc-legend__list">
          {CALLS.map((c) => (
            <div key={c.health} className="mc-legend__row">
              <dt>
                <svg width="28" height="10" aria-hidden="true"><path d="M1 5h26" className={`react-flow__edge-path mc-edge mc-edge--${c.health}`} /></svg>
                <span>{c.name}</span>
              </dt>
              <dd>{c.meaning}</dd>
            </div>
          ))}
        </dl>
        <p className="mc-legend__note">Moving dashes follow the traffic: the faster they move, the more calls per second. On a call with a fallback, ↩ counts the failed calls the fallback answered.</p>
      </section>
    </div>
  );
}
