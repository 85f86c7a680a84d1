import { Line, LineChart, YAxis } from 'recharts';
import type { SparkPoint } from '../../apiMetrics';
import { formatCount, formatSigned } from '../../format';
import { bucketLabel } from '../metrics/chartKit';

/**
 * The service gives a week its NPS from the first answer; below the workspace's minimum n the
 * value is withheld here like everywhere else (a gap, "not enough data").
 */
export function reliable(points: SparkPoint[], minN: number): SparkPoint[] {
  return points.map((p) => (p.value != null && p.n >= minN ? p : { ...p, value: null }));
}

export function weekText(p: SparkPoint): string {
  if (p.value != null) return `${formatSigned(p.value)} (n = ${formatCount(p.n)})`;
  return p.n > 0 ? `not enough data (n = ${formatCount(p.n)})` : 'no answers';
}

export function sparkText(points: SparkPoint[]): string {
  return points.map((p) => `${bucketLabel(p.start, 'week')}: ${weekText(p)}`).join('; ');
}

/**
 * NPS per week as a small line; weeks without a reliable value leave a gap. Screen readers get the
 * values as the image's name (the portfolio also has them as a table).
 */
export function Sparkline({ points, minN, workspaceName }: { points: SparkPoint[] | null | undefined; minN: number; workspaceName: string }) {
  if (!points || points.length === 0) return <span className="muted">no weekly data</span>;
  const shown = reliable(points, minN);
  const values = shown.filter((p) => p.value != null);
  if (values.length === 0) return <span className="muted">too few answers per week</span>;
  const last = values[values.length - 1]!;
  return (
    <div className="sparkline" role="img" aria-label={`NPS per week for ${workspaceName}: ${sparkText(shown)}`} data-points={points.length}>
      <LineChart width={120} height={32} data={shown} margin={{ top: 4, right: 4, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <YAxis hide domain={['dataMin - 5', 'dataMax + 5']} />
        <Line dataKey="value" className="sparkline-line" dot={false} isAnimationActive={false} connectNulls={false} />
      </LineChart>
      <span className="sparkline-last" aria-hidden="true">
        {formatSigned(last.value!)}
      </span>
    </div>
  );
}
