-- Waymark: PostgreSQL roles (idempotent; run as a superuser, e.g. `psql -h 127.0.0.1 -U postgres -f roles.sql`).
--
--   waymark_owner     owns the service databases and their tables; Flyway migrates as this role.
--   waymark_app       what the services connect as at run time: owns nothing, cannot bypass
--                     row-level security; the Flyway migrations grant it the table rights it needs.
--   waymark_keycloak  owns Keycloak's database.
--
-- Every run re-asserts the attributes and passwords, so a drifted role is put right.
\set ON_ERROR_STOP on

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'waymark_owner') THEN
    CREATE ROLE waymark_owner;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'waymark_app') THEN
    CREATE ROLE waymark_app;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'waymark_keycloak') THEN
    CREATE ROLE waymark_keycloak;
  END IF;
END
$$;

ALTER ROLE waymark_owner    WITH LOGIN PASSWORD 'waymark_owner'    NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
ALTER ROLE waymark_app      WITH LOGIN PASSWORD 'waymark_app'      NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
ALTER ROLE waymark_keycloak WITH LOGIN PASSWORD 'waymark_keycloak' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
