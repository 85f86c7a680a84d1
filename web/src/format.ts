import type { Score } from './api';

export type MetricKind = 'nps' | 'csat' | 'ces';

export const METRIC_NAMES: Record<MetricKind, string> = {
  nps: 'NPS',
  csat: 'CSAT',
  ces: 'CES',
};

/** A real minus sign reads better than a hyphen next to numbers. */
const MINUS = '\u2212';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Whole number with its sign: `+32`, `−4`, `0`. */
export function formatSigned(value: number): string {
  const rounded = Math.round(value);
  if (rounded === 0) return '0'; // also catches −0
  return (rounded > 0 ? '+' : MINUS) + integer.format(Math.abs(rounded));
}

/** How a metric's value (or a bound of its interval) is written. */
export function formatValue(kind: MetricKind, value: number): string {
  switch (kind) {
    case 'nps':
      // NPS lives on −100…+100; its sign is the message.
      return formatSigned(value);
    case 'csat':
      // Top-2-box share of answers, 0…100.
      return `${Math.round(value)}%`;
    case 'ces':
      // Mean on the CES 2.0 scale 1…7.
      return value.toFixed(1);
  }
}

export function formatCount(n: number): string {
  return integer.format(n);
}

/** `95% CI −4 … +18`, or null when the interval is unknown. */
export function formatCi(kind: MetricKind, low: number | null | undefined, high: number | null | undefined): string | null {
  if (low == null || high == null || !Number.isFinite(low) || !Number.isFinite(high)) return null;
  return `95% CI ${formatValue(kind, low)} \u2026 ${formatValue(kind, high)}`;
}

export type ScoreView =
  | { state: 'none'; headline: string; label: string }
  | { state: 'insufficient'; headline: string; label: string; n: number }
  | { state: 'ok'; headline: string; label: string; n: number; nText: string; ci: string | null };

/**
 * What to show for one score. Below the workspace's minimum n the number is withheld on purpose
 * (DOMAIN.md: "not enough data" rather than a misleading number).
 */
export function describeScore(kind: MetricKind, score: Score | null | undefined): ScoreView {
  const name = METRIC_NAMES[kind];
  const n = score?.n ?? 0;
  if (!score || n <= 0) {
    return { state: 'none', headline: 'No data yet', label: `${name}: no responses yet` };
  }
  if (!score.enough || score.value == null || !Number.isFinite(score.value)) {
    const headline = `not enough data (n = ${formatCount(n)})`;
    return { state: 'insufficient', headline, label: `${name}: ${headline}`, n };
  }
  const headline = formatValue(kind, score.value);
  const nText = `n = ${formatCount(n)}`;
  const ci = formatCi(kind, score.ciLow, score.ciHigh);
  const ciSpoken =
    ci === null ? '' : `, 95% confidence interval ${formatValue(kind, score.ciLow!)} to ${formatValue(kind, score.ciHigh!)}`;
  return { state: 'ok', headline, label: `${name} ${headline}, ${nText}${ciSpoken}`, n, nText, ci };
}

/** Expected/observed emotion on −2…+2. */
export function emotionLabel(value: number | null | undefined): string | null {
  if (value == null || !Number.isFinite(value)) return null;
  const rounded = Math.max(-2, Math.min(2, Math.round(value)));
  const words: Record<number, string> = {
    [-2]: 'very negative',
    [-1]: 'negative',
    0: 'neutral',
    1: 'positive',
    2: 'very positive',
  };
  return `${formatSigned(rounded)} ${words[rounded]}`;
}
