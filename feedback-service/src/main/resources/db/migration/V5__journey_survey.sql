-- Journey-level surveys (driver analysis): a survey asks about a whole journey instead of one
-- touchpoint. Journeys come from mapping-service (mapping.journey.changed), so a journey without
-- touchpoints yet can be surveyed too; mapping.journey.deleted removes it (and leaves a tombstone).
create table journey (
    tenant_id    uuid        not null,
    workspace_id uuid        not null,
    id           uuid        not null,
    name         text        not null,
    -- occurredAt of the event applied last: an older event arriving late changes nothing
    changed_at   timestamptz not null,
    primary key (workspace_id, id)
);
alter table journey enable row level security;
alter table journey force row level security;
create policy tenant_isolation on journey
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

-- at most one of touchpoint_id and journey_id
alter table survey add column journey_id uuid;
alter table survey add constraint survey_one_target check (touchpoint_id is null or journey_id is null);
