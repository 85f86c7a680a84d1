-- The weekly NPS series (ISO weeks, UTC) straight from the raw responses: week | NPS | n.
select date_trunc('week', f.submitted_at at time zone 'UTC')::date as week,
       round(100.0 * (count(*) filter (where a.score >= 9) - count(*) filter (where a.score <= 6)) / count(a.score), 1),
       count(a.score)
from response_fact f
join response_answer a on a.workspace_id = f.workspace_id and a.response_id = f.response_id
where f.workspace_id = :'ws0' and f.submitted_at >= :'from'::date and f.submitted_at < :'to'::date + 1
  and a.metric = 'nps' and a.score is not null
group by 1
order by 1;
