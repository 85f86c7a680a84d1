import { useCallback, useEffect, useMemo, useState } from 'react';
import { agencyRoleFromMe, agencyRoleUnknown, isPlatformAdmin, navEntries } from './access';
import { ApiError, getMe, getMetricsSummary, listAgencyMembers, type AgencyRole, type Me } from './api';
import { CreateTenant } from './components/admin/CreateTenant';
import { DeletionProgress } from './components/admin/DeletionProgress';
import { TenantDetail } from './components/admin/TenantDetail';
import { TenantList } from './components/admin/TenantList';
import { AgencyMembers } from './components/agency/AgencyMembers';
import { AgencyWorkspace } from './components/agency/AgencyWorkspace';
import { AgencyWorkspaces } from './components/agency/AgencyWorkspaces';
import { AuditLog } from './components/agency/AuditLog';
import { EmptyState } from './components/EmptyState';
import { FeedbackScreen, isFeedbackRoute } from './components/feedback/FeedbackScreen';
import { Header } from './components/Header';
import { AcceptInvitation } from './components/invite/AcceptInvitation';
import { JourneyView } from './components/JourneyView';
import { Loading } from './components/Loading';
import { Dashboard } from './components/metrics/lazy';
import { NoAccess } from './components/NoAccess';
import { Portfolio } from './components/metrics/lazy';
import { ProblemMessage } from './components/ProblemMessage';
import { SignIn } from './components/SignIn';
import { Suspended } from './components/Suspended';
import { WorkspaceHome } from './components/WorkspaceHome';
import type { Problem } from './problem';
import { agencyWorkspacesPath, adminTenantsPath, navigate, onLinkClick, useRoute, workspacePath, type Route } from './router';
import { RefreshMeContext, SessionContext, useApi, type SessionEvents } from './session';

export function App() {
  const [signedOut, setSignedOut] = useState(false);
  const [suspended, setSuspended] = useState<Problem | null>(null);
  const session = useMemo<SessionEvents>(
    () => ({ signedOut: () => setSignedOut(true), suspended: (problem) => setSuspended(problem) }),
    [],
  );
  const route = useRoute();

  // The invitation page is public: it opens before (and without) any session.
  if (route.name === 'invite') return <AcceptInvitation token={route.token} />;
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
  const [fresh, setFresh] = useState<Me | null>(null);
  const refresh = useCallback(() => {
    getMe().then(setFresh, () => {
      // keep what we have; the next full load will tell
    });
  }, []);

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
  return (
    <RefreshMeContext.Provider value={refresh}>
      <Shell me={fresh ?? me.data} />
    </RefreshMeContext.Provider>
  );
}

/** The agency role from `/api/me`, or — when it cannot tell — from the agency's member list. */
function useAgencyRole(me: Me): { loading: boolean; role: AgencyRole | null } {
  const known = agencyRoleFromMe(me);
  const probe = agencyRoleUnknown(me);
  const tenantId = me.tenant?.id ?? '';
  const [looked] = useApi<AgencyRole | null>(
    async (signal) => {
      if (!probe) return null;
      try {
        const page = await listAgencyMembers(tenantId, { limit: 500, signal });
        const mine = page.items.find((m) => m.userId === me.userId);
        return mine?.role === 'agency-admin' || mine?.role === 'agency-staff' ? mine.role : null;
      } catch (e) {
        // Not an agency member: the service refuses. Anything else (401, suspended) goes to the shell.
        if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return null;
        throw e;
      }
    },
    `agency-role:${tenantId}:${me.userId}:${probe}`,
  );
  if (known) return { loading: false, role: known };
  if (!probe) return { loading: false, role: null };
  return { loading: looked.status === 'loading', role: looked.status === 'ok' ? looked.data : null };
}

function routeWorkspace(route: Route): string | null {
  if (route.name === 'dashboard') return route.workspaceId;
  if (isFeedbackRoute(route)) return route.workspaceId;
  return route.name === 'workspace' || route.name === 'journey' ? route.workspaceId : null;
}

function Shell({ me }: { me: Me }) {
  const route = useRoute();
  const workspaceId = routeWorkspace(route);
  const first = me.workspaces[0];
  const agency = useAgencyRole(me);
  const admin = isPlatformAdmin(me);

  // "/" opens the first workspace, else the agency's or the platform's administration.
  useEffect(() => {
    if (route.name !== 'home') return;
    if (first) navigate(workspacePath(first.id), { replace: true });
    else if (agency.loading) return;
    else if (agency.role) navigate(agencyWorkspacesPath, { replace: true });
    else if (admin) navigate(adminTenantsPath, { replace: true });
  }, [route.name, first, agency.loading, agency.role, admin]);

  if (route.name === 'home' && !first && !agency.loading && !agency.role && !admin) {
    return (
      <main id="main" className="landing">
        <NoAccess me={me} />
      </main>
    );
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header me={me} workspaceId={workspaceId} nav={navEntries(me, agency.role)} pathname={window.location.pathname} />
      <main id="main" className="main" tabIndex={-1}>
        {agency.loading && (route.name === 'home' || route.name.startsWith('agency')) ? (
          <Loading />
        ) : (
          <Screen me={me} route={route} agencyRole={agency.role} />
        )}
      </main>
    </>
  );
}

function Forbidden() {
  return (
    <EmptyState title="You don't have access to this page">
      <p>Your role does not include it. If you need it, ask your administrator.</p>
      <p>
        <a href="/" onClick={(e) => onLinkClick(e, '/')}>
          Go to your start page
        </a>
      </p>
    </EmptyState>
  );
}

function Screen({ me, route, agencyRole }: { me: Me; route: Route; agencyRole: AgencyRole | null }) {
  switch (route.name) {
    case 'adminTenants':
    case 'adminNewTenant':
    case 'adminTenant':
    case 'adminDeletion':
      if (!isPlatformAdmin(me)) return <Forbidden />;
      if (route.name === 'adminTenants') return <TenantList />;
      if (route.name === 'adminNewTenant') return <CreateTenant />;
      if (route.name === 'adminTenant') return <TenantDetail key={route.tenantId} tenantId={route.tenantId} />;
      return <DeletionProgress key={route.tenantId} tenantId={route.tenantId} />;
    case 'agencyWorkspaces':
    case 'agencyMembers':
    case 'agencyAudit':
      if (!agencyRole || !me.tenant) return <Forbidden />;
      if (route.name === 'agencyWorkspaces') return <AgencyWorkspaces tenant={me.tenant} role={agencyRole} />;
      if (route.name === 'agencyMembers') return <AgencyMembers tenant={me.tenant} role={agencyRole} currentUserId={me.userId} />;
      if (agencyRole !== 'agency-admin') return <Forbidden />;
      return <AuditLog tenant={me.tenant} />;
    case 'agencyPortfolio':
      if (!agencyRole || !me.tenant) return <Forbidden />;
      return <Portfolio tenant={me.tenant} role={agencyRole} />;
    case 'agencyWorkspace': {
      const clientAdmin = me.workspaces.some((w) => w.id === route.workspaceId && w.role === 'client-admin');
      if (!agencyRole && !clientAdmin) return <Forbidden />;
      return (
        <AgencyWorkspace
          key={route.workspaceId}
          workspaceId={route.workspaceId}
          canAdminister={agencyRole === 'agency-admin'}
          canManageMembers={agencyRole !== null || clientAdmin}
          currentUserId={me.userId}
          tenantId={me.tenant?.id ?? null}
        />
      );
    }
    default:
      return <WorkspaceScreens me={me} route={route} />;
  }
}

function WorkspaceScreens({ me, route }: { me: Me; route: Route }) {
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
  if (route.name === 'home') return <Loading />;
  if (route.name !== 'workspace' && route.name !== 'journey' && route.name !== 'dashboard' && !isFeedbackRoute(route)) return null;
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
  if (isFeedbackRoute(route)) return <FeedbackScreen key={workspace.id} workspace={workspace} route={route} />;
  if (route.name === 'dashboard') return <Dashboard key={workspace.id} workspace={workspace} />;
  return <WorkspaceScreen key={workspace.id} workspace={workspace} route={route} />;
}

function WorkspaceScreen({ workspace, route }: { workspace: Me['workspaces'][number]; route: Route }) {
  // One summary per workspace, shared by the overview and the journey maps.
  const [summary, reloadSummary] = useApi((signal) => getMetricsSummary(workspace.id, { signal }), workspace.id);
  if (route.name === 'journey') {
    return (
      <JourneyView
        key={route.journeyId}
        workspaceId={workspace.id}
        workspaceName={workspace.name}
        journeyId={route.journeyId}
        summary={summary}
        role={workspace.role}
      />
    );
  }
  return <WorkspaceHome workspace={workspace} summary={summary} reloadSummary={reloadSummary} />;
}
