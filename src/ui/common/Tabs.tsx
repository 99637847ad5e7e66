import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface Tab<T extends string> {
  id: T;
  label: ReactNode;
}

/** WAI-ARIA tabs: arrow keys move between tabs, the panel below is labelled by its tab. */
/** `panelId` names the panel for a control in `extra` (aria-controls); `folded` hides it. */
export function Tabs<T extends string>({ tabs, active, onChange, label, children, extra, panelId, folded = false }: { tabs: Tab<T>[]; active: T; onChange: (t: T) => void; label: string; children: ReactNode; extra?: ReactNode; panelId?: string; folded?: boolean }) {
  const ownId = useId();
  const base = panelId ?? ownId;
  const list = useRef<HTMLDivElement>(null);
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === active);
    const next = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length : -1;
    if (next < 0) return;
    e.preventDefault();
    onChange(tabs[next].id);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div className="mc-tabs">
      <div className="mc-tabs__bar">
        <div role="tablist" aria-label={label} ref={list} onKeyDown={onKey}>
          {tabs.map((t) => (
            <button key={t.id} type="button" role="tab" id={`${base}-${t.id}`} aria-selected={t.id === active} aria-controls={`${base}-panel`}
              tabIndex={t.id === active ? 0 : -1} className="mc-tab" onClick={() => onChange(t.id)}>
              {t.label}
            </button>
          ))}
        </div>
        {extra}
      </div>
      <div role="tabpanel" id={`${base}-panel`} hidden={folded} aria-labelledby={`${base}-${active}`} className="mc-tabs__panel">{children}</div>
    </div>
  );
}
