/**
 * The table of differences: per figure A, B and B - A; over several seeds each with its 95 %
 * interval, and "noise" where the interval of B - A holds 0. Better and worse are written out
 * (and marked with an arrow), never shown by colour alone.
 */
import type { DiffRow } from '../../compare/diff';
import { fmtEstimate, fmtSigned, fmtValue } from '../../compare/format';
import type { Estimate } from '../../compare/stats';

function Cell({ e, unit, signed = false }: { e: Estimate | null; unit: DiffRow['unit']; signed?: boolean }) {
  if (!e) return <td className="mc-num">–</td>;
  const f = (v: number) => (signed ? fmtSigned(v, unit) : fmtValue(v, unit));
  const spread = e.lo !== null && e.hi !== null && fmtEstimate(e, unit, signed) !== f(e.mean);
  return (
    <td className="mc-num">
      {f(e.mean)}
      {spread && <span className="mc-compare__ci">{f(e.lo!)} to {f(e.hi!)}</span>}
    </td>
  );
}

/** What the last column says, in words. */
export function judgement(r: DiffRow, seeds: number): { text: string; tone: 'good' | 'bad' | 'none' } {
  if (!r.diff || r.verdict === null) return { text: '–', tone: 'none' };
  if (r.noise === true) return { text: r.diff.mean === 0 && r.diff.lo === 0 ? 'same' : 'noise', tone: 'none' };
  if (r.verdict === 'same') return { text: 'same', tone: 'none' };
  const word = r.verdict === 'better' ? '▲ better' : '▼ worse';
  return { text: seeds > 1 ? word : `${word}?`, tone: r.verdict === 'better' ? 'good' : 'bad' };
}

export function DiffTable({ rows, seeds }: { rows: DiffRow[]; seeds: number }) {
  return (
    <table className="mc-compare__table" aria-label="Differences between A and B">
      <caption className="sr-only">Each figure for A and B{seeds > 1 ? `, as a mean over ${seeds} seeds with its 95 % interval` : ''}, and the change from A to B</caption>
      <thead>
        <tr><th scope="col">figure</th><th scope="col">A</th><th scope="col">B</th><th scope="col">B − A</th><th scope="col"><span className="sr-only">verdict</span></th></tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const j = judgement(r, seeds);
          return (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <Cell e={r.a} unit={r.unit} />
              <Cell e={r.b} unit={r.unit} />
              <Cell e={r.diff} unit={r.unit} signed />
              <td className={`mc-compare__verdict is-${j.tone}`}>{j.text}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
