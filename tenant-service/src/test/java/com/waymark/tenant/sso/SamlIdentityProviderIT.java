package com.waymark.tenant.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.tenant.support.Fixtures;
import com.waymark.tenant.support.Fixtures.Agency;
import com.waymark.tenant.support.KeycloakProbe;
import com.waymark.tenant.support.KeycloakTestServer;
import com.waymark.tenant.support.TenantServiceTest;

/**
 * An agency connects a SAML 2.0 IdP. The test Keycloak's {@code master} realm stands in for the
 * company's IdP: its SAML descriptor is real metadata, so Keycloak imports a working configuration.
 */
@TenantServiceTest
class SamlIdentityProviderIT {

    private static final String PATH = "/api/tenants/{tenantId}/identity-provider";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    Keycloak keycloak;

    Fixtures fixtures;
    KeycloakProbe kc;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(mvc, json);
        kc = new KeycloakProbe(keycloak);
    }

    static String idp() {
        return KeycloakTestServer.url() + "/realms/master";
    }

    private Map<String, Object> fromMetadata(String domain) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "saml");
        body.put("displayName", "Acme SAML");
        body.put("metadataUrl", idp() + "/protocol/saml/descriptor");
        body.put("domains", List.of(domain));
        return body;
    }

    @Test
    void anAgencyConnectsASamlIdpFromItsMetadataAndKeycloakHoldsAWorkingSamlBrokerLinkedToTheOrganization() throws Exception {
        Agency agency = fixtures.agency("growth");
        String domain = "saml-" + Fixtures.unique() + ".example";

        JsonNode connected = fixtures.read(mvc.perform(fixtures.json(put(PATH, agency.tenantId())
                .with(Fixtures.as(agency.adminUserId())), fromMetadata(domain))).andExpect(status().isOk()).andReturn());

        String alias = "agency-" + agency.slug();
        assertThat(connected.get("type").asString()).isEqualTo("saml");
        assertThat(connected.get("issuer").asString()).as("the IdP's entity id").isEqualTo(idp());
        IdentityProviderRepresentation provider = kc.realm().identityProviders().get(alias).toRepresentation();
        assertThat(provider.getProviderId()).isEqualTo("saml");
        assertThat(provider.getConfig()).containsEntry("idpEntityId", idp())
                .containsEntry("singleSignOnServiceUrl", idp() + "/protocol/saml")
                .containsEntry("validateSignature", "true")
                .containsEntry("kc.org.domain", domain);
        assertThat(provider.getConfig().get("signingCertificate")).isNotBlank();
        String organizationId = kc.organizationOf(agency.tenantId()).orElseThrow().getId();
        assertThat(kc.realm().organizations().get(organizationId).identityProviders().getIdentityProviders())
                .extracting(IdentityProviderRepresentation::getAlias).contains(alias);

        // Keycloak serves the service-provider metadata of the broker: the SAML provider is live
        HttpResponse<String> descriptor = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                KeycloakTestServer.url() + "/realms/waymark/broker/" + alias + "/endpoint/descriptor")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(descriptor.statusCode()).isEqualTo(200);
        assertThat(descriptor.body()).contains("AssertionConsumerService", "/realms/waymark/broker/" + alias + "/endpoint");

        mvc.perform(get(PATH, agency.tenantId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.type").value("saml"));
    }

    @Test
    void anAgencyConnectsASamlIdpFromExplicitSettings() throws Exception {
        Agency donor = fixtures.agency("growth");
        mvc.perform(fixtures.json(put(PATH, donor.tenantId()).with(Fixtures.as(donor.adminUserId())),
                fromMetadata("donor-" + Fixtures.unique() + ".example"))).andExpect(status().isOk());
        String certificate = kc.realm().identityProviders().get("agency-" + donor.slug()).toRepresentation().getConfig()
                .get("signingCertificate");
        Agency agency = fixtures.agency("growth");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "saml");
        body.put("displayName", "Explicit SAML");
        body.put("entityId", idp());
        body.put("singleSignOnServiceUrl", idp() + "/protocol/saml");
        body.put("signingCertificate", "-----BEGIN CERTIFICATE-----\n" + certificate + "\n-----END CERTIFICATE-----");
        body.put("domains", List.of("explicit-" + Fixtures.unique() + ".example"));

        mvc.perform(fixtures.json(put(PATH, agency.tenantId()).with(Fixtures.as(agency.adminUserId())), body))
                .andExpect(status().isOk());

        assertThat(kc.realm().identityProviders().get("agency-" + agency.slug()).toRepresentation().getConfig())
                .containsEntry("signingCertificate", certificate)
                .containsEntry("idpEntityId", idp());
    }

    @Test
    void unreadableMetadataOrABrokenCertificateIsRefusedNamingTheFieldAndNothingIsCreated() throws Exception {
        Agency agency = fixtures.agency("growth");
        Map<String, Object> unreadable = fromMetadata("bad-" + Fixtures.unique() + ".example");
        unreadable.put("metadataUrl", KeycloakTestServer.url() + "/realms/no-such-realm/protocol/saml/descriptor");
        Map<String, Object> broken = new LinkedHashMap<>(Map.of("type", "saml", "displayName", "Broken",
                "entityId", idp(), "singleSignOnServiceUrl", idp() + "/protocol/saml", "signingCertificate", "AAAA",
                "domains", List.of("broken-" + Fixtures.unique() + ".example")));

        mvc.perform(fixtures.json(put(PATH, agency.tenantId()).with(Fixtures.as(agency.adminUserId())), unreadable))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("metadataUrl"));
        mvc.perform(fixtures.json(put(PATH, agency.tenantId()).with(Fixtures.as(agency.adminUserId())), broken))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("signingCertificate"));

        assertThat(kc.realm().identityProviders().findAll()).extracting(IdentityProviderRepresentation::getAlias)
                .doesNotContain("agency-" + agency.slug());
    }
}
