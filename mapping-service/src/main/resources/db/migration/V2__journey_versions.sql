-- Labelled snapshots of a journey's whole map, numbered 1, 2, … per journey. The snapshot is the
-- map exactly as GET .../journeys/{id} answered at the time (JSON), so an old version reads back
-- as it was even after stages, touchpoints or channels have changed or gone.
create table journey_version (
    tenant_id    uuid        not null,
    workspace_id uuid        not null,
    journey_id   uuid        not null,
    number       int         not null check (number >= 1),
    label        text        not null check (length(label) between 1 and 200),
    snapshot     jsonb       not null,
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    primary key (workspace_id, journey_id, number),
    foreign key (workspace_id, journey_id) references journey (workspace_id, id) on delete cascade
);
alter table journey_version enable row level security;
alter table journey_version force row level security;
create policy tenant_isolation on journey_version
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));
