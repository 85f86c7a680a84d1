create table probe_note (
    tenant_id    uuid not null,
    workspace_id uuid not null,
    id           uuid not null,
    text         text not null,
    primary key (workspace_id, id)
);
alter table probe_note enable row level security;
alter table probe_note force row level security;
create policy tenant_isolation on probe_note
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

create table probe_seen (
    tenant_id    uuid not null,
    workspace_id uuid not null,
    event_id     uuid not null,
    note_id      uuid not null,
    primary key (workspace_id, event_id)
);
alter table probe_seen enable row level security;
alter table probe_seen force row level security;
create policy tenant_isolation on probe_seen
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));
