/** How the live-data view colours touchpoints: one band per observed score, always with its text. */
import type { Score } from '../../api';
import { describeScore, formatValue, METRIC_NAMES, type MetricKind } from '../../format';

export type LiveBand = 'good' | 'fair' | 'poor' | 'none';

/**
 * Band limits per metric: `good` at or above, `poor` below. NPS follows the score badges (+30 and 0);
 * CSAT is a share of satisfied answers; CES a mean on 1…7 where higher is easier.
 */
export const BAND_LIMITS: Record<MetricKind, { good: number; poor: number }> = {
  nps: { good: 30, poor: 0 },
  csat: { good: 80, poor: 60 },
  ces: { good: 5, poor: 4 },
};

export const BAND_NAMES: Record<LiveBand, string> = {
  good: 'Good',
  fair: 'Fair',
  poor: 'Poor',
  none: 'Not enough data',
};

/** `none` below the minimum n (or without answers): never a colour from too few answers. */
export function liveBand(kind: MetricKind, score: Score | null | undefined): LiveBand {
  if (!score || !score.enough || score.value == null || !Number.isFinite(score.value)) return 'none';
  const limits = BAND_LIMITS[kind];
  if (score.value >= limits.good) return 'good';
  if (score.value < limits.poor) return 'poor';
  return 'fair';
}

/** The text beside the colour: `NPS +55 · n = 120 · Good`, or why there is no value. */
export function liveText(kind: MetricKind, score: Score | null | undefined): string {
  const view = describeScore(kind, score);
  const name = METRIC_NAMES[kind];
  if (view.state === 'none') return `${name}: not enough data (no answers yet)`;
  if (view.state === 'insufficient') return `${name}: ${view.headline}`;
  return `${name} ${view.headline} · ${view.nText} · ${BAND_NAMES[liveBand(kind, score)]}`;
}

/** Legend lines for one metric, e.g. `Good: +30 or more`. */
export function legendEntries(kind: MetricKind): { band: LiveBand; text: string }[] {
  const { good, poor } = BAND_LIMITS[kind];
  const below = (v: number) => (kind === 'ces' ? formatValue(kind, v - 0.1) : formatValue(kind, v - 1));
  return [
    { band: 'good', text: `${BAND_NAMES.good}: ${formatValue(kind, good)} or more` },
    { band: 'fair', text: `${BAND_NAMES.fair}: ${formatValue(kind, poor)} to ${below(good)}` },
    { band: 'poor', text: `${BAND_NAMES.poor}: below ${formatValue(kind, poor)}` },
    { band: 'none', text: `${BAND_NAMES.none} (below the minimum number of answers): neutral` },
  ];
}
