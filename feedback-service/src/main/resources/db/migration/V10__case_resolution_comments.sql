-- Follow-up cases: how a case was resolved (required when closing it, checked by the service), the
-- journey it concerns (from a journey-level survey or its touchpoint), and a comment thread.
alter table follow_up_case
    add column resolution text,
    add column journey_id uuid;

-- Backfill the journey of existing cases. Row-level security is forced even for the owner, who has
-- no tenant context here: lift it for these statements, inside the migration's transaction.
alter table follow_up_case no force row level security;
alter table survey no force row level security;
alter table touchpoint no force row level security;
update follow_up_case c set journey_id = coalesce(
    (select s.journey_id from survey s where s.workspace_id = c.workspace_id and s.id = c.survey_id),
    (select t.journey_id from touchpoint t where t.workspace_id = c.workspace_id and t.id = c.touchpoint_id));
alter table follow_up_case force row level security;
alter table survey force row level security;
alter table touchpoint force row level security;

create table follow_up_case_comment (
    tenant_id       uuid        not null,
    workspace_id    uuid        not null,
    -- time-ordered: id order is the order of the conversation
    id              uuid        not null,
    case_id         uuid        not null,
    author_id       text        not null,
    author_name     text        not null,
    text            text        not null,
    idempotency_key text,
    created_at      timestamptz not null,
    primary key (workspace_id, id),
    -- a case erased with its respondent's data takes its comments along
    foreign key (workspace_id, case_id) references follow_up_case (workspace_id, id) on delete cascade
);
create index follow_up_case_comment_case on follow_up_case_comment (workspace_id, case_id, id);
create unique index follow_up_case_comment_idempotency_key on follow_up_case_comment (workspace_id, case_id, idempotency_key)
    where idempotency_key is not null;
alter table follow_up_case_comment enable row level security;
alter table follow_up_case_comment force row level security;
create policy tenant_isolation on follow_up_case_comment
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));
