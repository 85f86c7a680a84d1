import type { ReactNode } from 'react';
import {
  getSummaryDetail,
  METRICS,
  type JourneyRow,
  type Metric,
  type MetricFilter,
  type ScoreSet,
  type StageRow,
  type SummaryDetail,
  type TouchpointMeanValue,
  type TouchpointRow,
} from '../../apiMetrics';
import { formatCount } from '../../format';
import { useApi, type Loadable } from '../../session';
import { EmptyState } from '../EmptyState';
import { Loading } from '../Loading';
import { ProblemMessage } from '../ProblemMessage';
import { METRIC_NAMES, ScoreCell, valueText } from './chartKit';

/** Where the reader is in journey → stage → touchpoint; the trend charts follow it. */
export interface Drill {
  journeyId: string | null;
  stageId: string | null;
  touchpointId: string | null;
}

export const TOP: Drill = { journeyId: null, stageId: null, touchpointId: null };

interface Props {
  workspaceId: string;
  filter: MetricFilter;
  /** The workspace summary for the same filter (its journeys are the first level). */
  summary: Loadable<SummaryDetail>;
  reloadSummary: () => void;
  drill: Drill;
  onDrill: (drill: Drill) => void;
}

function MeanLine({ kind, mean }: { kind: Metric; mean: TouchpointMeanValue | null | undefined }) {
  if (!mean) return null;
  const count = `${formatCount(mean.touchpoints)} touchpoint${mean.touchpoints === 1 ? '' : 's'}`;
  return (
    <span className="touchpoint-mean">
      Touchpoint mean: {mean.value == null ? 'no touchpoint with enough data' : `${valueText(kind, mean.value)} (${count})`}
    </span>
  );
}

function MetricCells({ row, means }: { row: ScoreSet; means?: JourneyRow['touchpointMean'] }) {
  return (
    <>
      {METRICS.map((kind) => (
        <td key={kind}>
          <ScoreCell kind={kind} score={row[kind]} />
          {means && <MeanLine kind={kind} mean={means[kind]} />}
        </td>
      ))}
      <td className="num">{row.responses == null ? '—' : formatCount(row.responses)}</td>
    </>
  );
}

function ScoreTable({ caption, first, children, extra }: { caption: string; first: string; children: ReactNode; extra?: string }) {
  return (
    <div className="table-wrap">
      <table className="table drill-table">
        <caption className="drill-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {METRICS.map((m) => (
              <th scope="col" key={m}>
                {METRIC_NAMES[m]}
              </th>
            ))}
            <th scope="col" className="num">
              Responses
            </th>
            {extra && (
              <th scope="col">
                <span className="visually-hidden">{extra}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

const unnamed = (name: string | null | undefined, what: string) => name?.trim() || `Unnamed ${what}`;

/**
 * Journeys, then a journey's stages, then a stage's touchpoints, each with scores, n and CI. The
 * journey level also shows the mean of its touchpoints beside its own pooled score (they differ on purpose).
 */
export function DrillDown({ workspaceId, filter, summary, reloadSummary, drill, onDrill }: Props) {
  const journeyKey = JSON.stringify([workspaceId, drill.journeyId, filter.from, filter.to, filter.segment]);
  const [detail, reloadDetail] = useApi<SummaryDetail | null>(
    (signal) => (drill.journeyId ? getSummaryDetail(workspaceId, { ...filter, journeyId: drill.journeyId }, signal) : Promise.resolve(null)),
    journeyKey,
  );

  if (summary.status === 'loading') return <Loading label="Loading journeys…" />;
  if (summary.status === 'error') return <ProblemMessage error={summary.error} onRetry={reloadSummary} />;

  const journeys = summary.data.journeys ?? [];
  const journey =
    (detail.status === 'ok' ? detail.data?.journeys?.find((j) => j.journeyId === drill.journeyId) : undefined) ??
    journeys.find((j) => j.journeyId === drill.journeyId);
  const stages = detail.status === 'ok' && detail.data ? [...(detail.data.stages ?? [])].filter((s) => s.journeyId === drill.journeyId) : [];
  stages.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const stage = stages.find((s) => s.stageId === drill.stageId);
  const touchpoints =
    detail.status === 'ok' && detail.data ? (detail.data.touchpoints ?? []).filter((t) => t.stageId === drill.stageId) : [];

  return (
    <div className="drill">
      <nav aria-label="Drill-down" className="drill-path">
        <ol>
          <li>
            {drill.journeyId ? (
              <button type="button" className="link-button" onClick={() => onDrill(TOP)}>
                All journeys
              </button>
            ) : (
              <span aria-current="location">All journeys</span>
            )}
          </li>
          {drill.journeyId && (
            <li>
              {drill.stageId ? (
                <button type="button" className="link-button" onClick={() => onDrill({ journeyId: drill.journeyId, stageId: null, touchpointId: null })}>
                  {unnamed(journey?.name, 'journey')}
                </button>
              ) : (
                <span aria-current="location">{unnamed(journey?.name, 'journey')}</span>
              )}
            </li>
          )}
          {drill.stageId && (
            <li>
              <span aria-current="location">{unnamed(stage?.name, 'stage')}</span>
            </li>
          )}
        </ol>
      </nav>

      {!drill.journeyId && <JourneyLevel journeys={journeys} onOpen={(id) => onDrill({ journeyId: id, stageId: null, touchpointId: null })} />}

      {drill.journeyId && detail.status === 'loading' && <Loading label="Loading stages…" />}
      {drill.journeyId && detail.status === 'error' && <ProblemMessage error={detail.error} onRetry={reloadDetail} />}
      {drill.journeyId && detail.status === 'ok' && !drill.stageId && (
        <StageLevel
          journey={journey}
          stages={stages}
          onOpen={(id) => onDrill({ journeyId: drill.journeyId, stageId: id, touchpointId: null })}
        />
      )}
      {drill.journeyId && detail.status === 'ok' && drill.stageId && (
        <TouchpointLevel
          stageName={unnamed(stage?.name, 'stage')}
          touchpoints={touchpoints}
          selected={drill.touchpointId}
          onSelect={(id) => onDrill({ ...drill, touchpointId: id })}
        />
      )}
    </div>
  );
}

function JourneyLevel({ journeys, onOpen }: { journeys: JourneyRow[]; onOpen: (journeyId: string) => void }) {
  if (journeys.length === 0) {
    return (
      <EmptyState title="No journey has answers in this period">
        <p>Scores appear here once surveys on a journey's touchpoints get answers.</p>
      </EmptyState>
    );
  }
  return (
    <ScoreTable caption="Journeys: their own score (all answers of the journey) and the mean of their touchpoints" first="Journey">
      {journeys.map((j) => (
        <tr key={j.journeyId}>
          <th scope="row">
            <button type="button" className="link-button" onClick={() => onOpen(j.journeyId)}>
              {unnamed(j.name, 'journey')}
              <span className="visually-hidden">: show its stages</span>
            </button>
          </th>
          <MetricCells row={j} means={j.touchpointMean ?? undefined} />
        </tr>
      ))}
    </ScoreTable>
  );
}

function StageLevel({ journey, stages, onOpen }: { journey: JourneyRow | undefined; stages: StageRow[]; onOpen: (stageId: string) => void }) {
  return (
    <>
      {journey && (
        <dl className="drill-summary">
          {METRICS.map((kind) => (
            <div key={kind}>
              <dt>Journey {METRIC_NAMES[kind]}</dt>
              <dd>
                <ScoreCell kind={kind} score={journey[kind]} />
                <MeanLine kind={kind} mean={journey.touchpointMean?.[kind]} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {stages.length === 0 ? (
        <EmptyState title="No stage has answers in this period" />
      ) : (
        <ScoreTable caption={`Stages of ${unnamed(journey?.name, 'journey')}`} first="Stage">
          {stages.map((s) => (
            <tr key={s.stageId}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onOpen(s.stageId)}>
                  {unnamed(s.name, 'stage')}
                  <span className="visually-hidden">: show its touchpoints</span>
                </button>
              </th>
              <MetricCells row={s} />
            </tr>
          ))}
        </ScoreTable>
      )}
    </>
  );
}

function TouchpointLevel({
  stageName,
  touchpoints,
  selected,
  onSelect,
}: {
  stageName: string;
  touchpoints: TouchpointRow[];
  selected: string | null;
  onSelect: (touchpointId: string | null) => void;
}) {
  if (touchpoints.length === 0) return <EmptyState title="No touchpoint of this stage has answers in this period" />;
  return (
    <ScoreTable caption={`Touchpoints of ${stageName}`} first="Touchpoint" extra="Trend">
      {touchpoints.map((t) => {
        const on = t.touchpointId === selected;
        const name = unnamed(t.name, 'touchpoint');
        return (
          <tr key={t.touchpointId} className={on ? 'drill-selected' : undefined}>
            <th scope="row">{name}</th>
            <MetricCells row={t} />
            <td className="actions">
              <button type="button" className="button button-quiet button-small" aria-pressed={on} onClick={() => onSelect(on ? null : t.touchpointId)}>
                Show trend<span className="visually-hidden"> of {name}</span>
              </button>
            </td>
          </tr>
        );
      })}
    </ScoreTable>
  );
}
