package com.waymark.tenant.keycloak;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.waymark.platform.error.ConflictException;
import com.waymark.platform.error.ValidationException;

/**
 * An agency's single sign-on in Keycloak: an OIDC identity provider (identity brokering) linked to the
 * agency's organization, whose domains send users typing an address of that domain straight to their
 * company's provider. Failures follow {@link IdentityDirectory}: 503/502 without Keycloak detail,
 * 409/400 for what the caller can fix.
 */
public class IdentityBrokers {

    /** Keycloak's organization settings on an identity provider (see {@code OrganizationModel}). */
    public static final String ORG_DOMAIN = "kc.org.domain";
    public static final String ORG_REDIRECT_WHEN_EMAIL_MATCHES = "kc.org.broker.redirect.mode.email-matches";
    /** {@code kc.org.domain} value meaning "any domain of the organization". */
    public static final String ANY_DOMAIN = "ANY";
    /** What Keycloak answers instead of a stored secret; sending it back keeps the stored one. */
    static final String MASKED_SECRET = "**********";

    private static final Logger log = LoggerFactory.getLogger(IdentityBrokers.class);

    private final Keycloak keycloak;
    private final String realm;
    private final IdentityDirectory directory;

    public IdentityBrokers(Keycloak keycloak, String realm, IdentityDirectory directory) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.directory = directory;
    }

    /**
     * What to configure.
     *
     * @param clientSecret null keeps the secret Keycloak already stores
     */
    public record BrokerSettings(String alias, String displayName, OidcEndpoints endpoints, String clientId,
            @Nullable String clientSecret, List<String> domains) {
    }

    /**
     * A SAML identity provider: the agency's IdP ({@code idpEntityId}, where to send authentication
     * requests, the certificate its responses are signed with) and how Keycloak presents itself to it
     * ({@code spEntityId}).
     */
    public record SamlBrokerSettings(String alias, String displayName, SamlEndpoints endpoints, String spEntityId,
            List<String> domains) {
    }

    /** The IdP's side of SAML, from its metadata document or given explicitly. */
    public record SamlEndpoints(String idpEntityId, String singleSignOnServiceUrl, String signingCertificate) {
    }

    /**
     * Reads a SAML IdP's metadata (EntityDescriptor) through Keycloak's own importer, from where
     * Keycloak will talk to the IdP. Unreadable metadata, or metadata without a single sign-on service
     * or signing certificate, is the caller's mistake: 400 on {@code metadataUrl}.
     */
    public SamlEndpoints importSaml(String metadataUrl) {
        Map<String, String> config = directory.call("read SAML metadata", () -> {
            try {
                return realm().identityProviders().importFrom(Map.<String, Object>of("providerId", "saml", "fromUrl", metadataUrl));
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (status == 401 || status == 403) {
                    throw e;
                }
                log.info("No usable SAML metadata at {}: HTTP {}", metadataUrl, status);
                throw new ValidationException("metadataUrl", "no SAML IdP metadata could be read from " + metadataUrl);
            }
        });
        String entityId = config.get("idpEntityId");
        String singleSignOn = config.get("singleSignOnServiceUrl");
        String certificate = config.get("signingCertificate");
        if (entityId == null || singleSignOn == null || certificate == null || certificate.isBlank()) {
            throw new ValidationException("metadataUrl",
                    "the metadata names no IdP entity id, single sign-on service or signing certificate");
        }
        return new SamlEndpoints(entityId, singleSignOn, certificate);
    }

    /** Creates the SAML identity provider, or updates {@code existing} (same alias) to these settings. */
    public void saveSaml(SamlBrokerSettings settings, @Nullable IdentityProviderRepresentation existing) {
        IdentityProviderRepresentation provider = base(settings.alias(), settings.displayName(), "saml", existing);
        Map<String, String> config = new LinkedHashMap<>();
        SamlEndpoints endpoints = settings.endpoints();
        config.put("entityId", settings.spEntityId());
        config.put("idpEntityId", endpoints.idpEntityId());
        config.put("singleSignOnServiceUrl", endpoints.singleSignOnServiceUrl());
        config.put("signingCertificate", endpoints.signingCertificate());
        // responses must be signed by the IdP's certificate
        config.put("validateSignature", "true");
        config.put("wantAssertionsSigned", "false");
        config.put("postBindingResponse", "true");
        config.put("postBindingAuthnRequest", "true");
        config.put("nameIDPolicyFormat", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        config.put("principalType", "SUBJECT");
        config.put("syncMode", "IMPORT");
        config.put(ORG_DOMAIN, organizationDomainSetting(settings.domains()));
        config.put(ORG_REDIRECT_WHEN_EMAIL_MATCHES, "true");
        provider.setConfig(new HashMap<>(config));
        store(provider, settings.alias(), existing);
    }

    private void store(IdentityProviderRepresentation provider, String alias, @Nullable IdentityProviderRepresentation existing) {
        directory.call(existing == null ? "create identity provider" : "update identity provider", () -> {
            if (existing == null) {
                try (Response response = realm().identityProviders().create(provider)) {
                    if (response.getStatus() == 409) {
                        throw new ConflictException("alias", "an identity provider with this alias already exists");
                    }
                    IdentityDirectory.requireSuccess(response, "create identity provider");
                }
            } else {
                realm().identityProviders().get(alias).update(provider);
            }
            return null;
        });
    }

    private static IdentityProviderRepresentation base(String alias, String displayName, String providerId,
            @Nullable IdentityProviderRepresentation existing) {
        IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
        if (existing != null) {
            provider.setInternalId(existing.getInternalId());
            provider.setOrganizationId(existing.getOrganizationId());
        }
        provider.setAlias(alias);
        provider.setProviderId(providerId);
        provider.setDisplayName(displayName);
        provider.setEnabled(true);
        provider.setTrustEmail(true);
        provider.setHideOnLogin(true);
        provider.setStoreToken(false);
        provider.setFirstBrokerLoginFlowAlias("first broker login");
        return provider;
    }

    /** The provider's endpoints, from its discovery document or given explicitly. */
    public record OidcEndpoints(String issuer, String authorizationUrl, String tokenUrl, @Nullable String jwksUrl,
            @Nullable String userInfoUrl, @Nullable String logoutUrl) {
    }

    /**
     * Reads {@code issuer + /.well-known/openid-configuration} through Keycloak's own importer (so
     * the document is fetched from where Keycloak will talk to the provider). A document that cannot be
     * read, or names another issuer, is the caller's mistake: 400 on {@code issuer}.
     */
    public OidcEndpoints discover(String issuer) {
        String discovery = stripSlash(issuer) + "/.well-known/openid-configuration";
        Map<String, String> config = directory.call("read an OpenID Provider configuration", () -> {
            try {
                return realm().identityProviders().importFrom(Map.<String, Object>of("providerId", "oidc", "fromUrl", discovery));
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (status == 401 || status == 403) {
                    throw e; // the service account may not do this: 502, not the caller's mistake
                }
                log.info("No usable OpenID Provider configuration at {}: HTTP {}", discovery, e.getResponse().getStatus());
                throw new ValidationException("issuer", "no OpenID Provider configuration could be read from " + discovery);
            }
        });
        String found = config.get("issuer");
        if (found != null && !stripSlash(found).equals(stripSlash(issuer))) {
            throw new ValidationException("issuer", "the provider's configuration names another issuer: " + found);
        }
        String authorizationUrl = config.get("authorizationUrl");
        String tokenUrl = config.get("tokenUrl");
        if (authorizationUrl == null || tokenUrl == null) {
            throw new ValidationException("issuer", "the provider's configuration has no authorization or token endpoint");
        }
        return new OidcEndpoints(issuer, authorizationUrl, tokenUrl, config.get("jwksUrl"), config.get("userInfoUrl"),
                config.get("logoutUrl"));
    }

    /** The id of another organization that already claims this domain, if any. */
    public Optional<String> organizationClaiming(String domain, String exceptOrganizationId) {
        return directory.call("search organizations by domain", () -> realm().organizations().search(domain, true, 0, 20)
                .stream()
                .filter(org -> !exceptOrganizationId.equals(org.getId()))
                .filter(org -> org.getDomains() != null && org.getDomains().stream()
                        .anyMatch(d -> domain.equalsIgnoreCase(d.getName())))
                .map(OrganizationRepresentation::getId)
                .findFirst());
    }

    public List<String> organizationDomains(String organizationId) {
        return directory.call("read organization", () -> {
            OrganizationRepresentation organization = realm().organizations().get(organizationId).toRepresentation();
            return organization.getDomains() == null ? List.<String>of()
                    : organization.getDomains().stream().map(OrganizationDomainRepresentation::getName).toList();
        });
    }

    /** Replaces the organization's domains; 409 on {@code domains} when Keycloak finds one taken. */
    public void setOrganizationDomains(String organizationId, List<String> domains) {
        directory.call("set organization domains", () -> {
            OrganizationRepresentation organization = realm().organizations().get(organizationId).toRepresentation();
            if (organization.getDomains() != null) {
                List.copyOf(organization.getDomains()).forEach(organization::removeDomain);
            }
            domains.forEach(domain -> organization.addDomain(new OrganizationDomainRepresentation(domain)));
            try (Response response = realm().organizations().get(organizationId).update(organization)) {
                if (response.getStatus() == 409) {
                    throw new ConflictException("domains", "another agency already uses one of these domains");
                }
                IdentityDirectory.requireSuccess(response, "set organization domains");
            }
            return null;
        });
    }

    public void setOrganizationDomainsQuietly(String organizationId, List<String> domains) {
        directory.quietly("set domains of organization " + organizationId + " back to " + domains,
                () -> setOrganizationDomains(organizationId, domains));
    }

    public Optional<IdentityProviderRepresentation> find(String alias) {
        return directory.call("read identity provider", () -> {
            try {
                return Optional.of(realm().identityProviders().get(alias).toRepresentation());
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** Creates the identity provider, or updates {@code existing} (same alias) to these settings. */
    public void save(BrokerSettings settings, @Nullable IdentityProviderRepresentation existing) {
        IdentityProviderRepresentation provider = representation(settings, existing);
        directory.call(existing == null ? "create identity provider" : "update identity provider", () -> {
            if (existing == null) {
                try (Response response = realm().identityProviders().create(provider)) {
                    if (response.getStatus() == 409) {
                        throw new ConflictException("alias", "an identity provider with this alias already exists");
                    }
                    IdentityDirectory.requireSuccess(response, "create identity provider");
                }
            } else {
                realm().identityProviders().get(settings.alias()).update(provider);
            }
            return null;
        });
    }

    /** Compensation: puts back the provider as it was (its secret stays whatever Keycloak stores now). */
    public void restoreQuietly(IdentityProviderRepresentation previous) {
        directory.quietly("restore identity provider " + previous.getAlias(),
                () -> realm().identityProviders().get(previous.getAlias()).update(previous));
    }

    /** Links the provider to the organization (Keycloak then adds users who come through it as members). */
    public void link(String organizationId, String alias) {
        directory.call("link identity provider to organization", () -> {
            try (Response response = realm().organizations().get(organizationId).identityProviders().addIdentityProvider(alias)) {
                if (response.getStatus() != 409) {
                    IdentityDirectory.requireSuccess(response, "link identity provider to organization");
                }
            }
            return null;
        });
    }

    /** Whether the provider is linked to the organization. */
    public boolean linked(String organizationId, String alias) {
        return directory.call("read organization identity providers", () -> realm().organizations().get(organizationId)
                .identityProviders().getIdentityProviders().stream().anyMatch(idp -> alias.equals(idp.getAlias())));
    }

    /** Unlinks and deletes the provider. Idempotent: a missing one is fine. */
    public void delete(String organizationId, String alias) {
        directory.call("delete identity provider", () -> {
            try (Response response = realm().organizations().get(organizationId).identityProviders().get(alias).delete()) {
                if (response.getStatus() != 404 && response.getStatus() != 400) {
                    IdentityDirectory.requireSuccess(response, "unlink identity provider");
                }
            }
            try {
                realm().identityProviders().get(alias).remove();
            } catch (NotFoundException e) {
                // already gone
            }
            return null;
        });
    }

    /** Deletes every identity provider linked to the organization (agency deletion). Idempotent. */
    public void deleteProvidersOf(String organizationId) {
        List<String> aliases = directory.call("read organization identity providers", () -> {
            try {
                return realm().organizations().get(organizationId).identityProviders().getIdentityProviders().stream()
                        .map(IdentityProviderRepresentation::getAlias).toList();
            } catch (NotFoundException e) {
                return List.<String>of();
            }
        });
        aliases.forEach(alias -> delete(organizationId, alias));
    }

    /** Compensation for {@link #save} creating a provider: never throws. */
    public void deleteQuietly(String organizationId, String alias) {
        directory.quietly("delete identity provider " + alias, () -> delete(organizationId, alias));
    }

    /** Aliases of the identity providers the user has signed in through (their brokered links). */
    public List<String> brokerLinks(String userId) {
        return directory.call("read the user's identity provider links", () -> {
            try {
                return realm().users().get(userId).getFederatedIdentity().stream()
                        .map(FederatedIdentityRepresentation::getIdentityProvider).toList();
            } catch (NotFoundException e) {
                return List.<String>of();
            }
        });
    }

    /** The agencies (organization attribute {@code tenantId}) whose Keycloak organization the user belongs to. */
    public List<UUID> agenciesOf(String userId) {
        return directory.call("read the user's organizations", () -> {
            List<UUID> agencies = new ArrayList<>();
            List<OrganizationRepresentation> organizations;
            try {
                organizations = realm().organizations().members().getOrganizations(userId, false);
            } catch (NotFoundException e) {
                return agencies;
            }
            for (OrganizationRepresentation organization : organizations) {
                Map<String, List<String>> attributes = organization.getAttributes();
                List<String> ids = attributes == null ? null : attributes.get(IdentityDirectory.TENANT_ID_ATTRIBUTE);
                if (ids != null) {
                    ids.stream().map(IdentityBrokers::uuid).flatMap(Optional::stream).forEach(agencies::add);
                }
            }
            return agencies;
        });
    }

    /** {@code kc.org.domain}: the one domain, or any of the organization's domains when there are several. */
    public static String organizationDomainSetting(List<String> domains) {
        return domains.size() == 1 ? domains.get(0) : ANY_DOMAIN;
    }

    private static IdentityProviderRepresentation representation(BrokerSettings settings,
            @Nullable IdentityProviderRepresentation existing) {
        IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
        if (existing != null) {
            provider.setInternalId(existing.getInternalId());
            provider.setOrganizationId(existing.getOrganizationId());
        }
        provider.setAlias(settings.alias());
        provider.setProviderId("oidc");
        provider.setDisplayName(settings.displayName());
        provider.setEnabled(true);
        provider.setTrustEmail(true);
        provider.setHideOnLogin(true);
        provider.setStoreToken(false);
        provider.setFirstBrokerLoginFlowAlias("first broker login");
        Map<String, String> config = new LinkedHashMap<>();
        OidcEndpoints endpoints = settings.endpoints();
        config.put("issuer", endpoints.issuer());
        config.put("authorizationUrl", endpoints.authorizationUrl());
        config.put("tokenUrl", endpoints.tokenUrl());
        putIfPresent(config, "userInfoUrl", endpoints.userInfoUrl());
        putIfPresent(config, "logoutUrl", endpoints.logoutUrl());
        if (endpoints.jwksUrl() != null) {
            config.put("jwksUrl", endpoints.jwksUrl());
            config.put("useJwksUrl", "true");
            config.put("validateSignature", "true");
        }
        config.put("clientId", settings.clientId());
        config.put("clientSecret", settings.clientSecret() != null ? settings.clientSecret() : MASKED_SECRET);
        config.put("clientAuthMethod", "client_secret_post");
        config.put("defaultScope", "openid profile email");
        config.put("pkceEnabled", "true");
        config.put("pkceMethod", "S256");
        config.put("syncMode", "IMPORT");
        config.put(ORG_DOMAIN, organizationDomainSetting(settings.domains()));
        config.put(ORG_REDIRECT_WHEN_EMAIL_MATCHES, "true");
        provider.setConfig(new HashMap<>(config));
        return provider;
    }

    private static void putIfPresent(Map<String, String> config, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            config.put(key, value);
        }
    }

    private static String stripSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }
}
