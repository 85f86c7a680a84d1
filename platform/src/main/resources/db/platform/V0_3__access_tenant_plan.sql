-- Each service learns the agency's plan from tenant.* events, so a service that enforces a plan quota
-- (responses per month in feedback-service) needs no synchronous call to tenant-service.
alter table access_tenant add column plan text;
