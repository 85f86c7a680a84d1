-- metrics-service schema. Every table is tenant-owned: tenant_id + workspace_id, a primary key
-- starting with workspace_id, and row-level security forced with the platform's policy.

-- Map read model, fed by mapping.* events: which touchpoint belongs to which stage and journey.
-- changed_at is the event's occurredAt; an older event never overwrites a newer one.
create table map_journey (
    tenant_id    uuid        not null,
    workspace_id uuid        not null,
    journey_id   uuid        not null,
    name         text        not null,
    state        text,
    changed_at   timestamptz not null,
    primary key (workspace_id, journey_id)
);

create table map_stage (
    tenant_id    uuid        not null,
    workspace_id uuid        not null,
    stage_id     uuid        not null,
    journey_id   uuid        not null,
    name         text        not null,
    position     int         not null,
    changed_at   timestamptz not null,
    primary key (workspace_id, stage_id)
);

create table map_touchpoint (
    tenant_id     uuid        not null,
    workspace_id  uuid        not null,
    touchpoint_id uuid        not null,
    journey_id    uuid        not null,
    stage_id      uuid        not null,
    name          text        not null,
    changed_at    timestamptz not null,
    primary key (workspace_id, touchpoint_id)
);
create index map_touchpoint_journey on map_touchpoint (workspace_id, journey_id);

-- Raw facts: one row per response and one per scored answer (score null = skipped). Queries read the
-- rollups below; these rows are kept for rebuilding rollups, erasure and driver analysis.
create table response_fact (
    tenant_id     uuid        not null,
    workspace_id  uuid        not null,
    response_id   uuid        not null,
    survey_id     uuid        not null,
    touchpoint_id uuid,
    submitted_at  timestamptz not null,
    segment       text        not null,
    channel       text,
    lang          text,
    event_id      uuid        not null,
    recorded_at   timestamptz not null default now(),
    primary key (workspace_id, response_id)
);
create index response_fact_submitted on response_fact (workspace_id, submitted_at);

create table response_answer (
    tenant_id    uuid     not null,
    workspace_id uuid     not null,
    response_id  uuid     not null,
    position     int      not null,
    question_id  text     not null,
    metric       text     not null check (metric in ('nps', 'csat', 'ces')),
    score        smallint,
    primary key (workspace_id, response_id, position),
    foreign key (workspace_id, response_id) references response_fact (workspace_id, response_id) on delete cascade
);

-- Daily score histograms: answers per (UTC day of submission, touchpoint, segment, metric, score).
-- touchpoint_key is the nil UUID for answers given without a touchpoint; segment is '' when none.
-- Every NPS/CSAT/CES formula (and interval) is exact from these counts.
create table score_rollup (
    tenant_id      uuid     not null,
    workspace_id   uuid     not null,
    day            date     not null,
    touchpoint_key uuid     not null,
    segment        text     not null,
    metric         text     not null check (metric in ('nps', 'csat', 'ces')),
    score          smallint not null,
    answers        bigint   not null check (answers >= 0),
    primary key (workspace_id, day, touchpoint_key, segment, metric, score)
);
create index score_rollup_touchpoint on score_rollup (workspace_id, touchpoint_key, day);

-- Responses and skipped (unanswered) scored questions per (day, touchpoint, segment).
create table response_rollup (
    tenant_id      uuid   not null,
    workspace_id   uuid   not null,
    day            date   not null,
    touchpoint_key uuid   not null,
    segment        text   not null,
    responses      bigint not null check (responses >= 0),
    nps_skipped    bigint not null check (nps_skipped >= 0),
    csat_skipped   bigint not null check (csat_skipped >= 0),
    ces_skipped    bigint not null check (ces_skipped >= 0),
    primary key (workspace_id, day, touchpoint_key, segment)
);
create index response_rollup_touchpoint on response_rollup (workspace_id, touchpoint_key, day);

alter table map_journey enable row level security;
alter table map_journey force row level security;
create policy tenant_isolation on map_journey
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

alter table map_stage enable row level security;
alter table map_stage force row level security;
create policy tenant_isolation on map_stage
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

alter table map_touchpoint enable row level security;
alter table map_touchpoint force row level security;
create policy tenant_isolation on map_touchpoint
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

alter table response_fact enable row level security;
alter table response_fact force row level security;
create policy tenant_isolation on response_fact
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

alter table response_answer enable row level security;
alter table response_answer force row level security;
create policy tenant_isolation on response_answer
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

alter table score_rollup enable row level security;
alter table score_rollup force row level security;
create policy tenant_isolation on score_rollup
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

alter table response_rollup enable row level security;
alter table response_rollup force row level security;
create policy tenant_isolation on response_rollup
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));
