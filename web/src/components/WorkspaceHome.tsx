import { useEffect, useMemo, useState } from 'react';
import type { MetricsSummary, Scores, WorkspaceAccess } from '../api';
import { agencyWorkspacePath, onLinkClick } from '../router';
import type { Loadable } from '../session';
import { JourneyList } from './JourneyList';
import { KpiPanel } from './KpiPanel';
import { NewJourneyForm } from './NewJourneyForm';

export function roleLabel(role: string): string {
  const words = role.replace(/[-_]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Roles that may manage a workspace's client members. */
const MANAGERS = ['agency-admin', 'agency-staff', 'client-admin'];

interface Props {
  workspace: WorkspaceAccess;
  summary: Loadable<MetricsSummary>;
  reloadSummary: () => void;
}

export function WorkspaceHome({ workspace, summary, reloadSummary }: Props) {
  const [creating, setCreating] = useState(false);
  const canEdit = workspace.role !== 'client-viewer';
  useEffect(() => {
    document.title = `${workspace.name} · Waymark`;
  }, [workspace.name]);

  const journeyScores = useMemo(
    () =>
      new Map<string, Scores>(
        summary.status === 'ok' ? (summary.data.journeys ?? []).map((j) => [j.journeyId, j]) : [],
      ),
    [summary],
  );

  return (
    <div className="page">
      <div className="page-head">
        <h1 className="page-title">{workspace.name}</h1>
        <p className="page-sub">
          Your role: {roleLabel(workspace.role)}
          {MANAGERS.includes(workspace.role) && (
            <>
              {' · '}
              <a href={agencyWorkspacePath(workspace.id)} onClick={(e) => onLinkClick(e, agencyWorkspacePath(workspace.id))}>
                Members and settings
              </a>
            </>
          )}
        </p>
      </div>
      <KpiPanel summary={summary} onRetry={reloadSummary} />
      <section className="panel" aria-labelledby="journeys-title">
        <div className="panel-head">
          <h2 id="journeys-title">Journeys</h2>
          {canEdit && !creating && (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              New journey
            </button>
          )}
        </div>
        {creating && <NewJourneyForm workspaceId={workspace.id} onCancel={() => setCreating(false)} />}
        <JourneyList key={workspace.id} workspaceId={workspace.id} scores={journeyScores} />
      </section>
    </div>
  );
}
