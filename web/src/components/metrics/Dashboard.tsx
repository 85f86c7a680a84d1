import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { WorkspaceAccess } from '../../api';
import { getSummaryDetail, INTERVALS, METRICS, type Interval, type MetricFilter } from '../../apiMetrics';
import { formatCount } from '../../format';
import { onLinkClick, workspacePath } from '../../router';
import { useApi } from '../../session';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import { ScoreTile } from '../ScoreBadge';
import { AlertRules } from './AlertRules';
import { AlertsPanel } from './AlertsPanel';
import { scopeNames } from './alertText';
import { canWriteMetrics, dayLabel } from './chartKit';
import { DriverQuadrant } from './DriverQuadrant';
import { DrillDown, TOP, type Drill } from './DrillDown';
import { TrendChart } from './TrendChart';

const INTERVAL_LABELS: Record<Interval, string> = { day: 'Day', week: 'Week', month: 'Month' };
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period and segment as typed, applied together so a half-typed date does not trigger reads. */
function FilterForm({ applied, onApply }: { applied: MetricFilter; onApply: (f: MetricFilter) => void }) {
  const [from, setFrom] = useState(applied.from ?? '');
  const [to, setTo] = useState(applied.to ?? '');
  const [segment, setSegment] = useState(applied.segment ?? '');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if ((from && !ISO_DAY.test(from)) || (to && !ISO_DAY.test(to))) {
      setError('Enter dates as YYYY-MM-DD.');
      return;
    }
    if (from && to && from > to) {
      setError('The first day must not be after the last day.');
      return;
    }
    setError(null);
    onApply({ from: from || undefined, to: to || undefined, segment: segment.trim() || undefined });
  }

  return (
    <form className="panel metrics-filter" onSubmit={submit} noValidate aria-label="Period and segment">
      <div className="filter-row">
        <div className={error ? 'field field-invalid' : 'field'}>
          <label htmlFor="metrics-from" className="field-label">
            From
          </label>
          <input id="metrics-from" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} aria-describedby={error ? 'metrics-period-error' : undefined} />
        </div>
        <div className={error ? 'field field-invalid' : 'field'}>
          <label htmlFor="metrics-to" className="field-label">
            To
          </label>
          <input id="metrics-to" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} aria-describedby={error ? 'metrics-period-error' : undefined} />
        </div>
        <div className="field">
          <label htmlFor="metrics-segment" className="field-label">
            Segment<span className="field-optional"> (optional)</span>
          </label>
          <input id="metrics-segment" value={segment} autoComplete="off" onChange={(e) => setSegment(e.target.value)} aria-describedby="metrics-segment-hint" />
          <p id="metrics-segment-hint" className="field-hint">
            As the survey context sends it, e.g. "smb".
          </p>
        </div>
        <div className="filter-actions">
          <button type="submit" className="button button-primary">
            Apply
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setFrom('');
              setTo('');
              setSegment('');
              setError(null);
              onApply({});
            }}
          >
            Reset
          </button>
        </div>
      </div>
      {error && (
        <p id="metrics-period-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="field-hint">Without dates: the last 90 days.</p>
    </form>
  );
}

/** A workspace's CX dashboard: KPIs, trends, drill-down, drivers and alerts, for one period and segment. */
export function Dashboard({ workspace }: { workspace: WorkspaceAccess }) {
  useEffect(() => {
    document.title = `Dashboard · ${workspace.name} · Waymark`;
  }, [workspace.name]);

  const [filter, setFilter] = useState<MetricFilter>({});
  const [interval, setTrendInterval] = useState<Interval>('week');
  const [drill, setDrill] = useState<Drill>(TOP);
  const [driverJourney, setDriverJourney] = useState<string | null>(null);
  const canWrite = canWriteMetrics(workspace.role);

  const [summary, reloadSummary] = useApi(
    (signal) => getSummaryDetail(workspace.id, filter, signal),
    JSON.stringify([workspace.id, filter.from, filter.to, filter.segment]),
  );
  const data = summary.status === 'ok' ? summary.data : null;
  const names = useMemo(() => scopeNames(data), [data]);
  const journeys = data?.journeys ?? [];

  const trendScope = drill.touchpointId
    ? `touchpoint ${names.get(drill.touchpointId) ?? ''}`.trim()
    : drill.journeyId
      ? `journey ${names.get(drill.journeyId) ?? ''}`.trim()
      : 'whole workspace';
  const driverId = driverJourney ?? drill.journeyId ?? journeys[0]?.journeyId ?? null;
  const home = workspacePath(workspace.id);

  return (
    <div className="page">
      <div className="page-head">
        <p className="breadcrumb">
          <a href={home} onClick={(e) => onLinkClick(e, home)}>
            {workspace.name}
          </a>
        </p>
        <h1 className="page-title">Dashboard</h1>
        <p className="page-sub">
          {data ? `${dayLabel(data.from)} – ${dayLabel(data.to)}` : 'The last 90 days'}
          {filter.segment ? ` · segment "${filter.segment}"` : ''}
          {data ? ` · scores need n ≥ ${formatCount(data.minN)}` : ''}
        </p>
      </div>

      <FilterForm
        applied={filter}
        onApply={(f) => {
          setFilter(f);
        }}
      />

      <section className="panel" aria-labelledby="dash-kpi-title">
        <div className="panel-head">
          <h2 id="dash-kpi-title">Workspace KPIs</h2>
          {data?.workspace?.responses != null && <p className="panel-note">{formatCount(data.workspace.responses)} responses</p>}
        </div>
        {summary.status === 'loading' && <Loading label="Loading KPIs…" />}
        {summary.status === 'error' && <ProblemMessage error={summary.error} onRetry={reloadSummary} />}
        {data && (
          <div className="kpi-grid">
            <ScoreTile kind="nps" score={data.workspace?.nps} primary />
            <ScoreTile kind="csat" score={data.workspace?.csat} />
            <ScoreTile kind="ces" score={data.workspace?.ces} />
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="dash-trend-title">
        <div className="panel-head">
          <h2 id="dash-trend-title">Trends: {trendScope}</h2>
          <div className="field mx-field-inline">
            <label htmlFor="trend-interval" className="field-label">
              Interval
            </label>
            <select id="trend-interval" value={interval} onChange={(e) => setTrendInterval(e.target.value as Interval)}>
              {INTERVALS.map((i) => (
                <option key={i} value={i}>
                  {INTERVAL_LABELS[i]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {drill.journeyId && !drill.touchpointId && drill.stageId && (
          <p className="panel-note">Trends are kept per journey and touchpoint; this shows the stage's journey. Pick a touchpoint below for its own trend.</p>
        )}
        <div className="trend-grid">
          {METRICS.map((m) => (
            <TrendChart
              key={m}
              workspaceId={workspace.id}
              metric={m}
              interval={interval}
              filter={filter}
              journeyId={drill.touchpointId ? null : drill.journeyId}
              touchpointId={drill.touchpointId}
              scopeLabel={trendScope}
            />
          ))}
        </div>
      </section>

      <section className="panel" aria-labelledby="dash-drill-title">
        <div className="panel-head">
          <h2 id="dash-drill-title">Journeys, stages and touchpoints</h2>
        </div>
        <DrillDown
          workspaceId={workspace.id}
          filter={filter}
          summary={summary}
          reloadSummary={reloadSummary}
          drill={drill}
          onDrill={(d) => {
            setDrill(d);
            if (d.journeyId) setDriverJourney(null);
          }}
        />
      </section>

      <section className="panel" aria-labelledby="dash-driver-title">
        <div className="panel-head">
          <h2 id="dash-driver-title">Driver analysis</h2>
          {journeys.length > 0 && driverId && (
            <div className="field mx-field-inline">
              <label htmlFor="driver-journey" className="field-label">
                Journey
              </label>
              <select id="driver-journey" value={driverId} onChange={(e) => setDriverJourney(e.target.value)}>
                {journeys.map((j) => (
                  <option key={j.journeyId} value={j.journeyId}>
                    {j.name ?? 'Unnamed journey'}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        {summary.status === 'ok' && !driverId && <p className="muted">No journey has answers in this period yet.</p>}
        {driverId && (
          <DriverQuadrant
            workspaceId={workspace.id}
            journeyId={driverId}
            journeyName={names.get(driverId) ?? 'this journey'}
            from={filter.from}
            to={filter.to}
          />
        )}
      </section>

      <AlertsPanel workspaceId={workspace.id} canWrite={canWrite} names={names} />
      <AlertRules workspaceId={workspace.id} canWrite={canWrite} names={names} summary={data} />
    </div>
  );
}
