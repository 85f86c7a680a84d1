import { useEffect } from 'react';
import { addAgencyMember, AGENCY_ROLES, listAgencyMembers, removeAgencyMember, type AgencyRole } from '../../api';
import { MembersPanel } from './MembersPanel';

export function AgencyMembers({ tenant, role, currentUserId }: { tenant: { id: string; name: string }; role: AgencyRole; currentUserId: string }) {
  useEffect(() => {
    document.title = `Team · ${tenant.name} · Waymark`;
  }, [tenant.name]);
  return (
    <div className="page">
      <div className="page-head">
        <p className="breadcrumb">{tenant.name}</p>
        <h1 className="page-title">Agency team</h1>
        <p className="page-sub">
          Agency members reach every client workspace. Administrators also manage workspaces, the team and the audit log.
        </p>
      </div>
      <MembersPanel
        listKey={`agency-members:${tenant.id}`}
        idPrefix="agency-member"
        title="Members"
        intro={role === 'agency-admin' ? 'Add staff or administrators; adding an existing member again changes their role.' : 'Only agency administrators can change the team.'}
        where={tenant.name}
        roles={AGENCY_ROLES}
        canManage={role === 'agency-admin'}
        currentUserId={currentUserId}
        list={(cursor, signal) => listAgencyMembers(tenant.id, { cursor, signal })}
        add={(body) => addAgencyMember(tenant.id, { ...body, role: body.role as AgencyRole })}
        remove={(userId) => removeAgencyMember(tenant.id, userId)}
        invitations={{ kind: 'tenant', tenantId: tenant.id }}
      />
    </div>
  );
}
