-- The portfolio's figures straight from the raw responses: per workspace of agency 0 NPS, CSAT, CES and responses
-- in the period and the previous one, and the weekly NPS (sparkline). First line: rows and the summed NPS n.
with ws as (select workspace_id from workspace_info where tenant_id = :'tenant0'),
facts as (
    select f.workspace_id, f.response_id, f.submitted_at >= :'pfrom'::date as current
    from response_fact f
    where f.workspace_id in (select workspace_id from ws)
      and f.submitted_at >= :'ppfrom'::date and f.submitted_at < :'to'::date + 1),
scores as (
    select x.workspace_id, x.current, a.metric, count(a.score) as n,
           count(*) filter (where a.score >= 9) as promoters, count(*) filter (where a.score <= 6) as detractors,
           avg(a.score) as mean
    from facts x join response_answer a on a.workspace_id = x.workspace_id and a.response_id = x.response_id
    group by 1, 2, 3),
responses as (select workspace_id, current, count(*) as responses from facts group by 1, 2),
weekly as (
    select x.workspace_id, date_trunc('week', f.submitted_at at time zone 'UTC') as week, count(a.score) as n,
           count(*) filter (where a.score >= 9) - count(*) filter (where a.score <= 6) as net
    from facts x
    join response_fact f on f.workspace_id = x.workspace_id and f.response_id = x.response_id
    join response_answer a on a.workspace_id = x.workspace_id and a.response_id = x.response_id
    where x.current and a.metric = 'nps' and a.score is not null
    group by 1, 2)
select (select count(*) from ws) || ' rows, sum n=' || coalesce((select sum(n) from scores where current and metric = 'nps'), 0)
       || ' (' || (select count(*) from responses) || ' period rows, ' || (select count(*) from weekly) || ' weekly points)';
