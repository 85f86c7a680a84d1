import { useEffect, useMemo, useState } from 'react';
import { getMe, getMetricsSummary, type Me } from './api';
import { EmptyState } from './components/EmptyState';
import { Header } from './components/Header';
import { JourneyView } from './components/JourneyView';
import { Loading } from './components/Loading';
import { ProblemMessage } from './components/ProblemMessage';
import { SignIn } from './components/SignIn';
import { Suspended } from './components/Suspended';
import { WorkspaceHome } from './components/WorkspaceHome';
import type { Problem } from './problem';
import { navigate, onLinkClick, useRoute, workspacePath, type Route } from './router';
import { SessionContext, useApi, type SessionEvents } from './session';

export function App() {
  const [signedOut, setSignedOut] = useState(false);
  const [suspended, setSuspended] = useState<Problem | null>(null);
  const session = useMemo<SessionEvents>(
    () => ({ signedOut: () => setSignedOut(true), suspended: (problem) => setSuspended(problem) }),
    [],
  );

  if (suspended) return <Suspended problem={suspended} />;
  if (signedOut) return <SignIn />;
  return (
    <SessionContext.Provider value={session}>
      <SignedIn />
    </SessionContext.Provider>
  );
}

function SignedIn() {
  const [me, reload] = useApi((signal) => getMe(signal), 'me');
  if (me.status === 'loading') {
    return (
      <main className="centered">
        <Loading label="Opening Waymark…" />
      </main>
    );
  }
  if (me.status === 'error') {
    // 401 and tenant-suspended switch the whole page through the session context.
    return (
      <main className="centered">
        <ProblemMessage error={me.error} onRetry={reload} />
      </main>
    );
  }
  return <Shell me={me.data} />;
}

function routeWorkspace(route: Route): string | null {
  return route.name === 'workspace' || route.name === 'journey' ? route.workspaceId : null;
}

function Shell({ me }: { me: Me }) {
  const route = useRoute();
  const workspaceId = routeWorkspace(route);
  const first = me.workspaces[0];

  // "/" opens the first workspace; the URL then remembers the choice across reloads.
  useEffect(() => {
    if (route.name === 'home' && first) navigate(workspacePath(first.id), { replace: true });
  }, [route.name, first]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header me={me} workspaceId={workspaceId} />
      <main id="main" className="main" tabIndex={-1}>
        <Screen me={me} route={route} />
      </main>
    </>
  );
}

function Screen({ me, route }: { me: Me; route: Route }) {
  if (route.name === 'notFound') {
    return (
      <EmptyState title="Page not found">
        <p>
          <a href="/" onClick={(e) => onLinkClick(e, '/')}>
            Go to your workspace
          </a>
        </p>
      </EmptyState>
    );
  }
  if (route.name === 'home') {
    if (me.workspaces.length > 0) return <Loading />;
    return (
      <EmptyState title="No workspace yet">
        <p>
          You are signed in as {me.username}, but you are not a member of any client workspace. Ask your agency
          administrator to invite you.
        </p>
      </EmptyState>
    );
  }
  const workspace = me.workspaces.find((w) => w.id === route.workspaceId);
  if (!workspace) {
    return (
      <EmptyState title="Workspace not found">
        <p>It does not exist, or you are not a member of it.</p>
        <p>
          <a href="/" onClick={(e) => onLinkClick(e, '/')}>
            Go to your workspace
          </a>
        </p>
      </EmptyState>
    );
  }
  return <WorkspaceScreen key={workspace.id} workspace={workspace} route={route} />;
}

function WorkspaceScreen({ workspace, route }: { workspace: Me['workspaces'][number]; route: Route }) {
  // One summary per workspace, shared by the overview and the journey maps.
  const [summary, reloadSummary] = useApi((signal) => getMetricsSummary(workspace.id, { signal }), workspace.id);
  if (route.name === 'journey') {
    return (
      <JourneyView workspaceId={workspace.id} workspaceName={workspace.name} journeyId={route.journeyId} summary={summary} />
    );
  }
  return <WorkspaceHome workspace={workspace} summary={summary} reloadSummary={reloadSummary} />;
}
