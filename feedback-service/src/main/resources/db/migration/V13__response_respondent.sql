-- Erasure by respondent finds all of one person's responses in a workspace by external id or e-mail.
create index response_respondent_external_id on response (workspace_id, respondent_external_id)
    where respondent_external_id is not null;
create index response_respondent_email on response (workspace_id, lower(respondent_email))
    where respondent_email is not null;
