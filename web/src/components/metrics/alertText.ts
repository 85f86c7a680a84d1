import type { AlertCondition, AlertScope, Metric, SummaryDetail } from '../../apiMetrics';
import { formatValue, METRIC_NAMES } from '../../format';

/** Names of the journeys, stages and touchpoints a summary knows, by id (for alert scopes). */
export function scopeNames(summary: SummaryDetail | null): Map<string, string> {
  const names = new Map<string, string>();
  if (!summary) return names;
  for (const j of summary.journeys ?? []) if (j.name) names.set(j.journeyId, j.name);
  for (const s of summary.stages ?? []) if (s.name) names.set(s.stageId, s.name);
  for (const t of summary.touchpoints ?? []) if (t.name) names.set(t.touchpointId, t.name);
  return names;
}

export function scopeText(scope: AlertScope, names: Map<string, string>): string {
  if (scope.type === 'workspace' || !scope.id) return 'Whole workspace';
  const kind = scope.type.charAt(0).toUpperCase() + scope.type.slice(1);
  return `${kind} ${names.get(scope.id) ?? `(${scope.id.slice(0, 8)})`}`;
}

/** "NPS below +10 over 7 days" / "CSAT drops by 5 points or more over 7 days vs the 7 days before"; no window: without the period. */
export function conditionText(metric: Metric, condition: AlertCondition, window?: number): string {
  const days = window == null ? null : `${window} day${window === 1 ? '' : 's'}`;
  if (condition.type === 'drop') {
    const points = metric === 'ces' ? condition.threshold.toFixed(1) : String(Math.round(condition.threshold * 10) / 10);
    return `${METRIC_NAMES[metric]} drops by ${points} points or more${days ? ` over ${days} vs the ${days} before` : ''}`;
  }
  return `${METRIC_NAMES[metric]} below ${formatValue(metric, condition.threshold)}${days ? ` over ${days}` : ''}`;
}
