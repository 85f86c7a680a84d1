-- tenant-service: invitations to an agency (agency roles) or to one client workspace (client roles).

-- Tenant-owned. An agency invitation has no workspace: like tenant_member it is visible only in the
-- agency's tenant-wide context; a workspace invitation also in that workspace's context (and goes with
-- the workspace's purge). The one-time token is never stored: only its SHA-256 in invitation_link.
create table invitation (
    tenant_id    uuid        not null,
    workspace_id uuid,
    id           uuid        not null,
    email        text        not null,
    name         text        not null,
    role         text        not null check (role in ('agency-admin', 'agency-staff', 'client-admin', 'client-editor',
                                                      'client-viewer')),
    created_by   text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    accepted_at  timestamptz,
    accepted_by  uuid,
    revoked_at   timestamptz,
    primary key (tenant_id, id),
    constraint invitation_scope_matches_role
        check ((workspace_id is null) = (role in ('agency-admin', 'agency-staff')))
);
create index invitation_scope on invitation (tenant_id, workspace_id, id);
create index invitation_email on invitation (tenant_id, email);
alter table invitation enable row level security;
alter table invitation force row level security;
create policy tenant_isolation on invitation
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

-- Routes an anonymous request by the hash of its token to the one invitation it may reach.
-- Deliberately without row-level security: it is read before any tenant context exists (like the
-- access model), and holds nothing but ids and the hash; the invitation itself is then read under its
-- agency's context. tenant_id / workspace_id let the generic purge remove it with the agency or workspace.
create table invitation_link (
    token_hash    text primary key,
    tenant_id     uuid not null,
    workspace_id  uuid,
    invitation_id uuid not null
);
