-- Per-workspace metric settings (GET|PUT /api/workspaces/{workspaceId}/metrics/settings). min_n: below this
-- many answers a score is enough=false; a workspace without a row uses waymark.metrics.min-n.
create table metric_settings (
    tenant_id    uuid        not null,
    workspace_id uuid        not null,
    min_n        integer     not null check (min_n between 1 and 10000),
    updated_at   timestamptz not null,
    primary key (workspace_id)
);
create index metric_settings_tenant on metric_settings (tenant_id);

alter table metric_settings enable row level security;
alter table metric_settings force row level security;
create policy tenant_isolation on metric_settings
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));
