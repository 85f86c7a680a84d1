-- bench/metrics: generates the raw facts, one statement per chunk of up to 200,000 responses (atomic with its
-- bench_loaded row, so an interrupted load resumes). Variables: scale, ws0 (the largest workspace), journey
-- and touchpoints (its real map, from setup).
\set ON_ERROR_STOP on
-- a bulk load: no per-row foreign-key triggers (response_answer -> response_fact holds by construction),
-- no wait for the WAL flush per statement
set session_replication_role = replica;
set synchronous_commit = off;
set work_mem = '256MB';

-- sizes: the largest workspace 2,000,000 x scale; the other 999 3,000 + A / rank^1.1 (ranks shuffled by id),
-- A chosen so they add up to 8,000,000 (most get 3,000-5,000; a few hundreds of thousands)
create temp table bench_plan as
with others as (
    select p.*, row_number() over (order by md5(p.workspace_id::text)) as rank
    from bench_plan_input p where p.workspace_id <> :'ws0'::uuid),
     calibration as (
    select (8000000 - 3000.0 * count(*)) / sum(1 / power(rank, 1.1)) as a from others)
select p.tenant_id, p.workspace_id, round(2000000 * :scale)::int as responses,
       :'touchpoints'::uuid[] as touchpoints, :'journey'::uuid as journey_id
from bench_plan_input p where p.workspace_id = :'ws0'::uuid
union all
select o.tenant_id, o.workspace_id, greatest(1, round((3000 + c.a / power(o.rank, 1.1)) * :scale))::int,
       array(select md5(o.workspace_id::text || ':touchpoint:' || k)::uuid from generate_series(1, 8) k), null
from others o cross join calibration c;

select count(*) as workspaces, sum(responses) as responses, max(responses) as largest,
       percentile_disc(0.5) within group (order by responses) as median
from bench_plan \gset plan_
\echo plan: :plan_workspaces workspaces, :plan_responses responses, largest :plan_largest, median :plan_median

-- one INSERT per chunk not yet loaded
select format($sql$
with x as (
    select g, random() as r1, random() as r2, random() as r3, random() as r4 from generate_series(%3$s, %4$s) g),
f as (
    insert into response_fact (tenant_id, workspace_id, response_id, survey_id, touchpoint_id, submitted_at, segment,
                               channel, lang, event_id, journey_id, respondent_key)
    select %1$L::uuid, %2$L::uuid,
           (left(md5(%2$L), 8) || '-' || substr(md5(%2$L), 9, 4) || '-4' || substr(md5(%2$L), 14, 3) || '-8'
            || substr(md5(%2$L), 18, 3) || '-' || lpad(to_hex(x.g), 12, '0'))::uuid,
           md5(%2$L || ':survey')::uuid,
           case when %6$L::uuid is not null and x.r1 < 0.05 then null
                else (%5$L::uuid[])[1 + floor(x.r2 * cardinality(%5$L::uuid[]))::int] end,
           now() - (730 * (1 - sqrt(x.r3))) * interval '1 day',
           case when x.r4 < 0.55 then '' when x.r4 < 0.75 then 'new' when x.r4 < 0.95 then 'returning' else 'vip' end,
           'web', 'en', gen_random_uuid(),
           case when %6$L::uuid is not null and x.r1 < 0.05 then %6$L::uuid end, null
    from x
    returning tenant_id, workspace_id, response_id, touchpoint_id),
a as (
    insert into response_answer (tenant_id, workspace_id, response_id, position, question_id, metric, score)
    select f.tenant_id, f.workspace_id, f.response_id, q.position, q.question_id, q.metric, q.score
    from f cross join lateral (
        select 0 as position, 'nps' as question_id, 'nps' as metric,
               case when random() < 0.04 then null
                    else least(10, floor(11 * power(random(), 0.55 + (get_byte(uuid_send(coalesce(f.touchpoint_id, f.response_id)), 0) %% 5) * 0.05)))::smallint
               end as score
        where f.response_id is not null
        union all
        select 1, 'csat', 'csat', (1 + least(4, floor(5 * power(random(), 0.7))))::smallint
        where f.response_id is not null and random() < 0.5
        union all
        select 2, 'ces', 'ces', (1 + least(6, floor(7 * power(random(), 0.8))))::smallint
        where f.response_id is not null and random() < 0.3) q
    returning 1),
done as (
    insert into bench_loaded (workspace_id, chunk, responses) values (%2$L::uuid, %7$s, %4$s - %3$s + 1) returning 1)
select (select count(*) from f) as responses, (select count(*) from a) as answers, (select count(*) from done) as chunk
$sql$, p.tenant_id, p.workspace_id, c * 200000 + 1, least((c + 1) * 200000, p.responses), p.touchpoints, p.journey_id, c)
from bench_plan p
cross join lateral generate_series(0, (p.responses - 1) / 200000) c
where not exists (select 1 from bench_loaded l where l.workspace_id = p.workspace_id and l.chunk = c)
order by p.responses desc, c
\gexec

analyze response_fact;
analyze response_answer;
select count(*) as facts from response_fact \gset
\echo loaded: :facts responses in response_fact
