import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Score } from '../../api';
import type { Interval, Metric } from '../../apiMetrics';
import { describeScore, formatCount, formatSigned, formatValue, METRIC_NAMES } from '../../format';
import './metrics.css';

/** Roles that may change alert rules and acknowledge alerts (the service answers 403 to viewers). */
const WRITERS = ['agency-admin', 'agency-staff', 'client-admin', 'client-editor'];

export function canWriteMetrics(role: string): boolean {
  return WRITERS.includes(role);
}

/** The scale each metric is drawn on. */
export const METRIC_DOMAIN: Record<Metric, [number, number]> = {
  nps: [-100, 100],
  csat: [0, 100],
  ces: [1, 7],
};

export const METRIC_AXIS: Record<Metric, string> = {
  nps: 'NPS (−100 to +100)',
  csat: 'CSAT (% satisfied)',
  ces: 'CES (mean, 1 to 7)',
};

function utcDate(iso: string): Date | null {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * A bucket's start day as a label, read in UTC so a reader west of Greenwich does not see the day
 * before. Short for axes ("Nov 2"), long for tables ("Week of Nov 2, 2026").
 */
export function bucketLabel(start: string, interval: Interval, long = false): string {
  const d = utcDate(start);
  if (!d) return start;
  if (interval === 'month') return d.toLocaleDateString('en-US', { month: long ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' });
  const day = d.toLocaleDateString('en-US', long ? { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' } : { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return long && interval === 'week' ? `Week of ${day}` : day;
}

/** "Sep 1, 2026" for an ISO day (UTC). */
export function dayLabel(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = utcDate(iso);
  if (!d) return iso;
  return d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** A score in a table cell: value, n and interval, or why there is no number. */
export function ScoreCell({ kind, score }: { kind: Metric; score: Score | null | undefined }) {
  const view = describeScore(kind, score);
  if (view.state === 'none') return <span className="muted">no data</span>;
  if (view.state === 'insufficient') return <span className="score-cell-insufficient">{view.headline}</span>;
  return (
    <span className="score-cell" aria-label={view.label}>
      <span className="score-cell-value">{view.headline}</span>
      <span className="score-cell-meta">{view.nText}</span>
      {view.ci && <span className="score-cell-meta">{view.ci}</span>}
    </span>
  );
}

/** A change in points with an arrow, so the direction does not rest on colour. */
export function changeText(kind: Metric, change: number): string {
  const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '▬';
  const amount = kind === 'ces' ? `${change > 0 ? '+' : change < 0 ? '−' : ''}${Math.abs(change).toFixed(1)}` : formatSigned(change);
  return `${arrow} ${amount}${kind === 'csat' ? ' pts' : ''}`;
}

export function valueText(kind: Metric, value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? '—' : formatValue(kind, value);
}

export { formatCount, METRIC_NAMES };

/** The width of a chart's box, following it as the layout changes (a fixed fallback where it cannot be measured). */
export function useChartWidth(fallback = 640): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

interface FigureProps {
  title: string;
  /** What the table toggle names, e.g. "NPS trend". */
  subject: string;
  chart: (width: number) => ReactNode;
  table: ReactNode;
  legend?: ReactNode;
  note?: ReactNode;
  /** Start with the table on screen (when the table is the thing people act on). */
  tableFirst?: boolean;
}

/**
 * A chart with its numbers as a table. The table is always in the page for screen readers
 * (visually hidden); "Show as table" puts it on screen for everyone.
 */
export function ChartFigure({ title, subject, chart, table, legend, note, tableFirst = false }: FigureProps) {
  const [shown, setShown] = useState(tableFirst);
  const [ref, width] = useChartWidth();
  const titleId = useId();
  const tableId = useId();
  return (
    <figure className="chart-figure" aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart-title">
        {title}
      </figcaption>
      <div ref={ref} className="chart-box">
        {chart(width)}
      </div>
      {legend && <div className="chart-key">{legend}</div>}
      {note && <p className="chart-note">{note}</p>}
      <button
        type="button"
        className="button button-quiet button-small chart-toggle"
        aria-expanded={shown}
        aria-controls={tableId}
        aria-label={`${shown ? 'Hide table' : 'Show as table'}: ${subject}`}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? 'Hide table' : 'Show as table'}
      </button>
      <div id={tableId} className={shown ? 'table-wrap chart-table' : 'visually-hidden'}>
        {table}
      </div>
    </figure>
  );
}
