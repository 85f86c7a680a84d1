-- tenant-service: each client workspace gets its own Keycloak organization (ARCHITECTURE.md: an
-- organization per tenant and per workspace), holding the workspace's client members. Null until it
-- exists: workspaces created before get theirs at startup or when a client member is next added.
alter table workspace add column organization_id text;
