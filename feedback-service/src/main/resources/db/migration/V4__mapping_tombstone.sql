-- Journeys, stages and touchpoints that mapping-service deleted (mapping.*.deleted). Their
-- touchpoints leave the read model, so new surveys and cases cannot target them; the ids stay here
-- so that a touchpoint change delivered late cannot bring one back. Existing surveys and responses
-- keep their touchpoint ids.
create table mapping_tombstone (
    tenant_id    uuid        not null,
    workspace_id uuid        not null,
    id           uuid        not null,
    kind         text        not null check (kind in ('journey', 'stage', 'touchpoint')),
    deleted_at   timestamptz not null,
    primary key (workspace_id, id)
);
alter table mapping_tombstone enable row level security;
alter table mapping_tombstone force row level security;
create policy tenant_isolation on mapping_tombstone
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

create index touchpoint_stage on touchpoint (workspace_id, stage_id);
create index touchpoint_journey on touchpoint (workspace_id, journey_id);
