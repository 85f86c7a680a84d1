-- Signed webhooks: a workspace's endpoints that hear about new responses, and the log of deliveries.
create table webhook (
    tenant_id       uuid        not null,
    workspace_id    uuid        not null,
    id              uuid        not null,
    url             text        not null,
    description     text,
    events          text[]      not null,
    active          boolean     not null,
    -- the signing secret, AES-GCM encrypted with the service's key (never returned after creation)
    secret          text        not null,
    version         int         not null default 1,
    idempotency_key text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    primary key (workspace_id, id)
);
create unique index webhook_idempotency_key on webhook (workspace_id, idempotency_key) where idempotency_key is not null;
alter table webhook enable row level security;
alter table webhook force row level security;
create policy tenant_isolation on webhook
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

-- One row per (webhook, event); the body is fixed when the event arrives, so every retry sends the same bytes.
create table webhook_delivery (
    tenant_id       uuid        not null,
    workspace_id    uuid        not null,
    id              uuid        not null,
    webhook_id      uuid        not null,
    event_id        uuid        not null,
    event_type      text        not null,
    body            text        not null,
    status          text        not null check (status in ('pending', 'delivered', 'failed')),
    -- attempts made so far; each one also in attempts (time, HTTP status, error)
    attempt         int         not null default 0,
    attempts        jsonb       not null default '[]',
    http_status     int,
    error           text,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    next_attempt_at timestamptz,
    primary key (workspace_id, id),
    unique (workspace_id, webhook_id, event_id),
    foreign key (workspace_id, webhook_id) references webhook (workspace_id, id) on delete cascade
);
create index webhook_delivery_log on webhook_delivery (workspace_id, webhook_id, id);
alter table webhook_delivery enable row level security;
alter table webhook_delivery force row level security;
create policy tenant_isolation on webhook_delivery
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

-- What the sender has to do, across all tenants. Deliberately without row-level security (like
-- survey_link): the sender finds due work before it knows any tenant, so this holds ids and times
-- only; the delivery itself is then read under its tenant context. A row leaves when its delivery
-- is delivered or has failed for good.
create table webhook_dispatch (
    workspace_id uuid        not null,
    delivery_id  uuid        not null,
    tenant_id    uuid        not null,
    due_at       timestamptz not null,
    -- claimed by a sender until then (a sender that dies loses its claim when it passes)
    leased_until timestamptz,
    primary key (workspace_id, delivery_id),
    foreign key (workspace_id, delivery_id) references webhook_delivery (workspace_id, id) on delete cascade
);
create index webhook_dispatch_due on webhook_dispatch (due_at);
