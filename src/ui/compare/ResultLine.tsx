import type { DiffRow } from '../../compare/diff';
import { fmtSigned } from '../../compare/format';

/** The result in a sentence or two: what B changed clearly, and how much of the rest is noise. */
export function ResultLine({ rows, seeds }: { rows: DiffRow[]; seeds: number }) {
  if (rows.length === 0) return null;
  const clear = rows.filter((r) => r.diff && r.noise !== true && (r.verdict === 'better' || r.verdict === 'worse'));
  const noise = rows.filter((r) => r.noise === true && r.diff && r.diff.mean !== 0);
  const say = (r: DiffRow) => `${r.label} ${fmtSigned(r.diff!.mean, r.unit)}`;
  const better = clear.filter((r) => r.verdict === 'better').map(say);
  const worse = clear.filter((r) => r.verdict === 'worse').map(say);
  return (
    <div className="mc-compare__outcome" data-testid="compare-outcome">
      <span>{seeds > 1 ? 'Measured' : 'So far'}</span>
      {better.length > 0 && <p>B better: {better.join(', ')}.</p>}
      {worse.length > 0 && <p>B worse: {worse.join(', ')}.</p>}
      {better.length + worse.length === 0 && <p>No clear difference{seeds > 1 ? ' over these seeds' : ' yet'}.</p>}
      {noise.length > 0 && <p className="mc-muted">Within the noise: {noise.map((r) => r.label).join(', ')}.</p>}
    </div>
  );
}
