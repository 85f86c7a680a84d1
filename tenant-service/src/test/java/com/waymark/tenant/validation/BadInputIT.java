package com.waymark.tenant.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.test.TestInfrastructure;
import com.waymark.tenant.support.Fixtures;
import com.waymark.tenant.support.Fixtures.Agency;
import com.waymark.tenant.support.KeycloakProbe;
import com.waymark.tenant.support.KeycloakTestServer;
import com.waymark.tenant.support.TenantServiceTest;

/**
 * Every control-plane endpoint that takes a body, fed malformed JSON, wrong types, unknown and missing
 * fields, 1 MB strings, invisible or broken Unicode, SQL- and script-looking text: each answers 400
 * problem+json naming the field, and nothing is written — neither a row of the agency (or a new
 * agency) nor a Keycloak user, organization or identity provider. The cases are generated from the
 * table of endpoints and field kinds below rather than written one by one.
 */
@TenantServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    /** What a field holds decides which bad values it must refuse. */
    enum Kind {
        /** free text (names of agencies and workspaces, industry, client id): any printable text */
        TEXT,
        /** a person's name, which Keycloak stores too: printable text without Keycloak's forbidden characters */
        PERSON,
        /** a value of a fixed shape (slug, e-mail, role, plan, username, type) */
        SHAPED,
        /** an http(s) URL */
        URL,
        /** a list of domain names */
        DOMAINS,
        /** a password chosen by an invited person */
        PASSWORD
    }

    record Field(String name, Kind kind, boolean required) {
    }

    /**
     * One endpoint: {@code path} with {@code {tenantId}}, {@code {workspaceId}} and {@code {token}}
     * placeholders, who calls it, and a body it would accept (raw JSON values).
     */
    record Endpoint(String name, HttpMethod method, String path, String caller, Map<String, String> validBody,
            List<Field> fields) {
    }

    /** One bad request and the field its answer must name. */
    record Case(Endpoint endpoint, String what, String body, String field) {
        @Override
        public String toString() {
            return endpoint.name() + ": " + what;
        }
    }

    static final String ONE_MEGABYTE = "x".repeat(1024 * 1024);

    /** Values refused by every kind of string field (raw JSON). */
    static final Map<String, String> BAD_FOR_ANY_STRING = Map.ofEntries(
            Map.entry("a number", "123"),
            Map.entry("a boolean", "true"),
            Map.entry("an array", "[\"x\"]"),
            Map.entry("an object", "{\"x\":\"y\"}"),
            Map.entry("a 1 MB string", quote(ONE_MEGABYTE)),
            Map.entry("a NUL character", quote("Acme\u0000Corp")),
            Map.entry("a right-to-left override", quote("Acme\u202Egnp.exe")),
            Map.entry("a zero-width space", quote("Ac\u200Bme")),
            Map.entry("a lone surrogate", quote("Acme\uD800")),
            Map.entry("a line break", quote("Acme\nCorp")));

    /** Refused where a name goes to Keycloak, a shape is required or a URL is expected. */
    static final Map<String, String> SQL_AND_SCRIPT = Map.of(
            "SQL-looking text", quote("Robert'); DROP TABLE tenant;--"),
            "script-looking text", quote("<script>alert(1)</script>"));

    static final Map<String, String> BAD_SHAPES = Map.of(
            "an emoji", quote("\uD83D\uDE00"),
            "an empty string", quote(""));

    static final Map<String, String> BAD_URLS = Map.of(
            "a javascript: URL", quote("javascript:alert(1)"),
            "an ftp URL", quote("ftp://files.example.com"),
            "a URL with user info", quote("https://user:secret@idp.example.com"),
            "an emoji host", quote("https://\uD83D\uDE00.example"));

    static final Map<String, String> BAD_DOMAINS = Map.ofEntries(
            Map.entry("a string instead of a list", quote("acme.example")),
            Map.entry("an empty list", "[]"),
            Map.entry("a number in the list", "[123]"),
            Map.entry("null in the list", "[null]"),
            Map.entry("an emoji domain", "[" + quote("\uD83D\uDE00.example") + "]"),
            Map.entry("a SQL-looking domain", "[" + quote("x' or '1'='1") + "]"),
            Map.entry("a 1 MB domain", "[" + quote(ONE_MEGABYTE) + "]"),
            Map.entry("a right-to-left override in a domain", "[" + quote("acme\u202E.example") + "]"),
            Map.entry("21 domains", "[" + String.join(",", java.util.Collections.nCopies(21, quote("a.example"))) + "]"));

    static final Map<String, String> BAD_PASSWORDS = Map.of(
            "a short password", quote("short"),
            "a NUL in the password", quote("long enough\u0000password"),
            "a 1 MB password", quote(ONE_MEGABYTE));

    /**
     * Bodies refused whatever the endpoint, naming {@code body} (truncated JSON may name the field it
     * broke off in, hence only "some field").
     */
    static final Map<String, String> BAD_DOCUMENTS = Map.of(
            "an empty body", "",
            "a JSON array", "[]",
            "JSON null", "null",
            "a JSON string", "\"hello\"",
            "not JSON at all", "name=Acme&slug=acme",
            "a trailing second document", "{} {}");

    static List<Endpoint> endpoints() {
        Map<String, String> member = body("email", quote("pat@people.test"), "name", quote("Pat Doe"), "role", quote("agency-staff"));
        Map<String, String> client = body("email", quote("pat@people.test"), "name", quote("Pat Doe"), "role", quote("client-viewer"));
        List<Field> memberFields = List.of(new Field("email", Kind.SHAPED, true), new Field("name", Kind.PERSON, true),
                new Field("username", Kind.SHAPED, false), new Field("role", Kind.SHAPED, true));
        List<Field> invitationFields = List.of(new Field("email", Kind.SHAPED, true), new Field("name", Kind.PERSON, true),
                new Field("role", Kind.SHAPED, true));
        Map<String, String> agencyInvitation = new LinkedHashMap<>(member);
        Map<String, String> clientInvitation = new LinkedHashMap<>(client);
        return List.of(
                new Endpoint("provision an agency", HttpMethod.POST, "/api/admin/tenants", "platform-admin",
                        body("name", quote("Bad Input Agency"), "slug", quote("bad-input-agency"), "plan", quote("growth"),
                                "adminEmail", quote("boss@bad-input.test"), "adminName", quote("Bo Boss")),
                        List.of(new Field("name", Kind.TEXT, true), new Field("slug", Kind.SHAPED, true),
                                new Field("plan", Kind.SHAPED, true), new Field("adminEmail", Kind.SHAPED, true),
                                new Field("adminName", Kind.PERSON, true), new Field("adminUsername", Kind.SHAPED, false))),
                new Endpoint("change an agency", HttpMethod.PATCH, "/api/admin/tenants/{tenantId}", "platform-admin",
                        body("name", quote("Renamed Agency")),
                        List.of(new Field("name", Kind.TEXT, false), new Field("plan", Kind.SHAPED, false),
                                new Field("status", Kind.SHAPED, false))),
                new Endpoint("create a workspace", HttpMethod.POST, "/api/tenants/{tenantId}/workspaces", "agency-admin",
                        body("name", quote("Client Co"), "slug", quote("client-co"), "industry", quote("retail")),
                        List.of(new Field("name", Kind.TEXT, true), new Field("slug", Kind.SHAPED, true),
                                new Field("industry", Kind.TEXT, false))),
                new Endpoint("change a workspace", HttpMethod.PATCH, "/api/tenants/{tenantId}/workspaces/{workspaceId}",
                        "agency-admin", body("name", quote("Renamed Client")),
                        List.of(new Field("name", Kind.TEXT, false), new Field("slug", Kind.SHAPED, false),
                                new Field("industry", Kind.TEXT, false))),
                new Endpoint("add an agency member", HttpMethod.POST, "/api/tenants/{tenantId}/members", "agency-admin", member,
                        memberFields),
                new Endpoint("add a client member", HttpMethod.POST, "/api/workspaces/{workspaceId}/members", "agency-admin",
                        client, memberFields),
                new Endpoint("connect an identity provider", HttpMethod.PUT, "/api/tenants/{tenantId}/identity-provider",
                        "agency-admin",
                        body("type", quote("oidc"), "displayName", quote("Acme"), "issuer", quote(KeycloakTestServer.url() + "/realms/master"),
                                "clientId", quote("waymark"), "clientSecret", quote("s3cret"), "domains", "[" + quote("acme-bad.example") + "]"),
                        List.of(new Field("type", Kind.SHAPED, true), new Field("displayName", Kind.TEXT, true),
                                new Field("issuer", Kind.URL, true), new Field("authorizationUrl", Kind.URL, false),
                                new Field("tokenUrl", Kind.URL, false), new Field("jwksUrl", Kind.URL, false),
                                new Field("userInfoUrl", Kind.URL, false), new Field("clientId", Kind.TEXT, true),
                                new Field("clientSecret", Kind.TEXT, true), new Field("domains", Kind.DOMAINS, true),
                                new Field("defaultRole", Kind.SHAPED, false))),
                new Endpoint("connect a SAML identity provider", HttpMethod.PUT, "/api/tenants/{tenantId}/identity-provider",
                        "agency-admin",
                        body("type", quote("saml"), "displayName", quote("Acme SAML"),
                                "metadataUrl", quote(KeycloakTestServer.url() + "/realms/master/protocol/saml/descriptor"),
                                "domains", "[" + quote("acme-saml-bad.example") + "]"),
                        List.of(new Field("displayName", Kind.TEXT, true), new Field("metadataUrl", Kind.URL, true),
                                new Field("domains", Kind.DOMAINS, true), new Field("entityId", Kind.TEXT, false),
                                new Field("singleSignOnServiceUrl", Kind.URL, false),
                                new Field("signingCertificate", Kind.SHAPED, false), new Field("issuer", Kind.URL, false),
                                new Field("clientSecret", Kind.TEXT, false))),
                new Endpoint("invite to the agency", HttpMethod.POST, "/api/tenants/{tenantId}/invitations", "agency-admin",
                        agencyInvitation, invitationFields),
                new Endpoint("invite to a workspace", HttpMethod.POST, "/api/workspaces/{workspaceId}/invitations", "agency-admin",
                        clientInvitation, invitationFields),
                new Endpoint("accept an invitation", HttpMethod.POST, "/public/api/invitations/{token}/accept", "anonymous",
                        body("password", quote("a long enough password")), List.of(new Field("password", Kind.PASSWORD, true))));
    }

    static Stream<Case> badBodies() {
        List<Case> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            BAD_DOCUMENTS.forEach((what, body) -> cases.add(new Case(endpoint, what, body, "body")));
            cases.add(new Case(endpoint, "truncated JSON", "{\"name\": \"Acme", ""));
            Map<String, String> unknown = new LinkedHashMap<>(endpoint.validBody());
            unknown.put("isAdmin", "true");
            cases.add(new Case(endpoint, "an unknown field", render(unknown), "isAdmin"));
            for (Field field : endpoint.fields()) {
                if (field.required()) {
                    Map<String, String> missing = new LinkedHashMap<>(endpoint.validBody());
                    missing.remove(field.name());
                    cases.add(new Case(endpoint, field.name() + " missing", render(missing), field.name()));
                    cases.add(new Case(endpoint, field.name() + " null", render(with(endpoint, field, "null")), field.name()));
                }
                Map<String, String> bad = new LinkedHashMap<>();
                if (field.kind() != Kind.DOMAINS) {
                    bad.putAll(BAD_FOR_ANY_STRING);
                }
                switch (field.kind()) {
                    case PERSON -> bad.putAll(SQL_AND_SCRIPT);
                    case SHAPED -> {
                        bad.putAll(SQL_AND_SCRIPT);
                        bad.putAll(BAD_SHAPES);
                    }
                    case URL -> {
                        bad.putAll(SQL_AND_SCRIPT);
                        bad.putAll(BAD_URLS);
                    }
                    case DOMAINS -> bad.putAll(BAD_DOMAINS);
                    case PASSWORD -> bad.putAll(BAD_PASSWORDS);
                    case TEXT -> {
                        if (field.required()) {
                            bad.put("blank text", quote("   "));
                        }
                    }
                }
                bad.forEach((what, value) -> cases.add(new Case(endpoint, field.name() + " as " + what,
                        render(with(endpoint, field, value)), field.name())));
            }
        }
        return cases.stream();
    }

    /** Ids in the path that name nothing the caller may see: 404, whatever they look like. */
    static Stream<Case> badPathIds() {
        List<String> ids = List.of("not-a-uuid", "1", "'OR'1'='1", "<script>", "\uD83D\uDE00", "00000000-0000-0000-0000-000000000000",
                UUID.randomUUID().toString());
        List<Case> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.path().contains("{")) {
                continue;
            }
            for (String id : ids) {
                cases.add(new Case(endpoint, "path id " + id, render(endpoint.validBody()), id));
            }
        }
        return cases.stream();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    Keycloak keycloak;

    Fixtures fixtures;
    KeycloakProbe kc;
    Agency agency;
    UUID workspaceId;
    String token;
    Connection database;

    @BeforeAll
    void setUp() throws Exception {
        fixtures = new Fixtures(mvc, json);
        kc = new KeycloakProbe(keycloak);
        agency = fixtures.agency("growth");
        workspaceId = fixtures.workspace(agency);
        JsonNode invitation = fixtures.read(mvc.perform(fixtures.json(post("/api/workspaces/{w}/invitations", workspaceId)
                .with(Fixtures.as(agency.adminUserId())),
                Map.of("email", "invited-" + Fixtures.unique() + "@people.test", "name", "Ivy Invited", "role", "client-editor")))
                .andExpect(status().isCreated()).andReturn());
        String link = invitation.get("link").asString();
        token = link.substring(link.lastIndexOf('/') + 1);
        database = TestInfrastructure.adminConnection("tenant-service");
    }

    @AfterAll
    void closeDatabase() throws SQLException {
        database.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBadBodyIsRefusedNamingTheFieldAndWritesNothing(Case bad) throws Exception {
        Map<String, Long> before = snapshot();

        MockHttpServletResponse response = perform(bad.endpoint(), bad.body(), Function.identity());

        assertThat(response.getStatus()).as(bad + " → " + response.getContentAsString()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(response.getContentAsString());
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).as(bad.toString()).anySatisfy(field -> assertThat(field).startsWith(bad.field()));
        assertThat(response.getContentAsString()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("sql");
        assertThat(snapshot()).as("nothing written by " + bad).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPathIds")
    void anIdInThePathThatNamesNothingIsNotFoundAndWritesNothing(Case bad) throws Exception {
        Map<String, Long> before = snapshot();

        MockHttpServletResponse response = perform(bad.endpoint(), bad.body(),
                path -> path.replace(agency.tenantId().toString(), bad.field()).replace(workspaceId.toString(), bad.field())
                        .replace(token, bad.field()));

        assertThat(response.getStatus()).as(bad + " → " + response.getContentAsString()).isEqualTo(404);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(snapshot()).as("nothing written by " + bad).isEqualTo(before);
    }

    @Test
    void theInvitationUsedForTheBadAcceptsIsStillOpen() throws Exception {
        mvc.perform(get("/public/api/invitations/{token}", token)).andExpect(status().isOk());
    }

    private MockHttpServletResponse perform(Endpoint endpoint, String body, Function<String, String> pathChange) throws Exception {
        String path = pathChange.apply(endpoint.path().replace("{tenantId}", agency.tenantId().toString())
                .replace("{workspaceId}", workspaceId.toString()).replace("{token}", token));
        MockHttpServletRequestBuilder request = request(endpoint.method(), java.net.URI.create(encodePath(path)))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .content(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        RequestPostProcessor caller = switch (endpoint.caller()) {
            case "platform-admin" -> Fixtures.platformAdmin();
            case "agency-admin" -> Fixtures.as(agency.adminUserId());
            default -> null;
        };
        if (caller != null) {
            request.with(caller);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Row counts of everything a request could have written, and Keycloak's users, organizations and providers. */
    private Map<String, Long> snapshot() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("tenant", count("select count(*) from tenant"));
        counts.put("tenant versions", count("select coalesce(sum(version), 0) from tenant where id = '" + agency.tenantId() + "'"));
        counts.put("admin_idempotent_request", count("select count(*) from admin_idempotent_request"));
        for (String table : List.of("workspace", "tenant_member", "workspace_member", "audit_event", "outbox", "identity_provider",
                "invitation", "invitation_link", "idempotent_request", "sso_grant")) {
            counts.put(table, count("select count(*) from " + table + " where tenant_id = '" + agency.tenantId() + "'"));
        }
        counts.put("workspace versions", count("select coalesce(sum(version), 0) from workspace where tenant_id = '"
                + agency.tenantId() + "'"));
        counts.put("pending invitations", count("select count(*) from invitation where tenant_id = '" + agency.tenantId()
                + "' and accepted_at is null and revoked_at is null"));
        counts.put("keycloak users", (long) kc.userCount());
        counts.put("keycloak organizations", kc.organizationCount());
        counts.put("keycloak identity providers", (long) kc.realm().identityProviders().findAll().size());
        return counts;
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, String> with(Endpoint endpoint, Field field, String value) {
        Map<String, String> body = new LinkedHashMap<>(endpoint.validBody());
        body.put(field.name(), value);
        return body;
    }

    private static Map<String, String> body(String... keysAndValues) {
        Map<String, String> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    private static String render(Map<String, String> body) {
        StringBuilder json = new StringBuilder("{");
        body.forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append(quote(key)).append(':').append(value));
        return json.append('}').toString();
    }

    /** A JSON string literal with everything outside printable ASCII escaped, so even a lone surrogate survives. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\' || c < 0x20 || c > 0x7e) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static String encodePath(String path) {
        return String.join("/", Stream.of(path.split("/", -1))
                .map(segment -> java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .toList());
    }
}
