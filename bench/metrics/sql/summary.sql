-- The summary's figures straight from the raw responses: per touchpoint and metric (journeys and stages are sums
-- of these), and the workspace. First line: the workspace NPS, as the API shows it.
with agg as (
    select grouping(f.touchpoint_id) as whole, f.touchpoint_id, a.metric, count(a.score) as n,
           count(*) filter (where a.score >= 9) as promoters, count(*) filter (where a.score <= 6) as detractors,
           count(*) filter (where a.score is null) as skipped, avg(a.score) as mean
    from response_fact f
    join response_answer a on a.workspace_id = f.workspace_id and a.response_id = f.response_id
    where f.workspace_id = :'ws0' and f.submitted_at >= :'from'::date and f.submitted_at < :'to'::date + 1
    group by grouping sets ((f.touchpoint_id, a.metric), (a.metric)))
select line from (
    select 0 as ord, 'NPS ' || round(100.0 * (promoters - detractors) / nullif(n, 0), 1) || ' n=' || n as line
    from agg where whole = 1 and metric = 'nps'
    union all
    select 1, coalesce(touchpoint_id::text, '-') || ' ' || metric || ' n=' || n || ' mean=' || round(mean, 2)
    from agg where whole = 0) lines
order by ord;
