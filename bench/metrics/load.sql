-- bench/metrics: the plan of the load (run by run.sh as a superuser in metrics-service's database).
-- bench_plan_input is filled by run.sh with \copy from the setup's workspaces.csv.
\set ON_ERROR_STOP on
create temp table bench_plan_input (agency int, position int, tenant_id uuid, workspace_id uuid, admin text, industry text);
-- what is loaded already (one row per finished chunk): a re-run skips it
create table if not exists bench_loaded (workspace_id uuid not null, chunk int not null, responses int not null,
                                         primary key (workspace_id, chunk));
