-- tenant-service: agencies, their client workspaces and memberships.

-- The agency catalogue. Platform-level data rather than tenant-owned rows: the platform admin lists
-- it across agencies, and agency users reach a row only by an id the access check granted them.
-- So no row-level security here (see README "Row-level security").
create table tenant (
    id              uuid        primary key,
    name            text        not null,
    slug            text        not null,
    plan            text        not null check (plan in ('starter', 'growth', 'scale')),
    status          text        not null check (status in ('active', 'suspended')),
    organization_id text        not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint tenant_slug_unique unique (slug),
    constraint tenant_name_unique unique (name),
    constraint tenant_slug_format check (slug ~ '^[a-z0-9-]{2,40}$')
);

-- A client business of an agency. Its own id is the workspace id.
create table workspace (
    tenant_id    uuid        not null references tenant (id),
    workspace_id uuid        not null,
    name         text        not null,
    slug         text        not null,
    industry     text,
    created_at   timestamptz not null default now(),
    primary key (workspace_id),
    constraint workspace_slug_unique unique (tenant_id, slug)
);
alter table workspace enable row level security;
alter table workspace force row level security;
create policy tenant_isolation on workspace
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

-- Agency roles (agency-admin, agency-staff): held on the tenant, reaching all its workspaces. No
-- workspace, so visible only in the agency-wide context, never from inside one workspace.
create table tenant_member (
    tenant_id  uuid        not null references tenant (id),
    user_id    uuid        not null,
    username   text        not null,
    email      text,
    name       text,
    role       text        not null check (role in ('agency-admin', 'agency-staff')),
    created_at timestamptz not null default now(),
    primary key (tenant_id, user_id)
);
create index tenant_member_email on tenant_member (tenant_id, email);
alter table tenant_member enable row level security;
alter table tenant_member force row level security;
create policy tenant_isolation on tenant_member
    using (waymark_visible(tenant_id, null::uuid)) with check (waymark_visible(tenant_id, null::uuid));

-- Client roles (client-admin, client-editor, client-viewer) on one workspace.
create table workspace_member (
    tenant_id    uuid        not null,
    workspace_id uuid        not null references workspace (workspace_id),
    user_id      uuid        not null,
    username     text        not null,
    email        text,
    name         text,
    role         text        not null check (role in ('client-admin', 'client-editor', 'client-viewer')),
    created_at   timestamptz not null default now(),
    primary key (workspace_id, user_id)
);
create index workspace_member_tenant_user on workspace_member (tenant_id, user_id);
create index workspace_member_tenant_email on workspace_member (tenant_id, email);
alter table workspace_member enable row level security;
alter table workspace_member force row level security;
create policy tenant_isolation on workspace_member
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));
