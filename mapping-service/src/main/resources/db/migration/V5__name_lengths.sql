-- Names are 1 to 200 characters (the API validates it; this keeps any other writer honest). NOT VALID:
-- rows written before are not re-checked, every new or changed row is.
alter table journey add constraint journey_name_length check (length(name) between 1 and 200) not valid;
alter table stage add constraint stage_name_length check (length(name) between 1 and 200) not valid;
alter table touchpoint add constraint touchpoint_name_length check (length(name) between 1 and 200) not valid;
alter table persona add constraint persona_name_length check (length(name) between 1 and 200) not valid;
