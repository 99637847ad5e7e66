import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { EXPORT_TARGETS, TARGET_TITLES } from '../../export/types';
import { command, tooltip } from '../commands';
import { openExport, useExportDialog } from '../export/exportDialogState';

const EXPORT = command('exportDeployment');
// The exporter and its YAML library load when the dialog first opens, not with the page.
const ExportDialog = lazy(() => import('../export/ExportDialog').then((m) => ({ default: m.ExportDialog })));

/** Boxes on a ship: deployment files. */
const DeployIcon = () => (
  <svg width={18} height={18} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
    <path d="M3 14h18l-2.5 5.5h-13zM6 14V9h5v5M13 14V6h5v8M6 9h5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

/** The Deploy menu: one item per target, each opening the deployment-files dialog on it. */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const dialogOpen = useExportDialog((s) => s.target !== null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const onMenuKey = (e: KeyboardEvent) => {
    const items = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const go = (k: number) => {
      e.preventDefault();
      items[(k + items.length) % items.length]?.focus();
    };
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(items.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      setOpen(false);
      if (e.key === 'Escape') button.current?.focus();
    }
  };

  return (
    <div className="mc-group" ref={root} style={{ position: 'relative' }}>
      <button ref={button} type="button" className="mc-btn" aria-haspopup="menu" aria-expanded={open} aria-label="Deploy"
        title={tooltip(EXPORT)} onClick={() => setOpen((o) => !o)}>
        <DeployIcon /><span className="mc-btn__text">Deploy</span>
      </button>
      {open && (
        <div role="menu" aria-label="Export deployment files" className="mc-menu" onKeyDown={onMenuKey}
          style={{ position: 'absolute', top: '100%', right: 0, zIndex: 40, display: 'grid', minWidth: 170, padding: 4, marginTop: 4, background: 'var(--panel)', border: '1px solid var(--border)', borderRadius: 6, boxShadow: 'var(--shadow)' }}>
          {EXPORT_TARGETS.map((t) => (
            <button key={t} type="button" role="menuitem" tabIndex={-1} className="mc-btn" style={{ justifyContent: 'flex-start', border: 0 }}
              onClick={() => {
                setOpen(false);
                // The dialog gives focus back to whatever had it: the menu's button, not the item that goes away.
                button.current?.focus();
                openExport(t);
              }}>
              {TARGET_TITLES[t]}…
            </button>
          ))}
        </div>
      )}
      {dialogOpen && <Suspense fallback={null}><ExportDialog /></Suspense>}
    </div>
  );
}
