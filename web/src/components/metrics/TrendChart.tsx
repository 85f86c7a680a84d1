import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis, type DotItemDotProps, type TooltipContentProps, type TooltipValueType } from 'recharts';
import { getTimeseries, type Interval, type Metric, type MetricFilter, type TimePoint } from '../../apiMetrics';
import { formatCi, formatCount, formatValue, METRIC_NAMES } from '../../format';
import { useApi } from '../../session';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import { bucketLabel, ChartFigure, METRIC_AXIS, METRIC_DOMAIN } from './chartKit';

interface Props {
  workspaceId: string;
  metric: Metric;
  interval: Interval;
  filter: MetricFilter;
  journeyId?: string | null;
  touchpointId?: string | null;
  /** What the series covers, e.g. "whole workspace" or a journey's name. */
  scopeLabel: string;
}

interface Row {
  label: string;
  value: number | null;
  band: [number, number] | null;
  significant: boolean;
  point: TimePoint;
}

const INTERVAL_AXIS: Record<Interval, string> = { day: 'Day', week: 'Week (from Monday)', month: 'Month' };

/** Only points with enough answers get a value; below the minimum n the chart leaves a gap. */
function rows(points: TimePoint[], interval: Interval): Row[] {
  return points.map((p) => {
    const shown = p.enough && p.value != null;
    return {
      label: bucketLabel(p.start, interval),
      value: shown ? p.value : null,
      band: shown && p.ciLow != null && p.ciHigh != null ? [p.ciLow, p.ciHigh] : null,
      significant: shown && p.changeSignificant,
      point: p,
    };
  });
}

/** A significant change is a larger diamond with a ring: shape and size, not colour alone. */
function TrendDot(props: DotItemDotProps) {
  const { cx, cy, payload, index } = props;
  if (cx == null || cy == null || payload?.value == null) return <g key={`d${index}`} />;
  if ((payload as Row).significant) {
    const r = 7;
    return (
      <g key={`d${index}`} className="trend-dot-significant" data-significant="true">
        <circle cx={cx} cy={cy} r={r + 3} className="trend-ring" />
        <path d={`M${cx} ${cy - r} L${cx + r} ${cy} L${cx} ${cy + r} L${cx - r} ${cy} Z`} className="trend-diamond" />
      </g>
    );
  }
  return <circle key={`d${index}`} cx={cx} cy={cy} r={3.5} className="trend-dot" />;
}

function TrendTooltip(metric: Metric) {
  return function Content({ active, payload }: TooltipContentProps<TooltipValueType, string | number>) {
    const row = active ? (payload?.[0]?.payload as Row | undefined) : undefined;
    if (!row) return null;
    const p = row.point;
    return (
      <div className="chart-tooltip">
        <p className="chart-tooltip-title">{row.label}</p>
        {row.value == null ? (
          <p>{p.n > 0 ? `not enough data (n = ${formatCount(p.n)})` : 'no answers'}</p>
        ) : (
          <>
            <p>
              {METRIC_NAMES[metric]} {formatValue(metric, row.value)} · n = {formatCount(p.n)}
            </p>
            {formatCi(metric, p.ciLow, p.ciHigh) && <p>{formatCi(metric, p.ciLow, p.ciHigh)}</p>}
            {row.significant && <p>◆ Significant change vs the previous point</p>}
          </>
        )}
      </div>
    );
  };
}

export function TrendTable({ metric, interval, points }: { metric: Metric; interval: Interval; points: TimePoint[] }) {
  const name = METRIC_NAMES[metric];
  return (
    <table className="table">
      <caption className="visually-hidden">{name} per {interval}</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col" className="num">
            {name}
          </th>
          <th scope="col" className="num">
            n
          </th>
          <th scope="col">95% CI</th>
          <th scope="col">Change vs previous</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => {
          const shown = p.enough && p.value != null;
          return (
            <tr key={p.start}>
              <th scope="row">{bucketLabel(p.start, interval, true)}</th>
              <td className="num">{shown ? formatValue(metric, p.value!) : p.n > 0 ? 'not enough data' : 'no answers'}</td>
              <td className="num">{formatCount(p.n)}</td>
              <td>{shown ? (formatCi(metric, p.ciLow, p.ciHigh)?.replace('95% CI ', '') ?? '—') : '—'}</td>
              <td>{shown && p.changeSignificant ? 'significant' : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One metric over time: the value line, its 95% interval as a band, significant changes marked. */
export function TrendChart({ workspaceId, metric, interval, filter, journeyId, touchpointId, scopeLabel }: Props) {
  const key = JSON.stringify([workspaceId, metric, interval, filter.from, filter.to, filter.segment, journeyId, touchpointId]);
  const [series, reload] = useApi(
    (signal) => getTimeseries(workspaceId, { metric, interval, ...filter, journeyId, touchpointId }, signal),
    key,
  );
  const name = METRIC_NAMES[metric];

  if (series.status === 'loading') return <Loading label={`Loading the ${name} trend…`} />;
  if (series.status === 'error') return <ProblemMessage error={series.error} onRetry={reload} />;

  const data = rows(series.data.points, interval);
  const anyValue = data.some((r) => r.value != null);
  const anySignificant = data.some((r) => r.significant);
  const title = `${name} per ${interval}, ${scopeLabel}`;

  return (
    <ChartFigure
      title={title}
      subject={`${name} trend`}
      chart={(width) => (
        <ComposedChart width={width} height={260} data={data} margin={{ top: 12, right: 16, bottom: 28, left: 8 }} title={title} desc="The same values are in the table below the chart.">
          <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
          <XAxis dataKey="label" label={{ value: INTERVAL_AXIS[interval], position: 'insideBottom', offset: -16 }} minTickGap={16} />
          <YAxis
            domain={METRIC_DOMAIN[metric]}
            allowDataOverflow
            width={56}
            tickFormatter={(v: number) => formatValue(metric, v)}
            label={{ value: METRIC_AXIS[metric], angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }}
          />
          <Tooltip content={TrendTooltip(metric)} />
          <Area dataKey="band" name="95% CI" className="trend-band" stroke="none" isAnimationActive={false} connectNulls={false} activeDot={false} />
          <Line dataKey="value" name={name} className="trend-line" dot={TrendDot} isAnimationActive={false} connectNulls={false} />
        </ComposedChart>
      )}
      legend={
        <>
          <span className="legend-item">
            <svg width="28" height="10" aria-hidden="true" focusable="false">
              <line x1="0" x2="28" y1="5" y2="5" className="trend-line-key" />
            </svg>
            {name}
          </span>
          <span className="legend-item">
            <svg width="28" height="10" aria-hidden="true" focusable="false">
              <rect x="0" y="0" width="28" height="10" className="trend-band-key" />
            </svg>
            95% confidence interval
          </span>
          <span className="legend-item">
            <svg width="16" height="16" aria-hidden="true" focusable="false">
              <path d="M8 2 L14 8 L8 14 L2 8 Z" className="trend-diamond" />
            </svg>
            Significant change vs the previous point
          </span>
        </>
      }
      note={
        !anyValue
          ? `No ${interval} in this period has enough answers (n ≥ ${formatCount(series.data.minN)}) for a reliable ${name}.`
          : `Gaps are periods with fewer than ${formatCount(series.data.minN)} answers.${anySignificant ? '' : ' No significant change in this period.'}`
      }
      table={<TrendTable metric={metric} interval={interval} points={series.data.points} />}
    />
  );
}
