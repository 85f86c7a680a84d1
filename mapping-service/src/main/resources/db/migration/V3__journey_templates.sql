-- Journey templates belong to an agency (tenant), not to a workspace: saved from a journey of any of
-- its workspaces, instantiated into any of them. So the row has no workspace_id and the policy checks
-- the tenant only: visible in a tenant-wide context (/api/tenants/{tenantId}/...) and in any workspace
-- context of the same tenant, never in another tenant's.
create table journey_template (
    tenant_id           uuid        not null,
    id                  uuid        not null,
    name                text        not null check (length(name) between 1 and 200),
    description         text,
    -- where it was saved from (for people; the journey may be gone since)
    source_workspace_id uuid        not null,
    source_journey_id   uuid        not null,
    -- the map as GET .../journeys/{id} showed it; channels are matched by name when instantiated
    map                 jsonb       not null,
    created_at          timestamptz not null default now(),
    created_by          text        not null,
    primary key (tenant_id, id)
);
alter table journey_template enable row level security;
alter table journey_template force row level security;
create policy tenant_isolation on journey_template
    using (tenant_id = nullif(current_setting('waymark.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('waymark.tenant_id', true), '')::uuid);
