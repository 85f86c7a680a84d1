-- Whether a workspace keeps respondents' client address and user agent with their responses.
-- Off unless the workspace turns it on (no row = both off): personal data is collected only by choice.
create table respondent_privacy (
    tenant_id            uuid        not null,
    workspace_id         uuid        not null,
    store_client_address boolean     not null default false,
    store_user_agent     boolean     not null default false,
    version              int         not null default 1,
    updated_at           timestamptz not null,
    primary key (workspace_id)
);
alter table respondent_privacy enable row level security;
alter table respondent_privacy force row level security;
create policy tenant_isolation on respondent_privacy
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

-- Filled only while the workspace's settings say so, at the moment the response is stored.
alter table response add column client_address text;
alter table response add column user_agent text;
