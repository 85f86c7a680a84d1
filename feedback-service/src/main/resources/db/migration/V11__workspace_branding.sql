-- A workspace's look on respondent-facing surfaces (survey page, widget): logo, colours, sender name.
create table workspace_branding (
    tenant_id     uuid        not null,
    workspace_id  uuid        not null,
    logo_url      text,
    primary_color text check (primary_color ~ '^#[0-9a-f]{6}$'),
    accent_color  text check (accent_color ~ '^#[0-9a-f]{6}$'),
    sender_name   text,
    version       int         not null default 1,
    updated_at    timestamptz not null,
    primary key (workspace_id)
);
alter table workspace_branding enable row level security;
alter table workspace_branding force row level security;
create policy tenant_isolation on workspace_branding
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));
