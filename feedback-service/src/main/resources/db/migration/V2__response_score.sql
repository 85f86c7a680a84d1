-- The response's headline score: the answer to the survey's first NPS, CSAT or CES question (in
-- question order), null when the respondent skipped it or the survey has none. Kept in columns so
-- the minScore/maxScore filters of the response list and export can use an index.
alter table response
    add column score_kind text check (score_kind in ('nps', 'csat', 'ces')),
    add column score      smallint;

-- Backfill existing rows. Row-level security is forced even for the owner, who has no tenant
-- context here: lift it for this one statement, inside the migration's transaction.
alter table response no force row level security;
update response r
set (score_kind, score) = (
    select a.answer ->> 'kind', (a.answer ->> 'score')::smallint
    from jsonb_array_elements(r.answers) with ordinality as a(answer, n)
    where a.answer ->> 'kind' in ('nps', 'csat', 'ces')
    order by a.n
    limit 1);
alter table response force row level security;

create index response_score on response (workspace_id, score);
