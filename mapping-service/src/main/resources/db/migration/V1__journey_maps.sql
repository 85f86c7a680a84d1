-- Journey maps: channels, personas, journeys with their stages and touchpoints (service blueprint
-- lanes inline), and the notes on a map (pain points, opportunities, evidence).
-- Every table is tenant-owned: tenant_id + workspace_id, primary key led by workspace_id, and
-- row-level security forced. Foreign keys are composite with workspace_id, so a row can only ever
-- point at rows of its own workspace.

create table channel (
    tenant_id    uuid        not null,
    workspace_id uuid        not null,
    id           uuid        not null,
    name         text        not null check (length(name) between 1 and 100),
    created_at   timestamptz not null default now(),
    primary key (workspace_id, id)
);
create unique index channel_name on channel (workspace_id, lower(name));
alter table channel enable row level security;
alter table channel force row level security;
create policy tenant_isolation on channel
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

-- Workspaces that got their starting channels: a workspace announced again (new event id) is not
-- re-seeded, so channels renamed or deleted since stay that way.
create table channel_seeding (
    tenant_id    uuid        not null,
    workspace_id uuid        not null,
    seeded_at    timestamptz not null default now(),
    primary key (workspace_id)
);
alter table channel_seeding enable row level security;
alter table channel_seeding force row level security;
create policy tenant_isolation on channel_seeding
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

create table persona (
    tenant_id    uuid        not null,
    workspace_id uuid        not null,
    id           uuid        not null,
    name         text        not null,
    description  text,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (workspace_id, id)
);
alter table persona enable row level security;
alter table persona force row level security;
create policy tenant_isolation on persona
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

create table journey (
    tenant_id         uuid        not null,
    workspace_id      uuid        not null,
    id                uuid        not null,
    name              text        not null,
    persona_id        uuid,
    state             text        not null check (state in ('current', 'future')),
    owner_name        text,
    review_every_days int         not null check (review_every_days between 1 and 3650),
    description       text,
    last_reviewed_at  timestamptz not null default now(),
    -- bumped by every change to the map (journey, stages, touchpoints, notes): the ETag
    version           bigint      not null default 1,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    primary key (workspace_id, id),
    foreign key (workspace_id, persona_id) references persona (workspace_id, id) on delete set null (persona_id)
);
alter table journey enable row level security;
alter table journey force row level security;
create policy tenant_isolation on journey
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

create table stage (
    tenant_id    uuid not null,
    workspace_id uuid not null,
    id           uuid not null,
    journey_id   uuid not null,
    name         text not null,
    position     int  not null check (position >= 0),
    primary key (workspace_id, id),
    unique (workspace_id, journey_id, id),
    -- deferred: a reorder rewrites positions in any order and must only be consistent at commit
    constraint stage_position unique (workspace_id, journey_id, position) deferrable initially deferred,
    foreign key (workspace_id, journey_id) references journey (workspace_id, id) on delete cascade
);
alter table stage enable row level security;
alter table stage force row level security;
create policy tenant_isolation on stage
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

create table touchpoint (
    tenant_id             uuid     not null,
    workspace_id          uuid     not null,
    id                    uuid     not null,
    journey_id            uuid     not null,
    stage_id              uuid     not null,
    name                  text     not null,
    channel_id            uuid,
    expected_emotion      smallint not null check (expected_emotion between -2 and 2),
    owning_team           text,
    -- service blueprint lanes: a lane is absent when its text is null
    customer_action_text  text,
    customer_action_team  text,
    frontstage_text       text,
    frontstage_team       text,
    backstage_text        text,
    backstage_team        text,
    support_text          text,
    support_team          text,
    position              int      not null check (position >= 0),
    primary key (workspace_id, id),
    unique (workspace_id, journey_id, id),
    constraint touchpoint_position unique (workspace_id, stage_id, position) deferrable initially deferred,
    foreign key (workspace_id, journey_id, stage_id) references stage (workspace_id, journey_id, id) on delete cascade,
    foreign key (workspace_id, channel_id) references channel (workspace_id, id),
    check (customer_action_text is not null or customer_action_team is null),
    check (frontstage_text is not null or frontstage_team is null),
    check (backstage_text is not null or backstage_team is null),
    check (support_text is not null or support_team is null)
);
create index touchpoint_channel on touchpoint (workspace_id, channel_id);
alter table touchpoint enable row level security;
alter table touchpoint force row level security;
create policy tenant_isolation on touchpoint
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

-- Notes on a map. A note attached to a stage or touchpoint that is deleted stays on the journey.
create table pain_point (
    tenant_id     uuid        not null,
    workspace_id  uuid        not null,
    id            uuid        not null,
    journey_id    uuid        not null,
    stage_id      uuid,
    touchpoint_id uuid,
    title         text        not null,
    description   text,
    severity      smallint    not null check (severity between 1 and 5),
    created_at    timestamptz not null default now(),
    primary key (workspace_id, id),
    unique (workspace_id, journey_id, id),
    foreign key (workspace_id, journey_id) references journey (workspace_id, id) on delete cascade,
    foreign key (workspace_id, journey_id, stage_id) references stage (workspace_id, journey_id, id)
        on delete set null (stage_id),
    foreign key (workspace_id, journey_id, touchpoint_id) references touchpoint (workspace_id, journey_id, id)
        on delete set null (touchpoint_id)
);
alter table pain_point enable row level security;
alter table pain_point force row level security;
create policy tenant_isolation on pain_point
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

create table opportunity (
    tenant_id     uuid        not null,
    workspace_id  uuid        not null,
    id            uuid        not null,
    journey_id    uuid        not null,
    pain_point_id uuid,
    title         text        not null,
    description   text,
    impact        smallint    not null check (impact between 1 and 5),
    effort        smallint    not null check (effort between 1 and 5),
    status        text        not null check (status in ('idea', 'planned', 'in-progress', 'done')),
    owner         text,
    created_at    timestamptz not null default now(),
    primary key (workspace_id, id),
    foreign key (workspace_id, journey_id) references journey (workspace_id, id) on delete cascade,
    foreign key (workspace_id, journey_id, pain_point_id) references pain_point (workspace_id, journey_id, id)
        on delete set null (pain_point_id)
);
alter table opportunity enable row level security;
alter table opportunity force row level security;
create policy tenant_isolation on opportunity
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));

create table evidence (
    tenant_id     uuid        not null,
    workspace_id  uuid        not null,
    id            uuid        not null,
    journey_id    uuid        not null,
    stage_id      uuid,
    touchpoint_id uuid,
    kind          text        not null check (kind in ('quote', 'observation', 'data')),
    text          text        not null,
    source        text,
    link          text,
    created_at    timestamptz not null default now(),
    primary key (workspace_id, id),
    foreign key (workspace_id, journey_id) references journey (workspace_id, id) on delete cascade,
    foreign key (workspace_id, journey_id, stage_id) references stage (workspace_id, journey_id, id)
        on delete set null (stage_id),
    foreign key (workspace_id, journey_id, touchpoint_id) references touchpoint (workspace_id, journey_id, id)
        on delete set null (touchpoint_id)
);
alter table evidence enable row level security;
alter table evidence force row level security;
create policy tenant_isolation on evidence
    using (waymark_visible(tenant_id, workspace_id)) with check (waymark_visible(tenant_id, workspace_id));
