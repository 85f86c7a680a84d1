-- tenant-service: optimistic concurrency on agencies and workspaces, and Idempotency-Key replay.

-- The ETag of an agency / a workspace: bumped by every change, compared with If-Match.
alter table tenant add column version integer not null default 0;
alter table workspace add column version integer not null default 0;

-- The first answer to a creating POST that carried an Idempotency-Key, per caller, route (the
-- concrete path) and key, kept 24 hours so a retry gets the same answer instead of a second
-- resource. The stored body never holds a one-time secret (temporary password, invitation link).
-- A row with status 0 is a request still in progress. Tenant-owned, agency-wide policy (as
-- tenant_member): written and read in the agency's tenant-wide context only.
create table idempotent_request (
    tenant_id    uuid        not null,
    caller       text        not null,
    route        text        not null,
    key          text        not null,
    request_hash text        not null,
    status       integer     not null,
    body         jsonb,
    location     text,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    primary key (tenant_id, caller, route, key)
);
create index idempotent_request_expiry on idempotent_request (tenant_id, expires_at);
alter table idempotent_request enable row level security;
alter table idempotent_request force row level security;
create policy tenant_isolation on idempotent_request
    using (waymark_visible(tenant_id, null::uuid)) with check (waymark_visible(tenant_id, null::uuid));

-- The same for the platform admin's POST /api/admin/tenants, which runs before the agency exists, so
-- no tenant context can hold it. Platform-level like the tenant catalogue, hence no row-level
-- security, and therefore ids and a hash only: the answer is rebuilt from the agency and its first
-- admin (tenant_id lets the generic purge of a deleted agency remove the row).
create table admin_idempotent_request (
    caller        text        not null,
    key           text        not null,
    request_hash  text        not null,
    tenant_id     uuid,
    admin_user_id uuid,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    primary key (caller, key)
);
