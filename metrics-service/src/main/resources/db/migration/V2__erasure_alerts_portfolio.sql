-- Issue 7: erasure, map deletions, alerts and the agency portfolio.

-- Map deletions are tombstones, not row deletions: a late "changed" event (older occurredAt) must not
-- bring a deleted journey, stage or touchpoint back. Queries read only rows with deleted_at null.
alter table map_journey add column deleted_at timestamptz;
alter table map_stage add column deleted_at timestamptz;
alter table map_touchpoint add column deleted_at timestamptz;
create index map_touchpoint_stage on map_touchpoint (workspace_id, stage_id);

-- Erased responses (GDPR): only the opaque id is kept, so a late or redelivered submission of an
-- erased response is never counted again.
create table response_erased (
    tenant_id    uuid        not null,
    workspace_id uuid        not null,
    response_id  uuid        not null,
    erased_at    timestamptz not null default now(),
    primary key (workspace_id, response_id)
);

-- Workspace names for the agency portfolio, from tenant.workspace.created / updated.
create table workspace_info (
    tenant_id    uuid        not null,
    workspace_id uuid        not null,
    name         text        not null,
    slug         text,
    changed_at   timestamptz not null,
    primary key (workspace_id)
);
create index workspace_info_tenant on workspace_info (tenant_id);

-- Alert rules: metric, scope (workspace, or one journey, stage or touchpoint), condition "below"
-- (threshold = a score value) or "drop" (threshold = points lost vs the previous window of equal length),
-- window in days and the minimum n. firing = the condition held at the last evaluation: a rule raises an
-- alert only when it starts to fire, so an acknowledged alert is not raised again until it has cleared.
create table alert_rule (
    tenant_id      uuid             not null,
    workspace_id   uuid             not null,
    rule_id        uuid             not null,
    metric         text             not null check (metric in ('nps', 'csat', 'ces')),
    scope_type     text             not null check (scope_type in ('workspace', 'journey', 'stage', 'touchpoint')),
    scope_id       uuid,
    condition_type text             not null check (condition_type in ('below', 'drop')),
    threshold      double precision not null,
    window_days    int              not null check (window_days between 1 and 365),
    min_n          int              not null check (min_n >= 1),
    enabled        boolean          not null,
    firing         boolean          not null default false,
    created_at     timestamptz      not null default now(),
    updated_at     timestamptz      not null default now(),
    primary key (workspace_id, rule_id),
    check ((scope_type = 'workspace') = (scope_id is null))
);

create table alert (
    tenant_id       uuid             not null,
    workspace_id    uuid             not null,
    alert_id        uuid             not null,
    rule_id         uuid             not null,
    metric          text             not null,
    scope_type      text             not null,
    scope_id        uuid,
    condition_type  text             not null,
    threshold       double precision not null,
    value           double precision,
    previous_value  double precision,
    n               bigint           not null,
    reason          text             not null,
    status          text             not null check (status in ('open', 'acknowledged')),
    raised_at       timestamptz      not null,
    acknowledged_at timestamptz,
    acknowledged_by text,
    primary key (workspace_id, alert_id)
);
-- at most one open alert per rule
create unique index alert_one_open_per_rule on alert (workspace_id, rule_id) where status = 'open';
create index alert_status on alert (workspace_id, status, alert_id);

alter table response_erased enable row level security;
alter table response_erased force row level security;
create policy tenant_isolation on response_erased
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

alter table workspace_info enable row level security;
alter table workspace_info force row level security;
create policy tenant_isolation on workspace_info
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

alter table alert_rule enable row level security;
alter table alert_rule force row level security;
create policy tenant_isolation on alert_rule
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

alter table alert enable row level security;
alter table alert force row level security;
create policy tenant_isolation on alert
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));
