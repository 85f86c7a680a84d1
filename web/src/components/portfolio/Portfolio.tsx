import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, type AgencyRole } from '../../api';
import {
  getPortfolio,
  getPortfolioSettings,
  METRICS,
  putPortfolioSettings,
  type Benchmark,
  type Portfolio as PortfolioBody,
  type PortfolioRow,
  type PortfolioSettings,
  type Trend,
} from '../../apiMetrics';
import { asApiError } from '../../forms';
import { formatCount } from '../../format';
import { onLinkClick } from '../../router';
import { useApi } from '../../session';
import { EmptyState } from '../EmptyState';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import { bucketLabel, changeText, dayLabel, METRIC_NAMES, ScoreCell, valueText } from '../metrics/chartKit';
import { reliable, Sparkline } from './Sparkline';

/** The fewest workspaces of one industry that make a benchmark (the service's rule, shown to the reader). */
const MIN_PEERS = 5;

export function dashboardHref(workspaceId: string): string {
  return `/w/${encodeURIComponent(workspaceId)}/dashboard`;
}

const nameOf = (row: PortfolioRow) => row.name?.trim() || 'Unnamed workspace';

function TrendCell({ row }: { row: PortfolioRow }) {
  return (
    <ul className="trend-list">
      {METRICS.map((m) => {
        const t: Trend | null | undefined = row.trend?.[m];
        return (
          <li key={m}>
            <span className="trend-metric">{METRIC_NAMES[m]}</span>{' '}
            {t?.change == null ? (
              <span className="muted">no comparison</span>
            ) : (
              <>
                <span className={t.change > 0 ? 'trend-up' : t.change < 0 ? 'trend-down' : undefined}>{changeText(m, t.change)}</span>
                {t.changeSignificant ? <span className="trend-significant"> significant</span> : <span className="muted"> not significant</span>}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function BenchmarkCell({ row }: { row: PortfolioRow }) {
  const b: Benchmark | null | undefined = row.benchmark;
  if (b) {
    return (
      <div className="benchmark">
        <span className="benchmark-head">
          Median of {formatCount(b.workspaces)} other {b.industry} clients
        </span>
        <ul className="trend-list">
          {METRICS.map((m) => (
            <li key={m}>
              <span className="trend-metric">{METRIC_NAMES[m]}</span>{' '}
              {b[m]?.median == null ? <span className="muted">not enough peers</span> : valueText(m, b[m]!.median)}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (!row.industry) return <span className="muted">no industry set</span>;
  return (
    <span className="benchmark-none">
      not enough peers
      <span className="small muted mx-block">
        fewer than {MIN_PEERS} other {row.industry} clients with enough answers
      </span>
    </span>
  );
}

/** Agency admins switch the industry benchmark on or off for the whole agency. */
function BenchmarkToggle({ tenantId, settings, onChanged }: { tenantId: string; settings: PortfolioSettings; onChanged: (s: PortfolioSettings) => void }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function change(on: boolean) {
    setSaving(true);
    setError(null);
    try {
      const saved = await putPortfolioSettings(tenantId, { industryBenchmarks: on });
      onChanged(saved ?? { industryBenchmarks: on });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <div className="benchmark-toggle">
      <label className="mx-check">
        <input type="checkbox" checked={settings.industryBenchmarks} disabled={saving} onChange={(e) => void change(e.target.checked)} aria-describedby="benchmark-hint" />
        Show industry benchmarks
      </label>
      <p id="benchmark-hint" className="field-hint">
        Compares each workspace with the median of the agency's workspaces in the same industry, when at least {MIN_PEERS} of them have enough data.
      </p>
      {error && <ProblemMessage error={error} />}
    </div>
  );
}

function WeeklyTable({ rows }: { rows: PortfolioRow[] }) {
  const weeks = [...new Set(rows.flatMap((r) => (r.sparkline ?? []).map((p) => p.start)))].sort();
  if (weeks.length === 0) return <p className="muted">No weekly NPS in this period.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>NPS per week (n in brackets; — below the workspace's minimum n)</caption>
        <thead>
          <tr>
            <th scope="col">Workspace</th>
            {weeks.map((w) => (
              <th scope="col" key={w} className="num">
                {bucketLabel(w, 'week')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const byWeek = new Map(reliable(r.sparkline ?? [], r.minN).map((p) => [p.start, p]));
            return (
              <tr key={r.workspaceId}>
                <th scope="row">{nameOf(r)}</th>
                {weeks.map((w) => {
                  const p = byWeek.get(w);
                  return (
                    <td key={w} className="num">
                      {!p ? '—' : p.value == null ? `— (${formatCount(p.n)})` : `${valueText('nps', p.value)} (${formatCount(p.n)})`}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function PortfolioTable({ body, showBenchmark }: { body: PortfolioBody; showBenchmark: boolean }) {
  const rows = [...body.workspaces].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return (
    <div className="table-wrap">
      <table className="table portfolio-table">
        <caption className="visually-hidden">
          Client workspaces, {dayLabel(body.from)} – {dayLabel(body.to)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Workspace</th>
            {METRICS.map((m) => (
              <th scope="col" key={m}>
                {METRIC_NAMES[m]}
              </th>
            ))}
            <th scope="col" className="num">
              Responses
            </th>
            <th scope="col" className="num">
              Open alerts
            </th>
            <th scope="col">Trend vs previous period</th>
            <th scope="col">NPS per week</th>
            {showBenchmark && <th scope="col">Industry benchmark</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const href = dashboardHref(r.workspaceId);
            return (
              <tr key={r.workspaceId}>
                <th scope="row">
                  <a href={href} onClick={(e) => onLinkClick(e, href)}>
                    {nameOf(r)}
                  </a>
                  {r.industry && <span className="small muted mx-block">{r.industry}</span>}
                </th>
                {METRICS.map((m) => (
                  <td key={m}>
                    <ScoreCell kind={m} score={r[m]} />
                  </td>
                ))}
                <td className="num">{formatCount(r.responses)}</td>
                <td className="num">{r.openAlerts > 0 ? <strong>⚠ {formatCount(r.openAlerts)}</strong> : '0'}</td>
                <td>
                  <TrendCell row={r} />
                </td>
                <td>
                  <Sparkline points={r.sparkline} minN={r.minN} workspaceName={nameOf(r)} />
                </td>
                {showBenchmark && (
                  <td>
                    <BenchmarkCell row={r} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The agency's client workspaces side by side, with trends, weekly NPS and (opt-in) industry benchmarks. */
export function Portfolio({ tenant, role }: { tenant: { id: string; name: string }; role: AgencyRole }) {
  useEffect(() => {
    document.title = `Portfolio · ${tenant.name} · Waymark`;
  }, [tenant.name]);

  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [periodError, setPeriodError] = useState<string | null>(null);
  const [weekly, setWeekly] = useState(false);
  const [portfolio, reload] = useApi((signal) => getPortfolio(tenant.id, period, signal), JSON.stringify([tenant.id, period.from, period.to]));
  const [settingsVersion, setSettingsVersion] = useState(0);
  const [settings] = useApi<PortfolioSettings | null>(
    async (signal) => {
      try {
        return await getPortfolioSettings(tenant.id, signal);
      } catch (e) {
        // Settings the service does not offer (yet), or a role that may not read them: the column then follows the rows.
        if (e instanceof ApiError && [403, 404, 405].includes(e.status)) return null;
        throw e;
      }
    },
    `portfolio-settings:${tenant.id}:${settingsVersion}`,
  );
  const [localSettings, setLocalSettings] = useState<PortfolioSettings | null>(null);
  const current = localSettings ?? (settings.status === 'ok' ? settings.data : null);

  function apply(event: FormEvent) {
    event.preventDefault();
    if (from && to && from > to) {
      setPeriodError('The first day must not be after the last day.');
      return;
    }
    setPeriodError(null);
    setPeriod({ from: from || undefined, to: to || undefined });
  }

  const rows = portfolio.status === 'ok' ? portfolio.data.workspaces : [];
  // The service sends benchmark: null on every row while benchmarks are off; without the settings, a real benchmark tells.
  const showBenchmark = current ? current.industryBenchmarks : rows.some((r) => r.benchmark != null);

  return (
    <div className="page">
      <div className="page-head">
        <p className="breadcrumb">{tenant.name}</p>
        <h1 className="page-title">Portfolio</h1>
        <p className="page-sub">
          {portfolio.status === 'ok'
            ? `${dayLabel(portfolio.data.from)} – ${dayLabel(portfolio.data.to)}, compared with ${dayLabel(portfolio.data.previousFrom)} – ${dayLabel(portfolio.data.previousTo)}`
            : 'Every client workspace side by side.'}
        </p>
      </div>

      <form className="panel metrics-filter" onSubmit={apply} noValidate aria-label="Period">
        <div className="filter-row">
          <div className={periodError ? 'field field-invalid' : 'field'}>
            <label htmlFor="portfolio-from" className="field-label">
              From
            </label>
            <input id="portfolio-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className={periodError ? 'field field-invalid' : 'field'}>
            <label htmlFor="portfolio-to" className="field-label">
              To
            </label>
            <input id="portfolio-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
          <div className="filter-actions">
            <button type="submit" className="button button-primary">
              Apply
            </button>
          </div>
        </div>
        {periodError && (
          <p className="field-error" role="alert">
            {periodError}
          </p>
        )}
        <p className="field-hint">Without dates: the last 90 days.</p>
        {role === 'agency-admin' && current && (
          <BenchmarkToggle
            tenantId={tenant.id}
            settings={current}
            onChanged={(s) => {
              setLocalSettings(s);
              setSettingsVersion((v) => v + 1);
              reload();
            }}
          />
        )}
        {role === 'agency-admin' && settings.status === 'ok' && settings.data === null && !localSettings && (
          <p className="field-hint">Industry benchmarks are not available yet.</p>
        )}
      </form>

      <section className="panel" aria-labelledby="portfolio-title">
        <div className="panel-head">
          <h2 id="portfolio-title">Client workspaces</h2>
          {rows.length > 0 && (
            <button type="button" className="button button-quiet button-small" aria-expanded={weekly} aria-controls="portfolio-weekly" onClick={() => setWeekly((w) => !w)}>
              {weekly ? 'Hide weekly NPS table' : 'Show weekly NPS as table'}
            </button>
          )}
        </div>
        {portfolio.status === 'loading' && <Loading label="Loading the portfolio…" />}
        {portfolio.status === 'error' && <ProblemMessage error={portfolio.error} onRetry={reload} />}
        {portfolio.status === 'ok' && rows.length === 0 && (
          <EmptyState title="No client workspaces yet">
            <p>Scores appear here once the agency's workspaces collect answers.</p>
          </EmptyState>
        )}
        {portfolio.status === 'ok' && rows.length > 0 && (
          <>
            <PortfolioTable body={portfolio.data} showBenchmark={showBenchmark} />
            <p className="chart-note">
              Trends compare with the previous period of equal length; "significant" means at the 95% level. Below a
              workspace's minimum n a score shows as "not enough data".
            </p>
            <div id="portfolio-weekly">{weekly && <WeeklyTable rows={[...rows].sort((a, b) => nameOf(a).localeCompare(nameOf(b)))} />}</div>
          </>
        )}
      </section>
    </div>
  );
}
