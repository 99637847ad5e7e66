/**
 * A time-series line chart drawn as plain SVG paths, for charts that redraw every second with
 * several overlaid lines (Compare mode's A and B). recharts re-registers every series and
 * re-runs its selectors on each redraw (30-40 ms a chart with four lines of 300 points, enough
 * to cost frames while two simulations play); this draws the same picture in about a
 * millisecond: a zero-based y axis with three round ticks, round time ticks, a grid, lines
 * (dashed or solid), shaded bands, a label at each line's end, an HTML legend and a readout
 * of the values under the pointer.
 */
import { memo, useMemo, useRef, useState, type PointerEvent } from 'react';
import { timeTicks } from '../panels/dashboard/chartBits';
import { fmtAxisTime } from '../panels/dashboard/seriesData';
import { useElementWidth } from './useElementWidth';

export interface TimeLine {
  /** Column of the rows this line reads; also its name in the legend. */
  key: string;
  color: string;
  dash?: string;
  width?: number;
  /** Column holding [low, high] pairs, drawn as a shaded band behind the line. */
  band?: string;
  bandOpacity?: number;
  /** Short text at the line's last point ("A", "B"). */
  endLabel?: string;
}

export type TimeRow = { t: number } & Record<string, number | [number, number] | undefined>;

const PAD = { top: 6, right: 18, bottom: 18, left: 46 };

/** 0 and two round ticks above the largest value: 1, 2 or 5 times a power of ten per step. */
export function valueTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1, 2];
  const raw = max / 2;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  return [0, step, 2 * step];
}

const fmtValue = (v: number) => (Math.abs(v) >= 10_000 ? `${Math.round(v / 1000)}k` : Math.abs(v) >= 100 ? String(Math.round(v)) : String(+v.toFixed(Math.abs(v) < 1 ? 2 : 1)));

/** An SVG path through the line's points; a gap in the data breaks it. */
function linePath(rows: readonly TimeRow[], key: string, x: (t: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (const r of rows) {
    const v = r[key];
    if (typeof v !== 'number') {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(r.t).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  }
  return d;
}

function bandPath(rows: readonly TimeRow[], key: string, x: (t: number) => number, y: (v: number) => number): string {
  const pts = rows.filter((r) => Array.isArray(r[key]));
  if (pts.length < 2) return '';
  const hi = pts.map((r) => `${x(r.t).toFixed(1)},${y((r[key] as [number, number])[1]).toFixed(1)}`);
  const lo = pts.map((r) => `${x(r.t).toFixed(1)},${y((r[key] as [number, number])[0]).toFixed(1)}`).reverse();
  return `M${hi.join('L')}L${lo.join('L')}Z`;
}

function lastPoint(rows: readonly TimeRow[], key: string): { t: number; v: number } | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const v = rows[i][key];
    if (typeof v === 'number') return { t: rows[i].t, v };
  }
  return null;
}

export const TimeLines = memo(function TimeLines({ rows, lines, domain, height, unit }: {
  rows: readonly TimeRow[];
  lines: readonly TimeLine[];
  /** The time axis, in simulated seconds. */
  domain: [number, number];
  height: number;
  unit?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, 300);
  const [hover, setHover] = useState<number | null>(null);
  const plot = useMemo(() => {
    let max = 0;
    for (const r of rows) {
      for (const l of lines) {
        const v = r[l.key];
        if (typeof v === 'number' && v > max) max = v;
        const b = l.band ? r[l.band] : undefined;
        if (Array.isArray(b) && b[1] > max) max = b[1];
      }
    }
    const yTicks = valueTicks(max);
    const [t0, t1] = domain;
    const w = Math.max(10, width - PAD.left - PAD.right);
    const h = Math.max(10, height - PAD.top - PAD.bottom);
    const x = (t: number) => PAD.left + ((t - t0) / Math.max(1e-9, t1 - t0)) * w;
    const y = (v: number) => PAD.top + h - (v / yTicks[2]) * h;
    return { x, y, yTicks, xTicks: timeTicks(domain), w, h };
  }, [rows, lines, domain, width, height]);
  const { x, y, yTicks, xTicks, w, h } = plot;
  const suffix = unit === '%' ? '%' : '';

  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    const px = e.clientX - e.currentTarget.getBoundingClientRect().left;
    let best = -1;
    for (let i = 0, d = Infinity; i < rows.length; i++) {
      const di = Math.abs(x(rows[i].t) - px);
      if (di < d) [d, best] = [di, i];
    }
    setHover(best >= 0 ? best : null);
  };
  const hovered = hover !== null ? rows[hover] : undefined;

  return (
    <div ref={box} className="mc-lines" style={{ position: 'relative' }}>
      <svg width={width} height={height} className="mc-lines__svg" onPointerMove={onMove} onPointerLeave={() => setHover(null)} aria-hidden="true">
        <g className="mc-lines__grid">
          {yTicks.map((v) => <line key={v} x1={PAD.left} x2={PAD.left + w} y1={y(v)} y2={y(v)} />)}
        </g>
        <g className="mc-lines__axis">
          <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + h} />
          <line x1={PAD.left} x2={PAD.left + w} y1={PAD.top + h} y2={PAD.top + h} />
          {yTicks.map((v) => <text key={v} x={PAD.left - 5} y={y(v)} textAnchor="end" dominantBaseline="middle">{fmtValue(v)}{suffix}</text>)}
          {xTicks.map((t) => <text key={t} x={x(t)} y={PAD.top + h + 13} textAnchor="middle">{fmtAxisTime(t)}</text>)}
        </g>
        <g className="mc-lines__bands">
          {lines.map((l) => l.band && <path key={l.band} d={bandPath(rows, l.band, x, y)} fill={l.color} fillOpacity={l.bandOpacity ?? 0.15} stroke="none" />)}
        </g>
        {lines.map((l) => (
          <path key={l.key} className="mc-lines__line" d={linePath(rows, l.key, x, y)} fill="none" stroke={l.color} strokeWidth={l.width ?? 2}
            strokeDasharray={l.dash} strokeLinejoin="round" data-name={l.key} />
        ))}
        {lines.map((l) => {
          const end = l.endLabel ? lastPoint(rows, l.key) : null;
          return end && <text key={`${l.key} end`} className="mc-lines__end" x={x(end.t) + 4} y={y(end.v)} dominantBaseline="middle" fill={l.color}>{l.endLabel}</text>;
        })}
        {hovered && <line className="mc-lines__cursor" x1={x(hovered.t)} x2={x(hovered.t)} y1={PAD.top} y2={PAD.top + h} />}
      </svg>
      {hovered && (
        <div className="mc-lines__readout" style={{ left: Math.min(x(hovered.t) + 8, Math.max(0, width - 150)) }}>
          <div>t = {fmtAxisTime(hovered.t)}</div>
          {lines.map((l) => typeof hovered[l.key] === 'number' && (
            <div key={l.key} style={{ color: l.color }}>{l.key}: {fmtValue(hovered[l.key] as number)}{suffix}</div>
          ))}
        </div>
      )}
      <ul className="mc-lines__legend">
        {lines.map((l) => (
          <li key={l.key}>
            <svg width={18} height={8} aria-hidden="true"><line x1={0} x2={18} y1={4} y2={4} stroke={l.color} strokeWidth={2} strokeDasharray={l.dash ? '4 2' : undefined} /></svg>
            <span className="mc-lines__name">{l.key}</span>
          </li>
        ))}
      </ul>
    </div>
  );
});
