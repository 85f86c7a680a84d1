import { useState } from 'react';
import { ApiError, listJourneys, type JourneySummary, type Scores } from '../api';
import { journeyPath, onLinkClick } from '../router';
import { useApi } from '../session';
import { EmptyState } from './EmptyState';
import { Loading } from './Loading';
import { ProblemMessage } from './ProblemMessage';
import { ScoreBadge } from './ScoreBadge';
import { StateTag } from './StateTag';

interface Props {
  workspaceId: string;
  /** Journey-level KPIs by journey id, when the metrics summary has them. */
  scores?: ReadonlyMap<string, Scores>;
}

/** The workspace's journeys as cards. Render it with `key={workspaceId}` so pages reset on a switch. */
export function JourneyList({ workspaceId, scores }: Props) {
  const [first, reload] = useApi((signal) => listJourneys(workspaceId, { signal }), workspaceId);
  const [extra, setExtra] = useState<JourneySummary[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  if (first.status === 'loading') return <Loading label="Loading journeys…" />;
  if (first.status === 'error') return <ProblemMessage error={first.error} onRetry={reload} />;

  const journeys = [...first.data.items, ...extra];
  const nextCursor = cursor === undefined ? first.data.nextCursor : cursor;

  async function loadMore() {
    if (!nextCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await listJourneys(workspaceId, { cursor: nextCursor });
      setExtra((items) => [...items, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      if (e instanceof ApiError) setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  }

  if (journeys.length === 0) {
    return (
      <EmptyState title="No journeys yet">
        <p>Journey maps for this workspace will appear here once someone creates one.</p>
      </EmptyState>
    );
  }

  return (
    <>
      <ul className="journey-grid" aria-label="Journeys">
        {journeys.map((journey) => (
          <li key={journey.id}>
            <JourneyCard workspaceId={workspaceId} journey={journey} scores={scores?.get(journey.id)} />
          </li>
        ))}
      </ul>
      {moreError && <ProblemMessage error={moreError} />}
      {nextCursor && (
        <div className="more">
          <button type="button" className="button button-secondary" onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Show more journeys'}
          </button>
        </div>
      )}
    </>
  );
}

function JourneyCard({ workspaceId, journey, scores }: { workspaceId: string; journey: JourneySummary; scores?: Scores }) {
  const href = journeyPath(workspaceId, journey.id);
  return (
    <article className="card journey-card">
      <div className="journey-card-top">
        <StateTag state={journey.state} />
      </div>
      <h3 className="journey-card-title">
        <a className="stretched-link" href={href} onClick={(e) => onLinkClick(e, href)}>
          {journey.name}
        </a>
      </h3>
      {journey.description && <p className="journey-card-desc">{journey.description}</p>}
      <div className="journey-card-foot">
        {journey.ownerName && (
          <p className="journey-card-owner">
            <span className="muted">Owner</span> {journey.ownerName}
          </p>
        )}
        <ScoreBadge kind="nps" score={scores?.nps} />
      </div>
    </article>
  );
}
