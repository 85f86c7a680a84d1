import { useId } from 'react';
import type { Stage } from '../../api';
import { emotionLabel, formatSigned } from '../../format';
import { chartPoints, EMOTION_LEVELS, emotionY, lineSegments, polylinePoints, stageX, type ChartBox } from '../../journeyMap';

export const CHART_BOX: ChartBox = { top: 16, height: 128 };
export const CHART_HEIGHT = 184;

interface Props {
  stages: Stage[];
  expected: (number | null)[];
  observed: (number | null)[];
  /** false: live scores could not be had (metrics unreachable), so no observed curve at all. */
  liveAvailable: boolean;
  liveLoading?: boolean;
  columnWidth: number;
}

/**
 * The emotion curve across stages: expected (hypothesis, dashed) and observed (from real feedback,
 * solid) on −2 … +2. Stages without an observed value get no point and a short hint instead.
 */
export function EmotionChart({ stages, expected, observed, liveAvailable, liveLoading = false, columnWidth }: Props) {
  const titleId = useId();
  const descId = useId();
  const ids = stages.map((s) => s.id);
  const width = Math.max(stages.length, 1) * columnWidth;
  const expectedPoints = chartPoints(expected, ids, columnWidth, CHART_BOX);
  const observedPoints = liveAvailable ? chartPoints(observed, ids, columnWidth, CHART_BOX) : [];
  const hintY = CHART_BOX.top + CHART_BOX.height + 26;

  const description = stages
    .map((s, i) => {
      const exp = expected[i] == null ? 'no expected emotion' : `expected ${emotionLabel(expected[i])}`;
      const obs = !liveAvailable
        ? 'observed unavailable'
        : observed[i] == null
          ? 'observed: not enough answers'
          : `observed ${emotionLabel(observed[i])}`;
      return `${s.name}: ${exp}, ${obs}`;
    })
    .join('; ');

  return (
    <div className="emotion-chart">
      <svg
        width={width}
        height={CHART_HEIGHT}
        viewBox={`0 0 ${width} ${CHART_HEIGHT}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="emotion-svg"
      >
        <title id={titleId}>Emotion curve, −2 to +2: expected (dashed) and observed (solid)</title>
        <desc id={descId}>{description}</desc>
        {EMOTION_LEVELS.map((level) => {
          const y = emotionY(level, CHART_BOX);
          return (
            <g key={level} className="emotion-axis" data-level={level}>
              <line x1={28} x2={width - 4} y1={y} y2={y} className={level === 0 ? 'axis-zero' : 'axis-line'} />
              <text x={4} y={y + 4} className="axis-label">
                {formatSigned(level)}
              </text>
            </g>
          );
        })}
        {lineSegments(expectedPoints).map((segment, i) => (
          <polyline key={`e${i}`} points={polylinePoints(segment)} className="curve curve-expected" data-curve="expected" />
        ))}
        {expectedPoints.map((p) => (
          <circle key={`ep-${p.stageId}`} cx={p.x} cy={p.y} r={4} className="point point-expected" data-curve="expected" data-stage={p.stageId} />
        ))}
        {lineSegments(observedPoints).map((segment, i) => (
          <polyline key={`o${i}`} points={polylinePoints(segment)} className="curve curve-observed" data-curve="observed" />
        ))}
        {observedPoints.map((p) => (
          <circle key={`op-${p.stageId}`} cx={p.x} cy={p.y} r={5} className="point point-observed" data-curve="observed" data-stage={p.stageId} />
        ))}
        {liveAvailable &&
          !liveLoading &&
          stages.map((s, i) =>
            observed[i] == null ? (
              <text key={`h-${s.id}`} x={stageX(i, columnWidth)} y={hintY} textAnchor="middle" className="chart-hint" data-hint={s.id}>
                too few answers yet
              </text>
            ) : null,
          )}
      </svg>
      <p className="chart-legend">
        <span className="legend-item">
          <svg width="28" height="8" aria-hidden="true" focusable="false">
            <line x1="0" x2="28" y1="4" y2="4" className="curve curve-expected" />
          </svg>
          Expected
        </span>
        <span className="legend-item">
          <svg width="28" height="8" aria-hidden="true" focusable="false">
            <line x1="0" x2="28" y1="4" y2="4" className="curve curve-observed" />
          </svg>
          Observed
        </span>
        {liveLoading && <span className="muted">Loading observed scores…</span>}
        {!liveLoading && !liveAvailable && <span className="chart-unavailable">Observed emotion: live scores unavailable right now.</span>}
        {!liveLoading && liveAvailable && observed.some((v) => v == null) && (
          <span className="muted">No observed point where a stage has too few answers for a reliable score.</span>
        )}
      </p>
    </div>
  );
}
