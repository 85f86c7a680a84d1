-- Opt-in industry benchmarks in the agency portfolio.

-- A workspace's industry (tenant.workspace.created / updated carry it, nullable): the portfolio compares a
-- client with the agency's other clients of the same industry.
alter table workspace_info add column industry text;

-- The agency's portfolio settings (GET|PUT /api/tenants/{tenantId}/portfolio/settings). One row per agency:
-- it belongs to no workspace, so workspace_id holds the nil UUID; the policy shows it in the agency's
-- tenant-wide context only (a workspace context never sees it), and the tenant purge removes it.
create table portfolio_settings (
    tenant_id           uuid        not null,
    workspace_id        uuid        not null default '00000000-0000-0000-0000-000000000000'
                                    check (workspace_id = '00000000-0000-0000-0000-000000000000'),
    industry_benchmarks boolean     not null,
    updated_at          timestamptz not null,
    primary key (workspace_id, tenant_id)
);

alter table portfolio_settings enable row level security;
alter table portfolio_settings force row level security;
create policy tenant_isolation on portfolio_settings
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));
