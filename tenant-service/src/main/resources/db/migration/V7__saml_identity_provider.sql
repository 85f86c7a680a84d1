-- tenant-service: an agency's identity provider may also be SAML 2.0. For SAML, issuer holds the IdP's
-- entity id and client_id the entity id Keycloak presents to it.
alter table identity_provider drop constraint identity_provider_provider_type_check;
alter table identity_provider add constraint identity_provider_provider_type_check check (provider_type in ('oidc', 'saml'));
