-- Waymark: databases (idempotent; run as a superuser after roles.sql).
--
-- psql variable `prefix` names the set: `waymark_` for the local stack (the default),
-- `waymark_e2e_` for the end-to-end profile:
--   psql -h 127.0.0.1 -U postgres -v prefix=waymark_ -f databases.sql
-- Creates <prefix>tenant, <prefix>mapping, <prefix>feedback, <prefix>metrics (owner waymark_owner)
-- and <prefix>keycloak (owner waymark_keycloak). Only the owner and waymark_app may connect.
\set ON_ERROR_STOP on
\if :{?prefix}
\else
  \set prefix waymark_
\endif

-- service databases
SELECT format('CREATE DATABASE %I OWNER waymark_owner ENCODING ''UTF8'' TEMPLATE template0', :'prefix' || s)
  FROM unnest(ARRAY['tenant', 'mapping', 'feedback', 'metrics']) AS s
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'prefix' || s)
\gexec

SELECT format('ALTER DATABASE %1$I OWNER TO waymark_owner', :'prefix' || s),
       format('REVOKE ALL ON DATABASE %1$I FROM PUBLIC', :'prefix' || s),
       format('GRANT CONNECT ON DATABASE %1$I TO waymark_app', :'prefix' || s)
  FROM unnest(ARRAY['tenant', 'mapping', 'feedback', 'metrics']) AS s
\gexec

-- Keycloak's database
SELECT format('CREATE DATABASE %I OWNER waymark_keycloak ENCODING ''UTF8'' TEMPLATE template0', :'prefix' || 'keycloak')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'prefix' || 'keycloak')
\gexec

SELECT format('ALTER DATABASE %I OWNER TO waymark_keycloak', :'prefix' || 'keycloak'),
       format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'prefix' || 'keycloak')
\gexec
