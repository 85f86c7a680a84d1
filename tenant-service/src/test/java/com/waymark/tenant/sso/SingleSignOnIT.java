package com.waymark.tenant.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.tenant.support.Fixtures;
import com.waymark.tenant.support.Fixtures.Agency;
import com.waymark.tenant.support.Fixtures.Member;
import com.waymark.tenant.support.KeycloakProbe;
import com.waymark.tenant.support.KeycloakTestServer;
import com.waymark.tenant.support.TenantServiceTest;

/**
 * An agency admin connects the company's OIDC provider: a Keycloak identity provider linked to the
 * agency's organization, whose domains route users to it. The test Keycloak's {@code master} realm
 * stands in for the company's provider (its discovery document is real).
 */
@TenantServiceTest
class SingleSignOnIT {

    private static final String PATH = "/api/tenants/{tenantId}/identity-provider";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Keycloak keycloak;

    Fixtures fixtures;
    KeycloakProbe kc;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(mvc, json);
        kc = new KeycloakProbe(keycloak);
    }

    static String issuer() {
        return KeycloakTestServer.url() + "/realms/master";
    }

    static Map<String, Object> settings(String domain) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "oidc");
        body.put("displayName", "Acme Corp");
        body.put("issuer", issuer());
        body.put("clientId", "waymark-broker");
        body.put("clientSecret", "s3cret-" + Fixtures.unique());
        body.put("domains", List.of(domain));
        return body;
    }

    static String domain() {
        return "acme-" + Fixtures.unique() + ".example";
    }

    private OrganizationRepresentation organization(Agency agency) {
        String id = kc.organizationOf(agency.tenantId()).orElseThrow().getId();
        return kc.realm().organizations().get(id).toRepresentation();
    }

    private List<String> organizationDomains(Agency agency) {
        OrganizationRepresentation organization = organization(agency);
        return organization.getDomains() == null ? List.of()
                : organization.getDomains().stream().map(OrganizationDomainRepresentation::getName).sorted().toList();
    }

    private List<String> linkedProviders(Agency agency) {
        return kc.realm().organizations().get(organization(agency).getId()).identityProviders().getIdentityProviders()
                .stream().map(IdentityProviderRepresentation::getAlias).toList();
    }

    private boolean providerExists(String alias) {
        return kc.realm().identityProviders().findAll().stream().anyMatch(idp -> alias.equals(idp.getAlias()));
    }

    private JsonNode connect(Agency agency, Map<String, Object> body) throws Exception {
        return fixtures.read(mvc.perform(fixtures.json(put(PATH, agency.tenantId()).with(Fixtures.as(agency.adminUserId())), body))
                .andExpect(status().isOk()).andReturn());
    }

    private List<JsonNode> audit(Agency agency, String action) throws Exception {
        JsonNode page = fixtures.read(mvc.perform(get("/api/tenants/{t}/audit", agency.tenantId()).param("action", action)
                .with(Fixtures.as(agency.adminUserId()))).andExpect(status().isOk()).andReturn());
        List<JsonNode> rows = new ArrayList<>();
        page.get("items").forEach(rows::add);
        return rows;
    }

    @Test
    void anAgencyAdminConnectsAnOidcProviderLinkedToTheOrganizationWithItsDomains() throws Exception {
        Agency agency = fixtures.agency("growth");
        String domain = domain();
        Map<String, Object> body = settings(domain);
        String secret = (String) body.get("clientSecret");

        JsonNode connected = connect(agency, body);

        String alias = "agency-" + agency.slug();
        assertThat(connected.get("alias").asString()).isEqualTo(alias);
        assertThat(connected.get("type").asString()).isEqualTo("oidc");
        assertThat(connected.get("displayName").asString()).isEqualTo("Acme Corp");
        assertThat(connected.get("issuer").asString()).isEqualTo(issuer());
        assertThat(connected.get("clientId").asString()).isEqualTo("waymark-broker");
        assertThat(connected.get("defaultRole").asString()).isEqualTo("agency-staff");
        assertThat(connected.get("redirectUri").asString())
                .isEqualTo(KeycloakTestServer.url() + "/realms/waymark/broker/" + alias + "/endpoint");
        assertThat(json.writeValueAsString(connected.get("domains"))).isEqualTo("[\"" + domain + "\"]");
        assertThat(connected.has("clientSecret")).isFalse();
        assertThat(connected.toString()).doesNotContain(secret);

        IdentityProviderRepresentation provider = kc.realm().identityProviders().get(alias).toRepresentation();
        assertThat(provider.getProviderId()).isEqualTo("oidc");
        assertThat(provider.isEnabled()).isTrue();
        assertThat(provider.isHideOnLogin()).isTrue();
        assertThat(provider.isTrustEmail()).isTrue();
        assertThat(provider.getDisplayName()).isEqualTo("Acme Corp");
        Map<String, String> config = provider.getConfig();
        assertThat(config).containsEntry("syncMode", "IMPORT")
                .containsEntry("clientId", "waymark-broker")
                .containsEntry("issuer", issuer())
                // from the provider's discovery document
                .containsEntry("authorizationUrl", issuer() + "/protocol/openid-connect/auth")
                .containsEntry("tokenUrl", issuer() + "/protocol/openid-connect/token")
                .containsEntry("jwksUrl", issuer() + "/protocol/openid-connect/certs")
                .containsEntry("validateSignature", "true")
                .containsEntry(IdentityBrokersKeys.ORG_DOMAIN, domain)
                .containsEntry(IdentityBrokersKeys.ORG_REDIRECT, "true");
        assertThat(config.get("clientSecret")).isNotEqualTo(secret);
        assertThat(linkedProviders(agency)).containsExactly(alias);
        assertThat(organizationDomains(agency)).containsExactly(domain);

        mvc.perform(get(PATH, agency.tenantId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alias").value(alias))
                .andExpect(jsonPath("$.domains[0]").value(domain))
                .andExpect(jsonPath("$.clientSecret").doesNotExist());
        List<JsonNode> rows = audit(agency, "identity-provider.connected");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("actor").get("userId").asString()).isEqualTo(agency.adminUserId());
        assertThat(rows.get(0).get("details").get("issuer").asString()).isEqualTo(issuer());
        assertThat(rows.get(0).toString()).doesNotContain(secret);
    }

    @Test
    void anUpdateChangesProviderAndDomainsAndADeleteRemovesItAll() throws Exception {
        Agency agency = fixtures.agency("growth");
        String alias = "agency-" + agency.slug();
        connect(agency, settings(domain()));

        String first = domain();
        String second = domain();
        Map<String, Object> change = settings(first);
        change.remove("clientSecret");
        change.put("displayName", "Acme Group");
        change.put("domains", List.of(first.toUpperCase(), second));
        change.put("defaultRole", "agency-admin");
        // explicit endpoints instead of discovery
        change.put("issuer", "https://login.acme.example/");
        change.put("authorizationUrl", "https://login.acme.example/authorize");
        change.put("tokenUrl", "https://login.acme.example/token");
        change.put("jwksUrl", "https://login.acme.example/keys");
        JsonNode updated = connect(agency, change);

        assertThat(updated.get("displayName").asString()).isEqualTo("Acme Group");
        assertThat(updated.get("defaultRole").asString()).isEqualTo("agency-admin");
        assertThat(json.writeValueAsString(updated.get("domains"))).isEqualTo("[\"" + first + "\",\"" + second + "\"]");
        IdentityProviderRepresentation provider = kc.realm().identityProviders().get(alias).toRepresentation();
        assertThat(provider.getDisplayName()).isEqualTo("Acme Group");
        assertThat(provider.getConfig()).containsEntry("authorizationUrl", "https://login.acme.example/authorize")
                .containsEntry("tokenUrl", "https://login.acme.example/token")
                .containsEntry(IdentityBrokersKeys.ORG_DOMAIN, "ANY");
        assertThat(provider.getConfig().get("clientSecret")).isNotBlank();
        assertThat(organizationDomains(agency)).containsExactlyInAnyOrder(first, second);
        assertThat(linkedProviders(agency)).containsExactly(alias);
        JsonNode row = audit(agency, "identity-provider.updated").get(0);
        assertThat(row.get("details").get("displayName").get("to").asString()).isEqualTo("Acme Group");
        assertThat(row.get("details").get("clientSecretChanged").asBoolean()).isFalse();

        mvc.perform(delete(PATH, agency.tenantId()).with(Fixtures.as(agency.adminUserId()))).andExpect(status().isNoContent());

        assertThat(providerExists(alias)).isFalse();
        assertThat(linkedProviders(agency)).isEmpty();
        assertThat(organizationDomains(agency)).isEmpty();
        mvc.perform(get(PATH, agency.tenantId()).with(Fixtures.as(agency.adminUserId()))).andExpect(status().isNotFound());
        mvc.perform(delete(PATH, agency.tenantId()).with(Fixtures.as(agency.adminUserId()))).andExpect(status().isNotFound());
        assertThat(audit(agency, "identity-provider.disconnected")).hasSize(1);
    }

    @Test
    void aDomainAnotherAgencyClaimedIsAConflictAndChangesNothing() throws Exception {
        Agency owner = fixtures.agency("growth");
        Agency other = fixtures.agency("growth");
        String domain = domain();
        connect(owner, settings(domain));

        mvc.perform(fixtures.json(put(PATH, other.tenantId()).with(Fixtures.as(other.adminUserId())),
                        settings(domain.toUpperCase())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("domains"));

        assertThat(providerExists("agency-" + other.slug())).isFalse();
        assertThat(organizationDomains(other)).isEmpty();
        assertThat(organizationDomains(owner)).containsExactly(domain);
    }

    @Test
    void badInputIsRejectedNamingTheFieldAndNothingIsCreatedInKeycloak() throws Exception {
        Agency agency = fixtures.agency("growth");
        String alias = "agency-" + agency.slug();

        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("type", with("type", "ldap"));
        cases.put("displayName", with("displayName", " "));
        cases.put("issuer", with("issuer", "ftp://login.acme.example"));
        cases.put("issuer ", with("issuer", "not a url"));
        cases.put("issuer  ", with("issuer", "http://127.0.0.1:9/realms/nowhere"));
        cases.put("tokenUrl", with("authorizationUrl", "https://login.acme.example/authorize"));
        cases.put("jwksUrl", with("jwksUrl", "javascript:alert(1)"));
        cases.put("clientId", with("clientId", ""));
        cases.put("clientSecret", with("clientSecret", null));
        cases.put("domains", with("domains", List.of()));
        cases.put("domains[1]", with("domains", List.of("acme.example", "not a domain")));
        cases.put("domains[0]", with("domains", List.of("localhost")));
        cases.put("defaultRole", with("defaultRole", "client-admin"));
        for (Map.Entry<String, Map<String, Object>> badCase : cases.entrySet()) {
            String field = badCase.getKey().trim();
            String response = mvc.perform(fixtures.json(put(PATH, agency.tenantId()).with(Fixtures.as(agency.adminUserId())),
                            badCase.getValue()))
                    .andExpect(status().isBadRequest())
                    .andReturn().getResponse().getContentAsString();
            assertThat(json.readTree(response).get("errors").findValuesAsString("field")).as(response).contains(field);
        }
        mvc.perform(fixtures.json(put(PATH, agency.tenantId()).with(Fixtures.as(agency.adminUserId())),
                Map.of("type", "oidc", "surprise", true))).andExpect(status().isBadRequest());

        assertThat(providerExists(alias)).isFalse();
        assertThat(linkedProviders(agency)).isEmpty();
        assertThat(organizationDomains(agency)).isEmpty();
        mvc.perform(get(PATH, agency.tenantId()).with(Fixtures.as(agency.adminUserId()))).andExpect(status().isNotFound());
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = settings(domain());
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value);
        }
        return body;
    }

    @Test
    void onlyTheAgencysAdminManagesItsProviderOthersGetForbiddenOrNotFound() throws Exception {
        Agency agency = fixtures.agency("growth");
        Agency neighbour = fixtures.agency("growth");
        connect(agency, settings(domain()));
        Member staff = fixtures.agencyMember(agency, "agency-staff");
        UUID workspace = fixtures.workspace(agency);
        Member clientAdmin = fixtures.clientMember(workspace, agency.adminUserId(), "client-admin");

        mvc.perform(fixtures.json(put(PATH, agency.tenantId()).with(Fixtures.as(staff.userId())), settings(domain())))
                .andExpect(status().isForbidden());
        mvc.perform(delete(PATH, agency.tenantId()).with(Fixtures.as(staff.userId()))).andExpect(status().isForbidden());
        mvc.perform(get(PATH, agency.tenantId()).with(Fixtures.as(staff.userId()))).andExpect(status().isOk());
        for (String outsider : List.of(neighbour.adminUserId(), clientAdmin.userId())) {
            mvc.perform(get(PATH, agency.tenantId()).with(Fixtures.as(outsider))).andExpect(status().isNotFound());
            mvc.perform(fixtures.json(put(PATH, agency.tenantId()).with(Fixtures.as(outsider)), settings(domain())))
                    .andExpect(status().isNotFound());
            mvc.perform(delete(PATH, agency.tenantId()).with(Fixtures.as(outsider))).andExpect(status().isNotFound());
        }
        assertThat(providerExists("agency-" + agency.slug())).isTrue();
        assertThat(providerExists("agency-" + neighbour.slug())).isFalse();
    }

    @Test
    void aUserWhoCameInThroughTheProviderBecomesAgencyStaffOnTheirFirstCallOnlyOnce() throws Exception {
        Agency agency = fixtures.agency("growth");
        String domain = domain();
        String alias = "agency-" + agency.slug();
        connect(agency, settings(domain));
        String organizationId = organization(agency).getId();
        // what Keycloak's first broker login leaves behind: a user linked to the provider, member of the organization
        String brokered = user("pat-" + Fixtures.unique() + "@" + domain);
        FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
        link.setIdentityProvider(alias);
        link.setUserId("external-" + Fixtures.unique());
        link.setUserName("pat");
        try (Response added = kc.realm().users().get(brokered).addFederatedIdentity(alias, link)) {
            assertThat(added.getStatus()).isEqualTo(204);
        }
        kc.realm().organizations().get(organizationId).members().addMember(brokered).close();
        // a member of the organization who did not come through the provider gets nothing
        String unlinked = user("lee-" + Fixtures.unique() + "@" + domain);
        kc.realm().organizations().get(organizationId).members().addMember(unlinked).close();

        mvc.perform(get("/api/me").with(Fixtures.as(brokered)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenant.id").value(agency.tenantId().toString()))
                .andExpect(jsonPath("$.tenant.role").value("agency-staff"));
        mvc.perform(get("/api/me").with(Fixtures.as(unlinked)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenant").isEmpty());

        assertThat(jdbc.sql("select role from access_membership where scope_id = ? and user_id = ?")
                .params(agency.tenantId(), brokered).query(String.class).single()).isEqualTo("agency-staff");
        mvc.perform(get("/api/tenants/{t}/members", agency.tenantId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(jsonPath("$.items[?(@.userId == '" + brokered + "')].role").value("agency-staff"));
        List<JsonNode> joined = audit(agency, "identity-provider.member-joined");
        assertThat(joined).hasSize(1);
        assertThat(joined.get(0).get("actor").get("userId").asString()).isEqualTo(brokered);
        assertThat(joined.get(0).get("target").get("id").asString()).isEqualTo(brokered);

        // removed by an admin, the user is not let back in by their next call, even when still in the organization
        mvc.perform(delete("/api/tenants/{t}/members/{u}", agency.tenantId(), brokered).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isNoContent());
        kc.realm().organizations().get(organizationId).members().addMember(brokered).close();
        mvc.perform(get("/api/me").with(Fixtures.as(brokered)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenant").isEmpty());
        assertThat(audit(agency, "identity-provider.member-joined")).hasSize(1);
    }

    @Test
    void deletingTheAgencyDeletesItsProviderAndFreesItsDomains() throws Exception {
        Agency agency = fixtures.agency("growth");
        String domain = domain();
        connect(agency, settings(domain));
        assertThat(providerExists("agency-" + agency.slug())).isTrue();

        mvc.perform(delete("/api/admin/tenants/{t}", agency.tenantId()).with(Fixtures.platformAdmin()))
                .andExpect(status().isAccepted());

        assertThat(providerExists("agency-" + agency.slug())).isFalse();
        Agency next = fixtures.agency("growth");
        connect(next, settings(domain));
        assertThat(organizationDomains(next)).containsExactly(domain);
    }

    @Test
    void rolesAnOperatorGrantsWhileTheServiceRunsCountAtOnce() throws Exception {
        Agency agency = fixtures.agency("growth");
        try (Keycloak operator = KeycloakBuilder.builder().serverUrl(KeycloakTestServer.url()).realm("master")
                .clientId("admin-cli").grantType(OAuth2Constants.PASSWORD)
                .username(KeycloakTestServer.ADMIN_USERNAME).password(KeycloakTestServer.ADMIN_PASSWORD).build()) {
            RealmResource realm = operator.realm("waymark");
            String realmManagement = realm.clients().findByClientId("realm-management").get(0).getId();
            String tenantService = realm.clients().findByClientId("waymark-tenant-service").get(0).getId();
            String serviceAccount = realm.clients().get(tenantService).getServiceAccountUser().getId();
            List<RoleRepresentation> roles = List.of(
                    realm.clients().get(realmManagement).roles().get("manage-identity-providers").toRepresentation(),
                    realm.clients().get(realmManagement).roles().get("view-identity-providers").toRepresentation());
            RoleScopeResource granted = realm.users().get(serviceAccount).roles().clientLevel(realmManagement);
            try {
                granted.remove(roles);
                // the service now holds a token without the roles, as before an operator fixes the realm
                keycloak.tokenManager().grantToken();
                granted.add(roles);

                connect(agency, settings(domain()));

                assertThat(providerExists("agency-" + agency.slug())).isTrue();
            } finally {
                granted.add(roles);
            }
        }
    }

    private String user(String email) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName("Pat");
        user.setLastName("Brokered");
        user.setEnabled(true);
        try (Response response = kc.realm().users().create(user)) {
            assertThat(response.getStatus()).isEqualTo(201);
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    /** Keycloak's organization settings on an identity provider. */
    static final class IdentityBrokersKeys {
        static final String ORG_DOMAIN = "kc.org.domain";
        static final String ORG_REDIRECT = "kc.org.broker.redirect.mode.email-matches";
    }
}
