import { useEffect, useState, type MouseEvent } from 'react';

/** The app's few screens. The workspace lives in the URL so a reload or a shared link keeps it. */
export type Route =
  | { name: 'home' }
  | { name: 'workspace'; workspaceId: string }
  | { name: 'journey'; workspaceId: string; journeyId: string }
  | { name: 'surveys'; workspaceId: string }
  | { name: 'survey'; workspaceId: string; surveyId: string }
  | { name: 'responses'; workspaceId: string }
  | { name: 'cases'; workspaceId: string }
  | { name: 'dashboard'; workspaceId: string }
  | { name: 'adminTenants' }
  | { name: 'adminNewTenant' }
  | { name: 'adminTenant'; tenantId: string }
  | { name: 'adminDeletion'; tenantId: string }
  | { name: 'agencyWorkspaces' }
  | { name: 'agencyWorkspace'; workspaceId: string }
  | { name: 'agencyMembers' }
  | { name: 'agencyAudit' }
  | { name: 'agencyPortfolio' }
  | { name: 'invite'; token: string }
  | { name: 'notFound' };

function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { name: 'home' };
  if (parts[0] === 'w' && parts.length === 2) return { name: 'workspace', workspaceId: segment(parts[1]!) };
  if (parts[0] === 'w' && parts.length === 4 && parts[2] === 'journeys') {
    return { name: 'journey', workspaceId: segment(parts[1]!), journeyId: segment(parts[3]!) };
  }
  if (parts[0] === 'w' && parts.length === 3 && parts[2] === 'surveys') return { name: 'surveys', workspaceId: segment(parts[1]!) };
  if (parts[0] === 'w' && parts.length === 4 && parts[2] === 'surveys') {
    return { name: 'survey', workspaceId: segment(parts[1]!), surveyId: segment(parts[3]!) };
  }
  if (parts[0] === 'w' && parts.length === 3 && parts[2] === 'responses') return { name: 'responses', workspaceId: segment(parts[1]!) };
  if (parts[0] === 'w' && parts.length === 3 && parts[2] === 'cases') return { name: 'cases', workspaceId: segment(parts[1]!) };
  if (parts[0] === 'w' && parts.length === 3 && parts[2] === 'dashboard') return { name: 'dashboard', workspaceId: segment(parts[1]!) };
  if (parts[0] === 'invite' && parts.length === 2) return { name: 'invite', token: segment(parts[1]!) };
  if (parts[0] === 'admin') return parseAdmin(parts.slice(1));
  if (parts[0] === 'agency') return parseAgency(parts.slice(1));
  return { name: 'notFound' };
}

function parseAdmin(parts: string[]): Route {
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'tenants')) return { name: 'adminTenants' };
  if (parts[0] !== 'tenants') return { name: 'notFound' };
  if (parts.length === 2 && parts[1] === 'new') return { name: 'adminNewTenant' };
  if (parts.length === 2) return { name: 'adminTenant', tenantId: segment(parts[1]!) };
  if (parts.length === 3 && parts[2] === 'deletion') return { name: 'adminDeletion', tenantId: segment(parts[1]!) };
  return { name: 'notFound' };
}

function parseAgency(parts: string[]): Route {
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'workspaces')) return { name: 'agencyWorkspaces' };
  if (parts.length === 2 && parts[0] === 'workspaces') return { name: 'agencyWorkspace', workspaceId: segment(parts[1]!) };
  if (parts.length === 1 && parts[0] === 'members') return { name: 'agencyMembers' };
  if (parts.length === 1 && parts[0] === 'audit') return { name: 'agencyAudit' };
  if (parts.length === 1 && parts[0] === 'portfolio') return { name: 'agencyPortfolio' };
  return { name: 'notFound' };
}

export const adminTenantsPath = '/admin/tenants';
export const adminNewTenantPath = '/admin/tenants/new';

export function adminTenantPath(tenantId: string): string {
  return `/admin/tenants/${encodeURIComponent(tenantId)}`;
}

export function adminDeletionPath(tenantId: string): string {
  return `${adminTenantPath(tenantId)}/deletion`;
}

export const agencyWorkspacesPath = '/agency/workspaces';

export function agencyWorkspacePath(workspaceId: string): string {
  return `/agency/workspaces/${encodeURIComponent(workspaceId)}`;
}

export function workspacePath(workspaceId: string): string {
  return `/w/${encodeURIComponent(workspaceId)}`;
}

export function journeyPath(workspaceId: string, journeyId: string): string {
  return `${workspacePath(workspaceId)}/journeys/${encodeURIComponent(journeyId)}`;
}

export function surveysPath(workspaceId: string): string {
  return `${workspacePath(workspaceId)}/surveys`;
}

/** `surveyId` "new" opens the builder on a new survey. */
export function surveyPath(workspaceId: string, surveyId: string): string {
  return `${surveysPath(workspaceId)}/${encodeURIComponent(surveyId)}`;
}

/** `responseId` opens that response. */
export function responsesPath(workspaceId: string, responseId?: string | null): string {
  const base = `${workspacePath(workspaceId)}/responses`;
  return responseId ? `${base}?response=${encodeURIComponent(responseId)}` : base;
}

export function casesPath(workspaceId: string): string {
  return `${workspacePath(workspaceId)}/cases`;
}

export function dashboardPath(workspaceId: string): string {
  return `${workspacePath(workspaceId)}/dashboard`;
}

export const agencyPortfolioPath = '/agency/portfolio';

const NAVIGATE_EVENT = 'waymark:navigate';

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  if (!options.replace) window.scrollTo({ top: 0 });
}

/** Lets ordinary links navigate in-app while keeping open-in-new-tab and friends working. */
export function onLinkClick(event: MouseEvent<HTMLAnchorElement>, path: string): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(path);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return route;
}
