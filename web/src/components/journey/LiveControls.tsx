import { useId } from 'react';
import { METRIC_NAMES, type MetricKind } from '../../format';
import { legendEntries } from './liveBands';

interface Props {
  on: boolean;
  metric: MetricKind;
  /** false: the live map could not be had (metrics unreachable), so there is nothing to colour by. */
  available: boolean;
  loading: boolean;
  period: { from: string | null; to: string | null } | null;
  onToggle: (on: boolean) => void;
  onMetric: (metric: MetricKind) => void;
}

const METRICS: MetricKind[] = ['nps', 'csat', 'ces'];

/** "Colour by live data": a switch, the score to colour by, and the legend of the colours. */
export function LiveControls({ on, metric, available, loading, period, onToggle, onMetric }: Props) {
  const id = useId();
  return (
    <div className="live-controls" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="visually-hidden">
        Live data
      </span>
      <label className="live-switch">
        <input type="checkbox" checked={on} disabled={!available || loading} onChange={(e) => onToggle(e.target.checked)} />
        <span>Colour touchpoints by live data</span>
      </label>
      {on && (
        <div className="field live-metric">
          <label htmlFor={`${id}-metric`} className="field-label">
            Score
          </label>
          <select id={`${id}-metric`} value={metric} onChange={(e) => onMetric(e.target.value as MetricKind)}>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_NAMES[m]}
              </option>
            ))}
          </select>
        </div>
      )}
      {loading && <span className="muted small">Loading live scores…</span>}
      {!loading && !available && <span className="muted small">Live scores are unavailable right now.</span>}
      {on && available && (
        <div className="live-legend" aria-label={`Legend: ${METRIC_NAMES[metric]} colours`} role="list">
          {legendEntries(metric).map((entry) => (
            <span key={entry.band} role="listitem" className="legend-entry">
              <span className={`legend-swatch live-${entry.band}`} aria-hidden="true" />
              {entry.text}
            </span>
          ))}
          {period?.from && period.to && (
            <span className="muted small">
              Answers from {period.from} to {period.to}; n is the number of answers.
            </span>
          )}
        </div>
      )}
    </div>
  );
}
