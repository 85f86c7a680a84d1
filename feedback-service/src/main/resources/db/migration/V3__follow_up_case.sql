-- Follow-up cases: tasks to close the loop with an unhappy respondent, opened by hand or
-- automatically for a detractor answer (survey.open_case_for_detractors).
create table follow_up_case (
    tenant_id       uuid        not null,
    workspace_id    uuid        not null,
    id              uuid        not null,
    -- the response it follows up; set to null when that response is erased (GDPR), the case stays
    response_id     uuid,
    survey_id       uuid,
    touchpoint_id   uuid,
    title           text        not null,
    owner           text,
    status          text        not null check (status in ('open', 'in-progress', 'closed')),
    due_at          timestamptz not null,
    note            text,
    -- manual (API) or detractor (opened with the response)
    origin          text        not null check (origin in ('manual', 'detractor')),
    version         int         not null default 1,
    idempotency_key text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    closed_at       timestamptz,
    primary key (workspace_id, id),
    foreign key (workspace_id, response_id) references response (workspace_id, id) on delete set null (response_id)
);
-- one automatic case per response, whatever retries happen
create unique index follow_up_case_detractor on follow_up_case (workspace_id, response_id) where origin = 'detractor';
create unique index follow_up_case_idempotency_key on follow_up_case (workspace_id, idempotency_key)
    where idempotency_key is not null;
create index follow_up_case_status_due on follow_up_case (workspace_id, status, due_at);
create index follow_up_case_response on follow_up_case (workspace_id, response_id);
alter table follow_up_case enable row level security;
alter table follow_up_case force row level security;
create policy tenant_isolation on follow_up_case
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));
