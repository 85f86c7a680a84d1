package com.waymark.tenant.sso;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import com.waymark.platform.access.Permission;
import com.waymark.platform.access.TenantAccess;
import com.waymark.platform.error.ConflictException;
import com.waymark.platform.error.ForbiddenException;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.tenant.audit.AuditLog;
import com.waymark.tenant.keycloak.IdentityBrokers;
import com.waymark.tenant.keycloak.IdentityBrokers.BrokerSettings;
import com.waymark.tenant.keycloak.IdentityBrokers.OidcEndpoints;
import com.waymark.tenant.keycloak.IdentityBrokers.SamlBrokerSettings;
import com.waymark.tenant.keycloak.IdentityBrokers.SamlEndpoints;
import com.waymark.tenant.keycloak.KeycloakProperties;
import com.waymark.tenant.sso.IdentityProviderRequests.IdentityProviderSettings;
import com.waymark.tenant.sso.IdentityProviderRequests.IdentityProviderView;
import com.waymark.tenant.tenant.Tenant;
import com.waymark.tenant.tenant.Tenants;

/**
 * Connects, changes and disconnects an agency's identity provider. Everything is checked first
 * (input, domains claimed elsewhere, the provider's discovery document); then Keycloak (organization
 * domains, the identity provider, its link to the organization), then one database transaction (the
 * record and the audit row). When the transaction fails, Keycloak is put back as it was.
 */
@Service
class SingleSignOnService {

    static final String TYPE_OIDC = "oidc";
    static final String TYPE_SAML = "saml";
    static final String DEFAULT_ROLE = "agency-staff";

    private static final Logger log = LoggerFactory.getLogger(SingleSignOnService.class);

    private final Tenants tenants;
    private final AgencyIdentityProviders providers;
    private final IdentityBrokers brokers;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final String keycloakPublicUrl;
    private final String realm;

    SingleSignOnService(Tenants tenants, AgencyIdentityProviders providers, IdentityBrokers brokers, AuditLog audit,
            TransactionTemplate transactions, KeycloakProperties keycloak, SsoProperties sso) {
        this.tenants = tenants;
        this.providers = providers;
        this.brokers = brokers;
        this.audit = audit;
        this.transactions = transactions;
        this.keycloakPublicUrl = sso.keycloakPublicUrl() == null || sso.keycloakPublicUrl().isBlank()
                ? keycloak.serverUrl() : sso.keycloakPublicUrl();
        this.realm = keycloak.realm();
    }

    /** The alias of an agency's identity provider in Keycloak (slugs never change). */
    static String aliasOf(Tenant tenant) {
        return "agency-" + tenant.slug();
    }

    IdentityProviderView get(TenantAccess caller) {
        return inTenant(caller.tenantId(), () -> providers.find(caller.tenantId()))
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("Identity provider of tenant " + caller.tenantId()));
    }

    IdentityProviderView connect(TenantAccess caller, IdentityProviderSettings body) {
        requireAgencyAdmin(caller);
        UUID tenantId = caller.tenantId();
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new NotFoundException("Tenant " + tenantId));
        if (tenant.deleting()) {
            throw new NotFoundException("Tenant " + tenantId);
        }

        if (TYPE_SAML.equals(body.type())) {
            return connectSaml(tenant, body);
        }
        // 1. everything the caller could have got wrong, before anything is written
        onlyFor(TYPE_SAML, Map.of("metadataUrl", body.metadataUrl() != null, "entityId", body.entityId() != null,
                "singleSignOnServiceUrl", body.singleSignOnServiceUrl() != null,
                "signingCertificate", body.signingCertificate() != null));
        String issuer = SsoInput.httpUrl("issuer", required("issuer", body.issuer()));
        String clientId = required("clientId", body.clientId()).trim();
        String authorizationUrl = SsoInput.optionalHttpUrl("authorizationUrl", body.authorizationUrl());
        String tokenUrl = SsoInput.optionalHttpUrl("tokenUrl", body.tokenUrl());
        String jwksUrl = SsoInput.optionalHttpUrl("jwksUrl", body.jwksUrl());
        String userInfoUrl = SsoInput.optionalHttpUrl("userInfoUrl", body.userInfoUrl());
        if ((authorizationUrl == null) != (tokenUrl == null)) {
            throw new ValidationException(authorizationUrl == null ? "authorizationUrl" : "tokenUrl",
                    "is required when the other endpoint is given");
        }
        List<String> domains = SsoInput.domains(body.domains());
        String defaultRole = body.defaultRole() == null ? DEFAULT_ROLE : body.defaultRole();
        Optional<StoredProvider> current = inTenant(tenantId, () -> providers.find(tenantId));
        requireSameType(current, TYPE_OIDC);
        if (current.isEmpty() && body.clientSecret() == null) {
            throw new ValidationException("clientSecret", "is required when connecting a provider");
        }
        for (String domain : domains) {
            if (brokers.organizationClaiming(domain, tenant.organizationId()).isPresent()) {
                throw new ConflictException("domains", "another agency already uses " + domain);
            }
        }
        OidcEndpoints endpoints = authorizationUrl != null
                ? new OidcEndpoints(issuer, authorizationUrl, Objects.requireNonNull(tokenUrl), jwksUrl, userInfoUrl, null)
                : brokers.discover(issuer);

        // 2. Keycloak
        String alias = aliasOf(tenant);
        String organizationId = tenant.organizationId();
        List<String> previousDomains = brokers.organizationDomains(organizationId);
        Optional<IdentityProviderRepresentation> previous = brokers.find(alias);
        brokers.setOrganizationDomains(organizationId, domains);
        try {
            brokers.save(new BrokerSettings(alias, body.displayName().trim(), endpoints, clientId,
                    body.clientSecret(), domains), previous.orElse(null));
            brokers.link(organizationId, alias);
        } catch (RuntimeException e) {
            undo(organizationId, alias, previous, previousDomains);
            throw e;
        }

        // 3. one transaction: the record and its audit row
        try {
            StoredProvider saved = inTenant(tenantId, () -> {
                tenants.lock(tenantId);
                Instant now = Instant.now();
                StoredProvider stored = providers.save(new StoredProvider(tenantId, alias, TYPE_OIDC,
                        body.displayName().trim(), issuer, clientId, domains, defaultRole, now, now));
                Optional<StoredProvider> before = current;
                audit.record(tenantId, null, before.isEmpty() ? "identity-provider.connected" : "identity-provider.updated",
                        "identity-provider", alias, details(before.orElse(null), stored, body.clientSecret() != null));
                return stored;
            });
            return view(saved);
        } catch (RuntimeException e) {
            undo(organizationId, alias, previous, previousDomains);
            throw e;
        }
    }

    /**
     * A SAML 2.0 IdP: from its metadata URL (read by Keycloak) or its entity id, single sign-on URL and
     * signing certificate; Keycloak presents itself with the realm's entity id. Same order as OIDC:
     * checks, Keycloak (domains, provider, link), one transaction; Keycloak put back when it fails.
     */
    private IdentityProviderView connectSaml(Tenant tenant, IdentityProviderSettings body) {
        UUID tenantId = tenant.id();
        Map<String, Boolean> oidcOnly = new LinkedHashMap<>();
        oidcOnly.put("issuer", body.issuer() != null);
        oidcOnly.put("authorizationUrl", body.authorizationUrl() != null);
        oidcOnly.put("tokenUrl", body.tokenUrl() != null);
        oidcOnly.put("jwksUrl", body.jwksUrl() != null);
        oidcOnly.put("userInfoUrl", body.userInfoUrl() != null);
        oidcOnly.put("clientId", body.clientId() != null);
        oidcOnly.put("clientSecret", body.clientSecret() != null);
        onlyFor(TYPE_OIDC, oidcOnly);
        String metadataUrl = SsoInput.optionalHttpUrl("metadataUrl", body.metadataUrl());
        SamlEndpoints explicit = null;
        if (metadataUrl != null) {
            for (Map.Entry<String, Object> given : explicitSaml(body).entrySet()) {
                if (given.getValue() != null) {
                    throw new ValidationException(given.getKey(), "is read from metadataUrl; give one or the other");
                }
            }
        } else {
            if (explicitSaml(body).values().stream().allMatch(Objects::isNull)) {
                throw new ValidationException("metadataUrl",
                        "is required for a saml provider (or entityId, singleSignOnServiceUrl and signingCertificate)");
            }
            explicit = new SamlEndpoints(required("entityId", body.entityId()).trim(),
                    SsoInput.httpUrl("singleSignOnServiceUrl", required("singleSignOnServiceUrl", body.singleSignOnServiceUrl())),
                    SsoInput.certificate("signingCertificate", required("signingCertificate", body.signingCertificate())));
        }
        List<String> domains = SsoInput.domains(body.domains());
        String defaultRole = body.defaultRole() == null ? DEFAULT_ROLE : body.defaultRole();
        Optional<StoredProvider> current = inTenant(tenantId, () -> providers.find(tenantId));
        requireSameType(current, TYPE_SAML);
        for (String domain : domains) {
            if (brokers.organizationClaiming(domain, tenant.organizationId()).isPresent()) {
                throw new ConflictException("domains", "another agency already uses " + domain);
            }
        }
        SamlEndpoints endpoints = explicit != null ? explicit : brokers.importSaml(Objects.requireNonNull(metadataUrl));
        String serviceProviderEntityId = stripSlash(keycloakPublicUrl) + "/realms/" + realm;

        String alias = aliasOf(tenant);
        String organizationId = tenant.organizationId();
        List<String> previousDomains = brokers.organizationDomains(organizationId);
        Optional<IdentityProviderRepresentation> previous = brokers.find(alias);
        brokers.setOrganizationDomains(organizationId, domains);
        try {
            brokers.saveSaml(new SamlBrokerSettings(alias, body.displayName().trim(), endpoints, serviceProviderEntityId, domains),
                    previous.orElse(null));
            brokers.link(organizationId, alias);
        } catch (RuntimeException e) {
            undo(organizationId, alias, previous, previousDomains);
            throw e;
        }
        try {
            StoredProvider saved = inTenant(tenantId, () -> {
                tenants.lock(tenantId);
                Instant now = Instant.now();
                StoredProvider stored = providers.save(new StoredProvider(tenantId, alias, TYPE_SAML, body.displayName().trim(),
                        endpoints.idpEntityId(), serviceProviderEntityId, domains, defaultRole, now, now));
                audit.record(tenantId, null, current.isEmpty() ? "identity-provider.connected" : "identity-provider.updated",
                        "identity-provider", alias, details(current.orElse(null), stored, false));
                return stored;
            });
            return view(saved);
        } catch (RuntimeException e) {
            undo(organizationId, alias, previous, previousDomains);
            throw e;
        }
    }

    private static Map<String, Object> explicitSaml(IdentityProviderSettings body) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("entityId", body.entityId());
        fields.put("singleSignOnServiceUrl", body.singleSignOnServiceUrl());
        fields.put("signingCertificate", body.signingCertificate());
        return fields;
    }

    /** Fields of the other protocol are refused rather than silently ignored. */
    private static void onlyFor(String type, Map<String, Boolean> given) {
        given.forEach((field, present) -> {
            if (present) {
                throw new ValidationException(field, "applies to " + type + " providers only");
            }
        });
    }

    private static String required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    /** Switching between OIDC and SAML is a disconnect and a new connect (Keycloak cannot change a provider's kind). */
    private static void requireSameType(Optional<StoredProvider> current, String type) {
        if (current.isPresent() && !current.get().type().equals(type)) {
            throw new ConflictException("type", "the agency's " + current.get().type()
                    + " provider must be disconnected before connecting a " + type + " one");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    void disconnect(TenantAccess caller) {
        requireAgencyAdmin(caller);
        UUID tenantId = caller.tenantId();
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new NotFoundException("Tenant " + tenantId));
        StoredProvider stored = inTenant(tenantId, () -> providers.find(tenantId))
                .orElseThrow(() -> new NotFoundException("Identity provider of tenant " + tenantId));
        // Keycloak first; every step is idempotent, so a request that failed half-way is simply repeated
        brokers.delete(tenant.organizationId(), stored.alias());
        brokers.setOrganizationDomains(tenant.organizationId(), List.of());
        inTenant(tenantId, () -> {
            tenants.lock(tenantId);
            if (providers.delete(tenantId)) {
                audit.record(tenantId, null, "identity-provider.disconnected", "identity-provider", stored.alias(),
                        Map.of("alias", stored.alias(), "issuer", stored.issuer(), "domains", stored.domains()));
            }
            return null;
        });
    }

    private void undo(String organizationId, String alias, Optional<IdentityProviderRepresentation> previous,
            List<String> previousDomains) {
        if (previous.isPresent()) {
            brokers.restoreQuietly(previous.get());
        } else {
            brokers.deleteQuietly(organizationId, alias);
        }
        brokers.setOrganizationDomainsQuietly(organizationId, previousDomains);
        log.info("Single sign-on change of organization {} undone in Keycloak", organizationId);
    }

    /** Names, URLs, domains and role, with {@code {from, to}} for what changed; never the secret itself. */
    private static Map<String, Object> details(@Nullable StoredProvider before, StoredProvider after, boolean secretSet) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("alias", after.alias());
        if (before == null) {
            details.put("displayName", after.displayName());
            details.put("issuer", after.issuer());
            details.put("clientId", after.clientId());
            details.put("domains", after.domains());
            details.put("defaultRole", after.defaultRole());
            return details;
        }
        change(details, "displayName", before.displayName(), after.displayName());
        change(details, "issuer", before.issuer(), after.issuer());
        change(details, "clientId", before.clientId(), after.clientId());
        change(details, "domains", before.domains(), after.domains());
        change(details, "defaultRole", before.defaultRole(), after.defaultRole());
        details.put("clientSecretChanged", secretSet);
        return details;
    }

    private static void change(Map<String, Object> details, String field, Object from, Object to) {
        if (!from.equals(to)) {
            details.put(field, Map.of("from", from, "to", to));
        }
    }

    private IdentityProviderView view(StoredProvider provider) {
        return IdentityProviderView.of(provider, keycloakPublicUrl, realm);
    }

    private <T> T inTenant(UUID tenantId, Supplier<T> work) {
        return TenantContextHolder.callAs(TenantContext.ofTenant(tenantId), () -> transactions.execute(status -> work.get()));
    }

    private static void requireAgencyAdmin(TenantAccess caller) {
        if (!caller.role().allows(Permission.ADMIN)) {
            throw new ForbiddenException("Only an agency-admin can manage the agency's single sign-on");
        }
    }
}
