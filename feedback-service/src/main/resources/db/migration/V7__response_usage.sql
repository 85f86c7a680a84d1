-- Responses stored per agency and calendar month (UTC), for the plan's responses-per-month quota:
-- one counter row updated in the transaction that stores the responses, so checking the quota
-- never counts the response table. An agency-wide figure, so the key starts with the tenant id and
-- the policy checks only the tenant: every workspace context of the agency sees its one counter.
create table response_usage (
    tenant_id uuid not null,
    month     date not null check (extract(day from month) = 1),
    responses int  not null default 0 check (responses >= 0),
    primary key (tenant_id, month)
);
alter table response_usage enable row level security;
alter table response_usage force row level security;
create policy tenant_isolation on response_usage
    using (tenant_id = nullif(current_setting('waymark.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('waymark.tenant_id', true), '')::uuid);
