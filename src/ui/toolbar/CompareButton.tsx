import { useCompareMode } from '../../store/compareMode';

/** Turns Compare mode on, or off keeping B (what the canvas shows); the mode loads on first use. */
export function toggleCompare(): void {
  void import('../compare/compareActions').then((m) => (useCompareMode.getState().on ? m.leaveCompare('b') : m.enterCompare()));
}

/** Two bars, one dashed: runs A and B side by side. */
const AbIcon = () => (
  <svg width={18} height={18} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
    <path d="M3 17 8 10l4 4 8-9 M3 20l5-4 4 2 8-7" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeDasharray="0" />
  </svg>
);

export function CompareButton() {
  const on = useCompareMode((s) => s.on);
  return (
    <button type="button" className="mc-btn" onClick={toggleCompare} aria-pressed={on} aria-label="Compare"
      title={on ? 'Leave Compare mode, keeping B (the scenario on the canvas)' : 'Compare: run this scenario (A) beside a changed copy (B) on the same seed'}>
      <AbIcon /><span className="mc-btn__text">Compare</span>
    </button>
  );
}
