/**
 * Metrics-service calls for the dashboard, alerts and the agency portfolio. Transport, CSRF and
 * problem handling are api.ts's; this module only adds the bodies and paths.
 */
import { getJson, query, seg, write, type Page, type Score } from './api';

export type Metric = 'nps' | 'csat' | 'ces';
export const METRICS: Metric[] = ['nps', 'csat', 'ces'];
export type Interval = 'day' | 'week' | 'month';
export const INTERVALS: Interval[] = ['day', 'week', 'month'];

/** The period and cut every metrics read accepts; empty values mean the service's default (last 90 days). */
export interface MetricFilter {
  from?: string;
  to?: string;
  segment?: string;
}

// ---- summary ---------------------------------------------------------------------------------

/** CES also carries the share of agreeing answers (5–7). */
export interface CesScore extends Score {
  agreePct?: number | null;
}

export interface ScoreSet {
  nps: Score | null;
  csat: Score | null;
  ces: CesScore | null;
  responses: number | null;
}

/** The unweighted mean over the journey's touchpoints that have enough answers; `value` null when none. */
export interface TouchpointMeanValue {
  value: number | null;
  touchpoints: number;
}

export interface TouchpointMean {
  nps?: TouchpointMeanValue | null;
  csat?: TouchpointMeanValue | null;
  ces?: TouchpointMeanValue | null;
}

export interface JourneyRow extends ScoreSet {
  journeyId: string;
  name: string | null;
  /** Absent while the backend does not send it yet. */
  touchpointMean?: TouchpointMean | null;
}

export interface StageRow extends ScoreSet {
  stageId: string;
  journeyId: string;
  name: string | null;
  position: number | null;
}

export interface TouchpointRow extends ScoreSet {
  touchpointId: string;
  stageId: string | null;
  journeyId: string | null;
  name: string | null;
}

export interface SummaryDetail {
  from: string;
  to: string;
  segment: string | null;
  journeyId: string | null;
  minN: number;
  workspace: ScoreSet | null;
  journeys: JourneyRow[];
  stages: StageRow[];
  touchpoints: TouchpointRow[];
}

const wsBase = (workspaceId: string) => `/api/workspaces/${seg(workspaceId)}`;

export function getSummaryDetail(
  workspaceId: string,
  filter: MetricFilter & { journeyId?: string | null },
  signal?: AbortSignal,
): Promise<SummaryDetail> {
  const q = query({ from: filter.from, to: filter.to, segment: filter.segment, journeyId: filter.journeyId });
  return getJson(`${wsBase(workspaceId)}/metrics/summary${q}`, signal);
}

// ---- time series -----------------------------------------------------------------------------

export interface TimePoint {
  /** First day of the bucket (a Monday for weeks, the 1st for months), ISO date. */
  start: string;
  value: number | null;
  n: number;
  ciLow: number | null;
  ciHigh: number | null;
  enough: boolean;
  /** Differs from the previous point at the 95% level (false unless both have enough answers). */
  changeSignificant: boolean;
}

export interface Timeseries {
  metric: Metric;
  interval: Interval;
  from: string;
  to: string;
  minN: number;
  points: TimePoint[];
}

export interface TimeseriesQuery extends MetricFilter {
  metric: Metric;
  interval: Interval;
  journeyId?: string | null;
  touchpointId?: string | null;
}

export function getTimeseries(workspaceId: string, q: TimeseriesQuery, signal?: AbortSignal): Promise<Timeseries> {
  const params = query({
    metric: q.metric,
    interval: q.interval,
    from: q.from,
    to: q.to,
    segment: q.segment,
    journeyId: q.journeyId,
    touchpointId: q.touchpointId,
  });
  return getJson(`${wsBase(workspaceId)}/metrics/timeseries${params}`, signal);
}

// ---- drivers ---------------------------------------------------------------------------------

/** priority = fix first, strength = keep, maintain = don't over-invest, secondary = watch. */
export type Quadrant = 'priority' | 'strength' | 'maintain' | 'secondary';

export interface TouchpointDriver {
  touchpointId: string;
  name: string | null;
  stageId: string | null;
  /** Pearson correlation −1…1 with the journey NPS; null below `minPairs` pairs. */
  importance: number | null;
  /** The touchpoint's own NPS. */
  performance: Score | null;
  n: number;
  quadrant: Quadrant | null;
}

export interface Drivers {
  journeyId: string;
  outcome: string;
  from: string;
  to: string;
  n: number;
  minPairs: number;
  touchpoints: TouchpointDriver[];
}

export function getDrivers(
  workspaceId: string,
  q: { journeyId: string; from?: string; to?: string },
  signal?: AbortSignal,
): Promise<Drivers> {
  const params = query({ journeyId: q.journeyId, outcome: 'nps', from: q.from, to: q.to });
  return getJson(`${wsBase(workspaceId)}/metrics/drivers${params}`, signal);
}

// ---- alerts ----------------------------------------------------------------------------------

export type ScopeType = 'workspace' | 'journey' | 'stage' | 'touchpoint';
export const SCOPE_TYPES: ScopeType[] = ['workspace', 'journey', 'stage', 'touchpoint'];
export type ConditionType = 'below' | 'drop';

export interface AlertScope {
  type: ScopeType | string;
  id: string | null;
}

export interface AlertCondition {
  type: ConditionType | string;
  threshold: number;
}

export interface AlertRule {
  ruleId: string;
  metric: Metric;
  scope: AlertScope;
  condition: AlertCondition;
  /** Days. */
  window: number;
  minN: number;
  enabled: boolean;
  firing: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewAlertRule {
  metric: Metric;
  scope: { type: ScopeType; id?: string };
  condition: { type: ConditionType; threshold: number };
  window?: number;
  minN?: number;
  enabled?: boolean;
}

export type AlertStatus = 'open' | 'acknowledged';

export interface Alert {
  alertId: string;
  ruleId: string;
  metric: Metric;
  scope: AlertScope;
  condition: AlertCondition;
  value: number | null;
  previousValue: number | null;
  n: number;
  reason: string;
  status: AlertStatus | string;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

type PageOptions = { cursor?: string | null; limit?: number; signal?: AbortSignal };

export function listAlerts(workspaceId: string, options: PageOptions & { status?: AlertStatus | null } = {}): Promise<Page<Alert>> {
  const q = query({ status: options.status, limit: options.limit, cursor: options.cursor });
  return getJson(`${wsBase(workspaceId)}/alerts${q}`, options.signal);
}

export function acknowledgeAlert(workspaceId: string, alertId: string): Promise<Alert> {
  return write('POST', `${wsBase(workspaceId)}/alerts/${seg(alertId)}/acknowledge`);
}

export function listAlertRules(workspaceId: string, options: PageOptions = {}): Promise<Page<AlertRule>> {
  return getJson(`${wsBase(workspaceId)}/alert-rules${query({ limit: options.limit, cursor: options.cursor })}`, options.signal);
}

export function createAlertRule(workspaceId: string, body: NewAlertRule, idempotencyKey?: string): Promise<AlertRule> {
  return write('POST', `${wsBase(workspaceId)}/alert-rules`, body, { idempotencyKey });
}

export function deleteAlertRule(workspaceId: string, ruleId: string): Promise<void> {
  return write('DELETE', `${wsBase(workspaceId)}/alert-rules/${seg(ruleId)}`);
}

// ---- agency portfolio ------------------------------------------------------------------------

export interface Trend {
  previous: number | null;
  previousN: number;
  change: number | null;
  changeSignificant: boolean;
}

export interface SparkPoint {
  start: string;
  value: number | null;
  n: number;
}

/** The median of the agency's other clients of that industry with enough answers; null below 5 of them. */
export interface Median {
  median: number | null;
  /** How many clients have such a value. */
  workspaces?: number;
}

export interface Benchmark {
  industry: string;
  /** The agency's other clients of that industry that contribute. */
  workspaces: number;
  nps: Median | null;
  csat: Median | null;
  ces: Median | null;
}

export interface PortfolioRow {
  workspaceId: string;
  name: string | null;
  nps: Score | null;
  csat: Score | null;
  ces: CesScore | null;
  responses: number;
  openAlerts: number;
  trend: { nps: Trend | null; csat: Trend | null; ces: Trend | null } | null;
  minN: number;
  industry?: string | null;
  /** Null when benchmarks are off, the workspace has no industry, or fewer than 5 peers contribute. */
  benchmark?: Benchmark | null;
  /** NPS per week over the period (a value even below the minimum n); absent while the backend does not send it. */
  sparkline?: SparkPoint[] | null;
}

export interface Portfolio {
  tenantId: string;
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  minN: number;
  workspaces: PortfolioRow[];
}

export interface PortfolioSettings {
  industryBenchmarks: boolean;
}

const tenantBase = (tenantId: string) => `/api/tenants/${seg(tenantId)}`;

export function getPortfolio(tenantId: string, filter: { from?: string; to?: string }, signal?: AbortSignal): Promise<Portfolio> {
  return getJson(`${tenantBase(tenantId)}/portfolio${query({ from: filter.from, to: filter.to })}`, signal);
}

export function getPortfolioSettings(tenantId: string, signal?: AbortSignal): Promise<PortfolioSettings> {
  return getJson(`${tenantBase(tenantId)}/portfolio/settings`, signal);
}

export function putPortfolioSettings(tenantId: string, settings: PortfolioSettings): Promise<PortfolioSettings> {
  return write('PUT', `${tenantBase(tenantId)}/portfolio/settings`, settings);
}
