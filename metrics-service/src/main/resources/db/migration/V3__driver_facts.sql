-- Driver analysis (GET .../metrics/drivers) links one respondent's journey-level answers with their
-- answers at the journey's touchpoints. feedback.response.submitted now carries journeyId (set for a
-- journey-level survey) and respondentKey (a pseudonymous per-workspace key, never the clear e-mail or
-- id); both are kept on the raw facts. Rows recorded before stay null: they take no part in drivers.
alter table response_fact add column journey_id uuid;
alter table response_fact add column respondent_key text;
create index response_fact_journey on response_fact (workspace_id, journey_id, submitted_at)
    where journey_id is not null and respondent_key is not null;
create index response_fact_respondent on response_fact (workspace_id, touchpoint_id, submitted_at)
    where respondent_key is not null;
