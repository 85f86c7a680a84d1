-- feedback-service: touchpoint read model, surveys, public links and responses.

-- Touchpoints as mapping-service announces them (mapping.touchpoint.changed), so a survey's
-- touchpoint can be checked to belong to its workspace without a synchronous call.
create table touchpoint (
    tenant_id    uuid        not null,
    workspace_id uuid        not null,
    id           uuid        not null,
    journey_id   uuid        not null,
    stage_id     uuid        not null,
    name         text        not null,
    channel_id   uuid,
    -- occurredAt of the event applied last: an older event arriving late changes nothing
    changed_at   timestamptz not null,
    primary key (workspace_id, id)
);
alter table touchpoint enable row level security;
alter table touchpoint force row level security;
create policy tenant_isolation on touchpoint
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

create table survey (
    tenant_id                uuid        not null,
    workspace_id             uuid        not null,
    id                       uuid        not null,
    name                     text        not null,
    touchpoint_id            uuid,
    -- languages, questions and thank-you texts, as the API shows them
    content                  jsonb       not null,
    open_case_for_detractors boolean     not null default false,
    status                   text        not null check (status in ('draft', 'active', 'closed')),
    token                    text,
    version                  int         not null default 1,
    idempotency_key          text,
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    published_at             timestamptz,
    closed_at                timestamptz,
    primary key (workspace_id, id)
);
create unique index survey_idempotency_key on survey (workspace_id, idempotency_key) where idempotency_key is not null;
create index survey_touchpoint on survey (workspace_id, touchpoint_id);
alter table survey enable row level security;
alter table survey force row level security;
create policy tenant_isolation on survey
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

-- Routes an anonymous request by its token to the one survey it may reach. Deliberately without
-- row-level security: it is read before any tenant context exists (like the access model), and it
-- holds nothing but ids; everything else is then read under that survey's tenant context.
create table survey_link (
    token        text        primary key,
    tenant_id    uuid        not null,
    workspace_id uuid        not null,
    survey_id    uuid        not null,
    created_at   timestamptz not null default now(),
    unique (workspace_id, survey_id)
);

create table response (
    tenant_id              uuid        not null,
    workspace_id           uuid        not null,
    -- time-ordered by submittedAt, so id order is submission order (imports included)
    id                     uuid        not null,
    survey_id              uuid        not null,
    touchpoint_id          uuid,
    -- chosen by the client: the same submission twice is stored once
    submission_id          uuid        not null,
    submitted_at           timestamptz not null,
    received_at            timestamptz not null default now(),
    lang                   text        not null,
    segment                text,
    channel                text,
    url                    text,
    respondent_external_id text,
    respondent_email       text,
    source                 text        not null check (source in ('web', 'import')),
    answers                jsonb       not null,
    primary key (workspace_id, id),
    unique (workspace_id, survey_id, submission_id)
);
create index response_survey on response (workspace_id, survey_id, id);
create index response_touchpoint on response (workspace_id, touchpoint_id, id);
create index response_submitted_at on response (workspace_id, submitted_at);
alter table response enable row level security;
alter table response force row level security;
create policy tenant_isolation on response
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));
