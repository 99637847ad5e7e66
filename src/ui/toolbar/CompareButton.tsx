import { toggleCompare, useCompareMode } from '../../store/compareMode';

/** Two lines: runs A and B side by side. */
const AbIcon = () => (
  <svg width={18} height={18} viewBox="0 0 24 24" aria-hidden="true" className="icon">
    <path d="M3 17 8 10l4 4 8-9M3 20l5-4 4 2 8-7" fill="none" stroke="currentColor" strokeWidth={1.8} />
  </svg>
);

export function CompareButton() {
  const on = useCompareMode((s) => s.on);
  return (
    <button type="button" className="mc-btn" onClick={toggleCompare} aria-pressed={on} aria-label="Compare"
      title={on ? 'Leave, keeping B' : 'Compare with a changed copy'}>
      <AbIcon /><span className="mc-btn__text">Compare</span>
    </button>
  );
}
