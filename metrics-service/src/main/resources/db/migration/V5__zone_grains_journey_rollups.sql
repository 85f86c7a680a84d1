-- Issue "CX metrics": per-workspace time zone, coarser rollup grains and journey-level rollups.
--
-- Time zone: a workspace's days, ISO weeks and months are those of its zone (metric_settings.time_zone,
-- IANA id, default UTC). Rollups are keyed by the LOCAL date of submission, computed at ingest from the
-- zone current then; changing the zone rebuilds the workspace's rollups from the raw facts in the same
-- transaction (see RollupRebuild), so rollups and zone always agree. This is exact for every zone,
-- including half- and quarter-hour offsets, which UTC-hour rollups bucketed at query time could not be.
alter table metric_settings add column time_zone text not null default 'UTC';

-- Grains: every answer is counted three times, in its local day, its ISO week (from Monday) and its
-- month; "day" is the first local day of the bucket. A query over a period reads whole months and weeks
-- where they fit and single days only at the edges, so a year costs ~12 month rows per key instead
-- of 365 day rows (the summary and time series of a 2-million-response workspace stay fast).
-- journey_key: for a journey-level response (no touchpoint, a journeyId) the journey, else the nil
-- UUID; a journey's own scores add these to its touchpoints' answers.
alter table score_rollup add column grain text not null default 'day' check (grain in ('day', 'week', 'month'));
alter table score_rollup add column journey_key uuid not null default '00000000-0000-0000-0000-000000000000';
alter table score_rollup drop constraint score_rollup_pkey;
alter table score_rollup add primary key (workspace_id, grain, day, touchpoint_key, journey_key, segment, metric, score);
drop index score_rollup_touchpoint;
create index score_rollup_touchpoint on score_rollup (workspace_id, touchpoint_key, grain, day);

alter table response_rollup add column grain text not null default 'day' check (grain in ('day', 'week', 'month'));
alter table response_rollup add column journey_key uuid not null default '00000000-0000-0000-0000-000000000000';
alter table response_rollup drop constraint response_rollup_pkey;
alter table response_rollup add primary key (workspace_id, grain, day, touchpoint_key, journey_key, segment);
drop index response_rollup_touchpoint;
create index response_rollup_touchpoint on response_rollup (workspace_id, touchpoint_key, grain, day);

-- Recompute every rollup from the raw facts with the new keys (all zones are UTC at this point). The
-- migration runs as the tables' owner, whom forced row-level security would show no rows: lift the
-- forcing for these statements only.
alter table response_fact no force row level security;
alter table response_answer no force row level security;
alter table score_rollup no force row level security;
alter table response_rollup no force row level security;

delete from score_rollup;
delete from response_rollup;

insert into score_rollup (tenant_id, workspace_id, grain, day, touchpoint_key, journey_key, segment, metric, score, answers)
select f.tenant_id, f.workspace_id, 'day', (f.submitted_at at time zone 'UTC')::date,
       coalesce(f.touchpoint_id, '00000000-0000-0000-0000-000000000000'::uuid),
       case when f.touchpoint_id is null then coalesce(f.journey_id, '00000000-0000-0000-0000-000000000000'::uuid)
            else '00000000-0000-0000-0000-000000000000'::uuid end,
       f.segment, a.metric, a.score, count(*)
from response_fact f
join response_answer a on a.workspace_id = f.workspace_id and a.response_id = f.response_id
where a.score is not null
group by 1, 2, 3, 4, 5, 6, 7, 8, 9;

insert into response_rollup (tenant_id, workspace_id, grain, day, touchpoint_key, journey_key, segment, responses,
                             nps_skipped, csat_skipped, ces_skipped)
select f.tenant_id, f.workspace_id, 'day', (f.submitted_at at time zone 'UTC')::date,
       coalesce(f.touchpoint_id, '00000000-0000-0000-0000-000000000000'::uuid),
       case when f.touchpoint_id is null then coalesce(f.journey_id, '00000000-0000-0000-0000-000000000000'::uuid)
            else '00000000-0000-0000-0000-000000000000'::uuid end,
       f.segment, count(*), coalesce(sum(s.nps), 0), coalesce(sum(s.csat), 0), coalesce(sum(s.ces), 0)
from response_fact f
cross join lateral (
    select count(*) filter (where a.metric = 'nps' and a.score is null) as nps,
           count(*) filter (where a.metric = 'csat' and a.score is null) as csat,
           count(*) filter (where a.metric = 'ces' and a.score is null) as ces
    from response_answer a where a.workspace_id = f.workspace_id and a.response_id = f.response_id) s
group by 1, 2, 3, 4, 5, 6, 7;

insert into score_rollup (tenant_id, workspace_id, grain, day, touchpoint_key, journey_key, segment, metric, score, answers)
select tenant_id, workspace_id, g.grain, date_trunc(g.grain, day::timestamp)::date, touchpoint_key, journey_key, segment,
       metric, score, sum(answers)
from score_rollup cross join (values ('week'), ('month')) g (grain)
where score_rollup.grain = 'day'
group by 1, 2, 3, 4, 5, 6, 7, 8, 9;

insert into response_rollup (tenant_id, workspace_id, grain, day, touchpoint_key, journey_key, segment, responses,
                             nps_skipped, csat_skipped, ces_skipped)
select tenant_id, workspace_id, g.grain, date_trunc(g.grain, day::timestamp)::date, touchpoint_key, journey_key, segment,
       sum(responses), sum(nps_skipped), sum(csat_skipped), sum(ces_skipped)
from response_rollup cross join (values ('week'), ('month')) g (grain)
where response_rollup.grain = 'day'
group by 1, 2, 3, 4, 5, 6, 7;

alter table response_fact force row level security;
alter table response_answer force row level security;
alter table score_rollup force row level security;
alter table response_rollup force row level security;
