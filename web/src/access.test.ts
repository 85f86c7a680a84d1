import { describe, expect, it } from 'vitest';
import { agencyRoleFromMe, agencyRoleUnknown, navEntries } from './access';
import type { Me } from './api';

function me(partial: Partial<Me>): Me {
  return { userId: 'u1', username: 'cora', email: null, roles: [], tenant: null, workspaces: [], ...partial };
}

const tenant = { id: 't1', name: 'Northwind Agency', status: 'active' };

describe('agency role and navigation', () => {
  it('derives the agency role from the workspaces /api/me lists', () => {
    expect(agencyRoleFromMe(me({ tenant, workspaces: [{ id: 'w1', name: 'A', role: 'agency-staff' }] }))).toBe('agency-staff');
    expect(agencyRoleFromMe(me({ tenant, workspaces: [{ id: 'w1', name: 'A', role: 'client-admin' }] }))).toBeNull();
    expect(agencyRoleFromMe(me({ tenant: { ...tenant, role: 'agency-admin' } }))).toBe('agency-admin');
    expect(agencyRoleFromMe(me({ workspaces: [{ id: 'w1', name: 'A', role: 'agency-admin' }] }))).toBeNull();
  });

  it('asks for a look-up only when a tenant member shows no role', () => {
    expect(agencyRoleUnknown(me({ tenant }))).toBe(true);
    expect(agencyRoleUnknown(me({ tenant, workspaces: [{ id: 'w1', name: 'A', role: 'client-viewer' }] }))).toBe(false);
    expect(agencyRoleUnknown(me({}))).toBe(false);
  });

  it('shows the platform entry to platform admins only and the audit log to agency admins only', () => {
    const labels = (m: Me, role: Parameters<typeof navEntries>[1]) => navEntries(m, role).map((e) => e.label);
    expect(labels(me({ roles: ['platform-admin'] }), null)).toEqual(['Platform admin']);
    expect(labels(me({ roles: ['offline_access'] }), null)).toEqual([]);
    expect(labels(me({ tenant }), 'agency-admin')).toEqual(['Workspaces', 'Portfolio', 'Team', 'Audit log']);
    expect(labels(me({ tenant }), 'agency-staff')).toEqual(['Workspaces', 'Portfolio', 'Team']);
    expect(labels(me({ tenant: null }), 'agency-staff')).toEqual([]);
  });
});
