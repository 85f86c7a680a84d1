-- Waymark: drop one set of databases (run as a superuser). Used by `CX_PROFILE=e2e ./cx up|down`
-- (prefix waymark_e2e_) and `./cx down --purge` (prefix waymark_). Sessions still connected are
-- terminated (WITH (FORCE)). Roles are kept: they are shared by every set.
--   psql -h 127.0.0.1 -U postgres -v prefix=waymark_e2e_ -f drop-databases.sql
\set ON_ERROR_STOP on
\if :{?prefix}
\else
  \echo 'drop-databases.sql: set the psql variable prefix (e.g. -v prefix=waymark_e2e_)'
  \quit
\endif

SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'prefix' || s)
  FROM unnest(ARRAY['tenant', 'mapping', 'feedback', 'metrics', 'keycloak']) AS s
\gexec
