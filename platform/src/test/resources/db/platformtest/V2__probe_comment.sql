-- a child table, so the purge has a foreign key to respect
create table probe_comment (
    tenant_id    uuid not null,
    workspace_id uuid not null,
    id           uuid not null,
    note_id      uuid not null,
    text         text not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, note_id) references probe_note (workspace_id, id)
);
alter table probe_comment enable row level security;
alter table probe_comment force row level security;
create policy tenant_isolation on probe_comment
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));
