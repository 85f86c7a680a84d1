import { CartesianGrid, ReferenceArea, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis, type TooltipContentProps, type TooltipValueType } from 'recharts';
import { getDrivers, type Quadrant, type TouchpointDriver } from '../../apiMetrics';
import { formatCount, formatSigned } from '../../format';
import { useApi } from '../../session';
import { EmptyState } from '../EmptyState';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import { ChartFigure, ScoreCell } from './chartKit';

/** The service's quadrant names, in the words the team acts on. */
export const QUADRANT_LABELS: Record<Quadrant, string> = {
  priority: 'fix first',
  strength: 'keep',
  secondary: 'watch',
  maintain: "don't over-invest",
};

const QUADRANT_HINTS: Record<Quadrant, string> = {
  priority: 'matters a lot, performs poorly',
  strength: 'matters a lot, performs well',
  secondary: 'matters little, performs poorly',
  maintain: 'matters little, performs well',
};

/** Each quadrant has its own marker shape, so the chart reads without colour. */
const QUADRANT_SHAPES: Record<Quadrant, 'triangle' | 'circle' | 'square' | 'diamond'> = {
  priority: 'triangle',
  strength: 'circle',
  secondary: 'square',
  maintain: 'diamond',
};

const ORDER: Quadrant[] = ['priority', 'strength', 'secondary', 'maintain'];

interface Point {
  x: number;
  y: number;
  name: string;
  driver: TouchpointDriver;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function plotted(d: TouchpointDriver): boolean {
  return d.quadrant != null && d.importance != null && d.performance?.value != null;
}

export function quadrantLabel(d: TouchpointDriver, minPairs: number): string {
  if (d.quadrant && d.quadrant in QUADRANT_LABELS) return QUADRANT_LABELS[d.quadrant];
  if (d.importance == null) return `not enough pairs (fewer than ${formatCount(minPairs)})`;
  return 'no NPS at this touchpoint';
}

function DriverTooltip({ active, payload }: TooltipContentProps<TooltipValueType, string | number>) {
  const point = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{point.name}</p>
      <p>Importance {point.x.toFixed(2)}</p>
      <p>Performance (NPS) {formatSigned(point.y)}</p>
      <p>n = {formatCount(point.driver.n)} respondents</p>
      {point.driver.quadrant && <p>Quadrant: {QUADRANT_LABELS[point.driver.quadrant]}</p>}
    </div>
  );
}

interface Props {
  workspaceId: string;
  journeyId: string;
  journeyName: string;
  from?: string;
  to?: string;
}

/**
 * Importance (correlation with the journey NPS) × performance (the touchpoint's NPS): the quadrants
 * split at the medians, as the service splits them.
 */
export function DriverQuadrant({ workspaceId, journeyId, journeyName, from, to }: Props) {
  const [drivers, reload] = useApi((signal) => getDrivers(workspaceId, { journeyId, from, to }, signal), JSON.stringify([workspaceId, journeyId, from, to]));

  if (drivers.status === 'loading') return <Loading label="Loading the driver analysis…" />;
  if (drivers.status === 'error') return <ProblemMessage error={drivers.error} onRetry={reload} />;

  const { touchpoints, n, minPairs } = drivers.data;
  if (touchpoints.length === 0) {
    return (
      <EmptyState title="No touchpoint of this journey has answers in this period">
        <p>The analysis needs respondents who answered at a touchpoint and gave the journey an NPS.</p>
      </EmptyState>
    );
  }
  const points: Point[] = touchpoints.filter(plotted).map((d) => ({
    x: d.importance!,
    y: d.performance!.value!,
    name: d.name?.trim() || 'Unnamed touchpoint',
    driver: d,
  }));
  const midX = median(points.map((p) => p.x)) ?? 0;
  const midY = median(points.map((p) => p.y)) ?? 0;

  return (
    <ChartFigure
      title={`What drives the NPS of ${journeyName}: importance × performance per touchpoint (n = ${formatCount(n)} respondents with a journey NPS)`}
      subject="driver analysis"
      tableFirst
      chart={(width) => (
        <ScatterChart width={width} height={360} margin={{ top: 16, right: 24, bottom: 36, left: 12 }} title={`Driver quadrants of ${journeyName}`} desc="The same values are in the table below the chart.">
          <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
          <XAxis
            type="number"
            dataKey="x"
            name="Importance"
            domain={[-1, 1]}
            tickFormatter={(v: number) => v.toFixed(1)}
            label={{ value: 'Importance: correlation with journey NPS (−1 to 1)', position: 'insideBottom', offset: -20 }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name="Performance"
            domain={[-100, 100]}
            width={56}
            tickFormatter={(v: number) => formatSigned(v)}
            label={{ value: 'Performance: touchpoint NPS', angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }}
          />
          <ReferenceArea x1={midX} x2={1} y1={-100} y2={midY} className="quadrant-area quadrant-priority" label={{ value: 'Fix first', position: 'insideBottomRight' }} />
          <ReferenceArea x1={midX} x2={1} y1={midY} y2={100} className="quadrant-area quadrant-strength" label={{ value: 'Keep', position: 'insideTopRight' }} />
          <ReferenceArea x1={-1} x2={midX} y1={-100} y2={midY} className="quadrant-area quadrant-secondary" label={{ value: 'Watch', position: 'insideBottomLeft' }} />
          <ReferenceArea x1={-1} x2={midX} y1={midY} y2={100} className="quadrant-area quadrant-maintain" label={{ value: "Don't over-invest", position: 'insideTopLeft' }} />
          <ReferenceLine x={midX} className="quadrant-split" strokeDasharray="4 4" />
          <ReferenceLine y={midY} className="quadrant-split" strokeDasharray="4 4" />
          <Tooltip content={DriverTooltip} />
          {ORDER.map((q) => (
            <Scatter
              key={q}
              name={QUADRANT_LABELS[q]}
              data={points.filter((p) => p.driver.quadrant === q)}
              shape={QUADRANT_SHAPES[q]}
              className={`quadrant-points quadrant-${q}`}
              isAnimationActive={false}
            />
          ))}
        </ScatterChart>
      )}
      legend={ORDER.map((q) => (
        <span key={q} className="legend-item">
          <span className={`quadrant-key quadrant-key-${q}`} aria-hidden="true" />
          {QUADRANT_LABELS[q]} <span className="muted">({QUADRANT_HINTS[q]})</span>
        </span>
      ))}
      note={
        points.length < touchpoints.length
          ? `${formatCount(touchpoints.length - points.length)} touchpoint(s) are not plotted: fewer than ${formatCount(minPairs)} respondents answered both there and on the journey, or the touchpoint has no NPS. The table lists them.`
          : undefined
      }
      table={
        <table className="table">
          <caption className="visually-hidden">Driver analysis of {journeyName}</caption>
          <thead>
            <tr>
              <th scope="col">Touchpoint</th>
              <th scope="col" className="num">
                Importance
              </th>
              <th scope="col">Performance (NPS)</th>
              <th scope="col" className="num">
                n (both answered)
              </th>
              <th scope="col">Quadrant</th>
            </tr>
          </thead>
          <tbody>
            {touchpoints.map((d) => (
              <tr key={d.touchpointId}>
                <th scope="row">{d.name?.trim() || 'Unnamed touchpoint'}</th>
                <td className="num">{d.importance == null ? '—' : d.importance.toFixed(2)}</td>
                <td>
                  <ScoreCell kind="nps" score={d.performance} />
                </td>
                <td className="num">{formatCount(d.n)}</td>
                <td data-quadrant={d.quadrant ?? ''}>{quadrantLabel(d, minPairs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
