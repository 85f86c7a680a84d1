-- tenant-service: single sign-on per agency. Keycloak holds the identity provider itself (and its
-- client secret, which is never stored here); these rows hold what the agency configured and which
-- brokered users were already given their default role.

-- At most one identity provider per agency. Tenant-owned, agency-wide policy (as tenant_member).
create table identity_provider (
    tenant_id     uuid        primary key,
    alias         text        not null unique,
    provider_type text        not null check (provider_type in ('oidc')),
    display_name  text        not null,
    issuer        text        not null,
    client_id     text        not null,
    domains       text[]      not null,
    default_role  text        not null check (default_role in ('agency-admin', 'agency-staff')),
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
alter table identity_provider enable row level security;
alter table identity_provider force row level security;
create policy tenant_isolation on identity_provider
    using (waymark_visible(tenant_id, null::uuid)) with check (waymark_visible(tenant_id, null::uuid));

-- Users who came in through the agency's identity provider and were granted its default role: each
-- at most once, so a member an admin removed later is not silently let back in.
create table sso_grant (
    tenant_id  uuid        not null,
    user_id    uuid        not null,
    alias      text        not null,
    role       text        not null,
    granted_at timestamptz not null,
    primary key (tenant_id, user_id)
);
alter table sso_grant enable row level security;
alter table sso_grant force row level security;
create policy tenant_isolation on sso_grant
    using (waymark_visible(tenant_id, null::uuid)) with check (waymark_visible(tenant_id, null::uuid));
