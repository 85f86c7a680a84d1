-- Tenants and workspaces that were deleted and purged here: ids only, so an event about one that
-- arrives late is dropped instead of bringing its data back.
create table purged_scope (
    scope_id  uuid        primary key,
    purged_at timestamptz not null default now()
);
