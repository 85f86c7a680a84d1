import type { AgencyRole, Me } from './api';

/** What the signed-in user may see, decided from `/api/me` alone (the services still enforce it). */

export function isPlatformAdmin(me: Me): boolean {
  return me.roles.includes('platform-admin');
}

function asAgencyRole(role: string | undefined | null): AgencyRole | null {
  return role === 'agency-admin' || role === 'agency-staff' ? role : null;
}

/**
 * The user's role on `me.tenant`, when `/api/me` shows it: an explicit `tenant.role` if the service
 * sends one, else an agency role on any workspace (agency roles reach every workspace of the agency,
 * so `/api/me` lists them with that role). Null when it cannot tell — e.g. a new agency admin whose
 * agency has no workspace yet; `useAgencyRole` then asks the members list.
 */
export function agencyRoleFromMe(me: Me): AgencyRole | null {
  if (!me.tenant) return null;
  const explicit = asAgencyRole(me.tenant.role);
  if (explicit) return explicit;
  let found: AgencyRole | null = null;
  for (const w of me.workspaces) {
    const role = asAgencyRole(w.role);
    if (role === 'agency-admin') return role;
    if (role) found = role;
  }
  return found;
}

/** Whether the agency role must be looked up: a tenant, but no workspace that shows the role. */
export function agencyRoleUnknown(me: Me): boolean {
  return me.tenant !== null && agencyRoleFromMe(me) === null && !me.workspaces.some((w) => w.role.startsWith('client-'));
}

export interface NavEntry {
  label: string;
  path: string;
}

export function navEntries(me: Me, agencyRole: AgencyRole | null): NavEntry[] {
  const entries: NavEntry[] = [];
  if (agencyRole && me.tenant) {
    entries.push({ label: 'Workspaces', path: '/agency/workspaces' });
    entries.push({ label: 'Portfolio', path: '/agency/portfolio' });
    entries.push({ label: 'Team', path: '/agency/members' });
    if (agencyRole === 'agency-admin') entries.push({ label: 'Audit log', path: '/agency/audit' });
  }
  if (isPlatformAdmin(me)) entries.push({ label: 'Platform admin', path: '/admin/tenants' });
  return entries;
}

/** The open workspace's own sections, beside its journeys (shown in the header). */
export function workspaceNavEntries(workspaceId: string): NavEntry[] {
  const base = `/w/${encodeURIComponent(workspaceId)}`;
  return [
    { label: 'Surveys', path: `${base}/surveys` },
    { label: 'Responses', path: `${base}/responses` },
    { label: 'Cases', path: `${base}/cases` },
    { label: 'Dashboard', path: `${base}/dashboard` },
  ];
}
