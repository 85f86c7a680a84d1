import type { MetricsSummary } from '../api';
import { formatCount } from '../format';
import type { Loadable } from '../session';
import { Loading } from './Loading';
import { ProblemMessage } from './ProblemMessage';
import { ScoreTile } from './ScoreBadge';

export function KpiPanel({ summary, onRetry }: { summary: Loadable<MetricsSummary>; onRetry: () => void }) {
  return (
    <section className="panel" aria-labelledby="kpi-title">
      <div className="panel-head">
        <h2 id="kpi-title">Experience KPIs</h2>
        {summary.status === 'ok' && summary.data.workspace?.responses != null && (
          <p className="panel-note">{formatCount(summary.data.workspace.responses)} responses</p>
        )}
      </div>
      {summary.status === 'loading' && <Loading label="Loading KPIs…" />}
      {summary.status === 'error' && <ProblemMessage error={summary.error} onRetry={onRetry} />}
      {summary.status === 'ok' && (
        <div className="kpi-grid">
          <ScoreTile kind="nps" score={summary.data.workspace?.nps} primary />
          <ScoreTile kind="csat" score={summary.data.workspace?.csat} />
          <ScoreTile kind="ces" score={summary.data.workspace?.ces} />
        </div>
      )}
    </section>
  );
}
