-- tenant-service: agency deletion and the control-plane audit log.

-- A deleted agency keeps its catalogue row (status 'deleting') with the name and slug replaced by
-- values derived from its id, so nothing of the agency remains but ids, plan and timestamps.
alter table tenant drop constraint tenant_status_check;
alter table tenant add constraint tenant_status_check check (status in ('active', 'suspended', 'deleting'));

-- Deletion requests and which services have purged the agency's data. Deliberately no tenant_id or
-- workspace_id column: the generic platform purge removes every row carrying those, and this record
-- (ids and timestamps only) must outlive the purge it tracks. Platform-level, so no row-level security.
create table tenant_deletion (
    id           uuid        primary key,
    requested_at timestamptz not null,
    requested_by text        not null
);

create table tenant_deletion_service (
    deletion_id  uuid        not null references tenant_deletion (id),
    service      text        not null,
    completed_at timestamptz not null,
    rows_deleted bigint      not null,
    primary key (deletion_id, service)
);

-- Who changed what in the control plane. Tenant-owned: the agency-wide policy (as for tenant_member)
-- shows rows only in the agency's own tenant-wide context — never from inside one workspace, so the
-- purge of a deleted workspace (which runs in that workspace's context) leaves the agency's record of
-- it alone, while the purge of a deleted agency (tenant-wide context) removes them all.
create table audit_event (
    tenant_id      uuid        not null,
    id             uuid        not null,
    at             timestamptz not null,
    actor_user_id  text        not null,
    actor_username text        not null,
    action         text        not null,
    target_type    text        not null,
    target_id      text        not null,
    workspace_id   uuid,
    details        jsonb       not null default '{}'::jsonb,
    ip             text,
    user_agent     text,
    primary key (tenant_id, id)
);
create index audit_event_action on audit_event (tenant_id, action, id);
alter table audit_event enable row level security;
alter table audit_event force row level security;
create policy tenant_isolation on audit_event
    using (waymark_visible(tenant_id, null::uuid)) with check (waymark_visible(tenant_id, null::uuid));
