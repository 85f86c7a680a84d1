-- Platform tables every service has. Versions 0.x belong to the platform; services start at 1.

-- The application role reads and writes what the owner creates, and nothing else.
grant usage on schema public to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};

-- Transactional outbox: written in the transaction of the change, published by the relay.
-- Infrastructure rather than business data, so no row-level security: only platform code reads it.
create table outbox (
    id           uuid        primary key,
    type         text        not null,
    version      int         not null,
    occurred_at  timestamptz not null,
    tenant_id    uuid        not null,
    workspace_id uuid,
    payload      jsonb       not null,
    sent_at      timestamptz
);
create index outbox_unsent on outbox (id) where sent_at is null;

-- Inbox: the events each consumer has applied, so a redelivery has no second effect.
create table inbox (
    consumer   text        not null,
    event_id   uuid        not null,
    event_type text        not null,
    handled_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Access read model, fed by tenant.* events. Consulted to establish the tenant context, so it
-- cannot itself depend on one.
create table access_tenant (
    tenant_id  uuid        primary key,
    status     text        not null check (status in ('active', 'suspended')),
    updated_at timestamptz not null default now()
);

create table access_workspace (
    workspace_id uuid        primary key,
    tenant_id    uuid        not null,
    updated_at   timestamptz not null default now()
);
create index access_workspace_tenant on access_workspace (tenant_id);

create table access_membership (
    scope_id   uuid not null,
    user_id    text not null,
    scope_type text not null check (scope_type in ('tenant', 'workspace')),
    role       text not null,
    primary key (scope_id, user_id)
);
create index access_membership_user on access_membership (user_id);

-- Row-level security predicate for every tenant-owned table: the tenant must match, and when the
-- session acts inside one workspace, the workspace must match too. No context → no rows.
create function waymark_visible(row_tenant uuid, row_workspace uuid) returns boolean
    language sql stable
as $$
    select row_tenant = nullif(current_setting('waymark.tenant_id', true), '')::uuid
       and (nullif(current_setting('waymark.workspace_id', true), '') is null
            or row_workspace = nullif(current_setting('waymark.workspace_id', true), '')::uuid)
$$;
