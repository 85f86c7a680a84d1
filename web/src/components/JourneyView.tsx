import { useEffect, useMemo } from 'react';
import { getJourney, listChannels, type JourneyMap, type MetricsSummary, type Scores, type Stage, type Touchpoint } from '../api';
import { emotionLabel } from '../format';
import { onLinkClick, workspacePath } from '../router';
import { useApi, type Loadable } from '../session';
import { EmptyState } from './EmptyState';
import { Loading } from './Loading';
import { ProblemMessage } from './ProblemMessage';
import { ScoreBadge } from './ScoreBadge';
import { StateTag } from './StateTag';

interface Props {
  workspaceId: string;
  workspaceName: string;
  journeyId: string;
  summary: Loadable<MetricsSummary>;
}

function byId<T extends Scores>(rows: T[] | null | undefined, id: (row: T) => string): Map<string, Scores> {
  return new Map((rows ?? []).map((row) => [id(row), row]));
}

export function JourneyView({ workspaceId, workspaceName, journeyId, summary }: Props) {
  const [journey, reload] = useApi((signal) => getJourney(workspaceId, journeyId, signal), `${workspaceId}/${journeyId}`);
  // Channel names are a nicety: without them the cards simply omit the channel.
  const [channels] = useApi((signal) => listChannels(workspaceId, signal), workspaceId);

  const channelNames = useMemo(
    () => new Map(channels.status === 'ok' ? channels.data.items.map((c) => [c.id, c.name]) : []),
    [channels],
  );
  const metrics = summary.status === 'ok' ? summary.data : null;
  const touchpointScores = useMemo(() => byId(metrics?.touchpoints, (r) => r.touchpointId), [metrics]);
  const stageScores = useMemo(() => byId(metrics?.stages, (r) => r.stageId), [metrics]);
  const journeyScores = useMemo(() => byId(metrics?.journeys, (r) => r.journeyId), [metrics]);

  const name = journey.status === 'ok' ? journey.data.name : null;
  useEffect(() => {
    if (name) document.title = `${name} · ${workspaceName} · Waymark`;
  }, [name, workspaceName]);

  const back = workspacePath(workspaceId);
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href={back} onClick={(e) => onLinkClick(e, back)}>
          {workspaceName}
        </a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{name ?? 'Journey'}</span>
      </nav>
      {journey.status === 'loading' && <Loading label="Loading the journey map…" />}
      {journey.status === 'error' && <ProblemMessage error={journey.error} onRetry={reload} />}
      {journey.status === 'ok' && (
        <JourneyBody
          journey={journey.data}
          journeyScores={journeyScores.get(journey.data.id)}
          stageScores={stageScores}
          touchpointScores={touchpointScores}
          channelNames={channelNames}
        />
      )}
    </div>
  );
}

interface BodyProps {
  journey: JourneyMap;
  journeyScores: Scores | undefined;
  stageScores: ReadonlyMap<string, Scores>;
  touchpointScores: ReadonlyMap<string, Scores>;
  channelNames: ReadonlyMap<string, string>;
}

function JourneyBody({ journey, journeyScores, stageScores, touchpointScores, channelNames }: BodyProps) {
  const stages = [...(journey.stages ?? [])].sort((a, b) => a.position - b.position);
  return (
    <>
      <header className="journey-head">
        <div>
          <StateTag state={journey.state} />
          <h1 className="page-title">{journey.name}</h1>
          <p className="journey-meta">
            {journey.ownerName && (
              <span>
                <span className="muted">Owner</span> {journey.ownerName}
              </span>
            )}
            {journey.reviewEveryDays != null && (
              <span>
                <span className="muted">Review every</span> {journey.reviewEveryDays} days
              </span>
            )}
          </p>
          {journey.description && <p className="journey-desc">{journey.description}</p>}
        </div>
        <ScoreBadge kind="nps" score={journeyScores?.nps} />
      </header>

      {stages.length === 0 ? (
        <EmptyState title="No stages yet">
          <p>Add stages such as Awareness, Purchase and Support to start mapping this journey.</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="stages-title">
          <h2 id="stages-title" className="visually-hidden">
            Stages and touchpoints
          </h2>
          <ol className="stage-board" tabIndex={0} aria-label="Journey stages, scroll sideways for more">
            {stages.map((stage, index) => (
              <StageColumn
                key={stage.id}
                stage={stage}
                number={index + 1}
                scores={stageScores.get(stage.id)}
                touchpointScores={touchpointScores}
                channelNames={channelNames}
              />
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

interface StageProps {
  stage: Stage;
  number: number;
  scores: Scores | undefined;
  touchpointScores: ReadonlyMap<string, Scores>;
  channelNames: ReadonlyMap<string, string>;
}

function StageColumn({ stage, number, scores, touchpointScores, channelNames }: StageProps) {
  const headingId = `stage-${stage.id}`;
  const touchpoints = stage.touchpoints ?? [];
  return (
    <li className="stage" aria-labelledby={headingId}>
      <div className="stage-head">
        <h3 id={headingId}>
          <span className="stage-number" aria-hidden="true">
            {number}
          </span>
          {stage.name}
        </h3>
        <ScoreBadge kind="nps" score={scores?.nps} />
      </div>
      {touchpoints.length === 0 ? (
        <p className="stage-empty">No touchpoints in this stage yet.</p>
      ) : (
        <ul className="touchpoints">
          {touchpoints.map((tp) => (
            <li key={tp.id}>
              <TouchpointCard
                touchpoint={tp}
                channel={tp.channelId ? channelNames.get(tp.channelId) : undefined}
                scores={touchpointScores.get(tp.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function TouchpointCard({ touchpoint, channel, scores }: { touchpoint: Touchpoint; channel?: string; scores?: Scores }) {
  const emotion = emotionLabel(touchpoint.expectedEmotion);
  return (
    <article className="card touchpoint">
      <h4 className="touchpoint-name">{touchpoint.name}</h4>
      {channel && <span className="tag tag-channel">{channel}</span>}
      {emotion && (
        <p className="emotion">
          <span className="muted">Expected emotion</span>
          <EmotionScale value={touchpoint.expectedEmotion!} />
          <span>{emotion}</span>
        </p>
      )}
      <ScoreBadge kind="nps" score={scores?.nps} />
    </article>
  );
}

function EmotionScale({ value }: { value: number }) {
  const level = Math.max(-2, Math.min(2, Math.round(value)));
  return (
    <span className="emotion-scale" aria-hidden="true">
      {[-2, -1, 0, 1, 2].map((step) => (
        <span key={step} className={`emotion-dot ${step === level ? `emotion-on emotion-${step < 0 ? 'neg' : step > 0 ? 'pos' : 'zero'}` : ''}`} />
      ))}
    </span>
  );
}
