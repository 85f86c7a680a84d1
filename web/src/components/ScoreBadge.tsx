import type { Score } from '../api';
import { describeScore, METRIC_NAMES, type MetricKind } from '../format';

function tone(kind: MetricKind, score: Score | null | undefined): string {
  if (kind !== 'nps' || !score?.enough || score.value == null) return 'tone-neutral';
  if (score.value >= 30) return 'tone-good';
  if (score.value < 0) return 'tone-bad';
  return 'tone-neutral';
}

/** A compact score for a card; shows nothing when there are no responses at all. */
export function ScoreBadge({ kind, score }: { kind: MetricKind; score: Score | null | undefined }) {
  const view = describeScore(kind, score);
  if (view.state === 'none') return null;
  return (
    <div className={`score-badge ${view.state === 'ok' ? tone(kind, score) : 'score-insufficient'}`} aria-label={view.label} role="group">
      <span className="score-badge-name">{METRIC_NAMES[kind]}</span>
      <span className="score-badge-value">{view.headline}</span>
      {view.state === 'ok' && (
        <span className="score-badge-meta">
          <span>{view.nText}</span>
          {view.ci && <span>{view.ci}</span>}
        </span>
      )}
    </div>
  );
}

const DESCRIPTIONS: Record<MetricKind, string> = {
  nps: 'Net Promoter Score, −100 to +100',
  csat: 'Satisfied answers (4–5 of 5)',
  ces: 'Mean ease score, 1 to 7',
};

/** A large score tile for the workspace overview. */
export function ScoreTile({ kind, score, primary = false }: { kind: MetricKind; score: Score | null | undefined; primary?: boolean }) {
  const view = describeScore(kind, score);
  const titleId = `kpi-${kind}`;
  return (
    <section className={`kpi ${primary ? 'kpi-primary' : ''} ${view.state === 'ok' ? tone(kind, score) : ''}`} aria-labelledby={titleId}>
      <h3 id={titleId} className="kpi-name">
        {METRIC_NAMES[kind]}
        <span className="kpi-desc">{DESCRIPTIONS[kind]}</span>
      </h3>
      {view.state === 'ok' ? (
        <>
          <p className="kpi-value" aria-label={view.label}>
            {view.headline}
          </p>
          <p className="kpi-meta">
            <span>{view.nText}</span>
            {view.ci && <span>{view.ci}</span>}
          </p>
        </>
      ) : (
        <p className="kpi-value kpi-value-muted">{view.headline}</p>
      )}
    </section>
  );
}
