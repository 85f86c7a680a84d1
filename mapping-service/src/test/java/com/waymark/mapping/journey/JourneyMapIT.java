package com.waymark.mapping.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.Api;
import com.waymark.mapping.Maps;
import com.waymark.mapping.MappingIntegrationTest;
import com.waymark.platform.access.Role;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;
import com.waymark.platform.test.TestUsers;

class JourneyMapIT extends MappingIntegrationTest {

    private static final String JOURNEYS = "/api/workspaces/{ws}/journeys";
    private static final String JOURNEY = JOURNEYS + "/{j}";
    private static final String STAGES = JOURNEY + "/stages";
    private static final String TOUCHPOINTS = STAGES + "/{s}/touchpoints";


    Tenancy.Workspace workspace;
    String editor;
    Maps maps;

    @BeforeEach
    void setUp() {
        Tenancy tenancy = new Tenancy(access);
        workspace = tenancy.newWorkspace();
        editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
        maps = new Maps(api, workspace, editor);
    }

    @Test
    void aMapBuiltThroughTheApiReadsBackWhole() throws Exception {
        UUID online = maps.channel("Online");
        UUID store = maps.channel("Store");
        UUID persona = maps.persona("Busy parent");
        api.post(editor, JOURNEYS, """
                {"name":"Buy online, return in store","personaId":"%s","state":"future","ownerName":"Cora",
                 "reviewEveryDays":30,"description":"From first ad to refund"}""".formatted(persona), ws())
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, org.hamcrest.Matchers.matchesPattern(
                        ".*/api/workspaces/" + ws() + "/journeys/[0-9a-f-]{36}")))
                .andExpect(header().exists(HttpHeaders.ETAG))
                .andExpect(jsonPath("$.stages").isEmpty());
        UUID journey = Api.id(api.read(editor, JOURNEYS, ws()).get("items").get(0));
        UUID awareness = maps.stage(journey, "Awareness");
        UUID purchase = maps.stage(journey, "Purchase");
        UUID support = maps.stage(journey, "Support");
        JsonNode consideration = api.create(editor, STAGES, "{\"name\":\"Consideration\",\"position\":1}", ws(), journey);
        assertThat(consideration.get("position").asInt()).isEqualTo(1);
        assertThat(consideration.get("journeyId").asString()).isEqualTo(journey.toString());

        JsonNode checkout = api.create(editor, TOUCHPOINTS, """
                {"name":"Checkout page","channelId":"%s","expectedEmotion":-1,"owningTeam":"E-commerce",
                 "customerAction":{"text":"Enters card details","owningTeam":"Customer"},
                 "backstage":{"text":"Fraud check","owningTeam":"Payments"},
                 "support":{"text":"Payment gateway"}}""".formatted(online), ws(), journey, purchase);
        api.create(editor, TOUCHPOINTS, """
                {"name":"Order confirmation email","channelId":"%s","expectedEmotion":2,"position":0}""".formatted(online),
                ws(), journey, purchase);
        api.create(editor, TOUCHPOINTS, """
                {"name":"Returns desk","channelId":"%s","expectedEmotion":-2}""".formatted(store), ws(), journey, support);
        JsonNode painPoint = api.create(editor, JOURNEY + "/painPoints", """
                {"touchpointId":"%s","title":"Card rejected without reason","severity":4}""".formatted(Api.id(checkout)),
                ws(), journey);
        api.create(editor, JOURNEY + "/opportunities", """
                {"painPointId":"%s","title":"Explain declines","impact":4,"effort":2,"status":"planned","owner":"Payments"}"""
                .formatted(Api.id(painPoint)), ws(), journey);
        api.create(editor, JOURNEY + "/evidence", """
                {"stageId":"%s","kind":"quote","text":"I never know if my return arrived","source":"Interview 12",
                 "link":"https://research.example/12"}""".formatted(support), ws(), journey);

        JsonNode map = api.read(editor, JOURNEY, ws(), journey);

        assertThat(map.get("name").asString()).isEqualTo("Buy online, return in store");
        assertThat(map.get("personaId").asString()).isEqualTo(persona.toString());
        assertThat(map.get("state").asString()).isEqualTo("future");
        assertThat(map.get("ownerName").asString()).isEqualTo("Cora");
        assertThat(map.get("reviewEveryDays").asInt()).isEqualTo(30);
        assertThat(map.get("reviewDue").asBoolean()).isFalse();
        assertThat(names(map.get("stages"), "name")).containsExactly("Awareness", "Consideration", "Purchase", "Support");
        assertThat(names(map.get("stages"), "position")).containsExactly("0", "1", "2", "3");
        assertThat(map.get("stages").get(0).get("id").asString()).isEqualTo(awareness.toString());
        JsonNode purchaseStage = map.get("stages").get(2);
        assertThat(purchaseStage.get("id").asString()).isEqualTo(purchase.toString());
        assertThat(names(purchaseStage.get("touchpoints"), "name")).containsExactly("Order confirmation email", "Checkout page");
        assertThat(names(purchaseStage.get("touchpoints"), "position")).containsExactly("0", "1");
        JsonNode readCheckout = purchaseStage.get("touchpoints").get(1);
        assertThat(readCheckout.get("id").asString()).isEqualTo(Api.id(checkout).toString());
        assertThat(readCheckout.get("stageId").asString()).isEqualTo(purchase.toString());
        assertThat(readCheckout.get("channelId").asString()).isEqualTo(online.toString());
        assertThat(readCheckout.get("expectedEmotion").asInt()).isEqualTo(-1);
        assertThat(readCheckout.get("owningTeam").asString()).isEqualTo("E-commerce");
        assertThat(readCheckout.get("customerAction").get("text").asString()).isEqualTo("Enters card details");
        assertThat(readCheckout.get("customerAction").get("owningTeam").asString()).isEqualTo("Customer");
        assertThat(readCheckout.get("frontstage").isNull()).isTrue();
        assertThat(readCheckout.get("backstage").get("owningTeam").asString()).isEqualTo("Payments");
        assertThat(readCheckout.get("support").get("text").asString()).isEqualTo("Payment gateway");
        assertThat(readCheckout.get("support").get("owningTeam").isNull()).isTrue();
        assertThat(names(map.get("stages").get(3).get("touchpoints"), "name")).containsExactly("Returns desk");
        assertThat(map.get("stages").get(0).get("touchpoints")).isEmpty();

        JsonNode readPainPoint = map.get("painPoints").get(0);
        assertThat(readPainPoint.get("title").asString()).isEqualTo("Card rejected without reason");
        assertThat(readPainPoint.get("stageId").asString()).as("a touchpoint implies its stage").isEqualTo(purchase.toString());
        assertThat(readPainPoint.get("severity").asInt()).isEqualTo(4);
        JsonNode opportunity = map.get("opportunities").get(0);
        assertThat(opportunity.get("painPointId").asString()).isEqualTo(Api.id(painPoint).toString());
        assertThat(opportunity.get("status").asString()).isEqualTo("planned");
        assertThat(opportunity.get("impact").asInt()).isEqualTo(4);
        assertThat(opportunity.get("effort").asInt()).isEqualTo(2);
        JsonNode evidence = map.get("evidence").get(0);
        assertThat(evidence.get("kind").asString()).isEqualTo("quote");
        assertThat(evidence.get("stageId").asString()).isEqualTo(support.toString());
        assertThat(evidence.get("source").asString()).isEqualTo("Interview 12");
        assertThat(evidence.get("link").asString()).isEqualTo("https://research.example/12");
    }

    @Test
    void aJourneyHasSensibleDefaults() throws Exception {
        JsonNode created = api.create(editor, JOURNEYS, "{\"name\":\"Open an account\"}", ws());

        assertThat(created.get("state").asString()).isEqualTo("current");
        assertThat(created.get("reviewEveryDays").asInt()).isEqualTo(90);
        assertThat(created.get("personaId").isNull()).isTrue();
        assertThat(created.get("painPoints")).isEmpty();
        assertThat(created.get("opportunities")).isEmpty();
        assertThat(created.get("evidence")).isEmpty();
    }

    @Test
    void stagesAreReorderedOnlyByNamingEachOfThemOnce() throws Exception {
        UUID journey = maps.journey("Support call");
        UUID first = maps.stage(journey, "First");
        UUID second = maps.stage(journey, "Second");
        UUID third = maps.stage(journey, "Third");
        String path = STAGES + "/order";

        api.call(editor, HttpMethod.PUT, path, order(third, first, second), ws(), journey)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Third"))
                .andExpect(jsonPath("$[2].position").value(2));
        for (String invalid : List.of(order(first, second), order(first, second, third, UUID.randomUUID()),
                order(first, second, second), "{}")) {
            api.call(editor, HttpMethod.PUT, path, invalid, ws(), journey)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("stageIds"));
        }

        assertThat(names(api.read(editor, JOURNEY, ws(), journey).get("stages"), "name"))
                .containsExactly("Third", "First", "Second");
    }

    @Test
    void touchpointsAreReorderedOnlyByNamingEachOfTheStageOnceAndWithTheCurrentVersion() throws Exception {
        UUID online = maps.channel("Online");
        UUID journey = maps.journey("Checkout");
        UUID stage = maps.stage(journey, "Pay");
        UUID other = maps.stage(journey, "After");
        UUID form = maps.touchpoint(journey, stage, "Form", online);
        UUID button = maps.touchpoint(journey, stage, "Button", online);
        UUID receipt = maps.touchpoint(journey, stage, "Receipt", online);
        UUID elsewhere = maps.touchpoint(journey, other, "Survey", online);
        String path = TOUCHPOINTS + "/order";
        String etag = api.get(editor, JOURNEY, ws(), journey).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        long events = outboxCount();

        mvc.perform(request(HttpMethod.PUT, path, ws(), journey, stage).with(TestUsers.as(editor))
                        .header(HttpHeaders.IF_MATCH, etag).contentType("application/json").content(touchpointOrder(receipt, form, button)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Receipt"))
                .andExpect(jsonPath("$[0].position").value(0))
                .andExpect(jsonPath("$[2].name").value("Button"));
        mvc.perform(request(HttpMethod.PUT, path, ws(), journey, stage).with(TestUsers.as(editor))
                        .header(HttpHeaders.IF_MATCH, etag).contentType("application/json").content(touchpointOrder(form, button, receipt)))
                .andExpect(status().isPreconditionFailed());
        for (String invalid : List.of(touchpointOrder(form, button), touchpointOrder(form, button, receipt, elsewhere),
                touchpointOrder(form, button, button), "{}")) {
            api.call(editor, HttpMethod.PUT, path, invalid, ws(), journey, stage)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("touchpointIds"));
        }
        api.call(editor, HttpMethod.PUT, path, touchpointOrder(), ws(), journey, UUID.randomUUID()).andExpect(status().isNotFound());

        JsonNode stages = api.read(editor, JOURNEY, ws(), journey).get("stages");
        assertThat(names(stages.get(0).get("touchpoints"), "name")).containsExactly("Receipt", "Form", "Button");
        assertThat(names(stages.get(0).get("touchpoints"), "position")).containsExactly("0", "1", "2");
        assertThat(names(stages.get(1).get("touchpoints"), "name")).containsExactly("Survey");
        assertThat(outboxCount()).as("touchpoint events carry no position: a reorder announces nothing").isEqualTo(events);
    }

    @Test
    void aStageMovesAndIsRenamedByPatch() throws Exception {
        UUID journey = maps.journey("Onboarding");
        maps.stage(journey, "Sign up");
        maps.stage(journey, "Verify");
        UUID welcome = maps.stage(journey, "Welcome");

        api.patch(editor, STAGES + "/{s}", "{\"name\":\"Welcome call\",\"position\":0}", ws(), journey, welcome)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.position").value(0));

        JsonNode stages = api.read(editor, JOURNEY, ws(), journey).get("stages");
        assertThat(names(stages, "name")).containsExactly("Welcome call", "Sign up", "Verify");
        assertThat(names(stages, "position")).containsExactly("0", "1", "2");
    }

    @Test
    void aTouchpointMovesToAnotherStageAndTheStagesCloseUp() throws Exception {
        UUID online = maps.channel("Online");
        UUID journey = maps.journey("Delivery");
        UUID dispatch = maps.stage(journey, "Dispatch");
        UUID arrival = maps.stage(journey, "Arrival");
        UUID tracking = maps.touchpoint(journey, dispatch, "Tracking page", online);
        maps.touchpoint(journey, dispatch, "Dispatch email", online);
        maps.touchpoint(journey, arrival, "Doorstep", online);
        api.create(editor, JOURNEY + "/painPoints",
                "{\"touchpointId\":\"%s\",\"title\":\"Stale status\",\"severity\":2}".formatted(tracking), ws(), journey);

        api.patch(editor, TOUCHPOINTS + "/{t}", "{\"stageId\":\"%s\",\"position\":0}".formatted(arrival),
                ws(), journey, dispatch, tracking)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stageId").value(arrival.toString()))
                .andExpect(jsonPath("$.position").value(0));

        JsonNode map = api.read(editor, JOURNEY, ws(), journey);
        assertThat(names(map.get("stages").get(0).get("touchpoints"), "name")).containsExactly("Dispatch email");
        assertThat(names(map.get("stages").get(0).get("touchpoints"), "position")).containsExactly("0");
        assertThat(names(map.get("stages").get(1).get("touchpoints"), "name")).containsExactly("Tracking page", "Doorstep");
        assertThat(names(map.get("stages").get(1).get("touchpoints"), "position")).containsExactly("0", "1");
        assertThat(map.get("painPoints").get(0).get("stageId").asString()).as("notes follow their touchpoint")
                .isEqualTo(arrival.toString());
        // the touchpoint is no longer under its old stage's path
        api.patch(editor, TOUCHPOINTS + "/{t}", "{\"name\":\"x\"}", ws(), journey, dispatch, tracking)
                .andExpect(status().isNotFound());
        api.patch(editor, TOUCHPOINTS + "/{t}", "{\"stageId\":\"%s\"}".formatted(UUID.randomUUID()),
                ws(), journey, arrival, tracking)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("stageId"));
    }

    @Test
    void patchChangesOnlyWhatItNamesAndNullClears() throws Exception {
        UUID online = maps.channel("Online");
        UUID journey = Api.id(api.create(editor, JOURNEYS,
                "{\"name\":\"Renew\",\"ownerName\":\"Finn\",\"state\":\"future\",\"reviewEveryDays\":10}", ws()));

        api.patch(editor, JOURNEY, "{\"name\":\"Renew a policy\",\"ownerName\":null}", ws(), journey)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Renew a policy"))
                .andExpect(jsonPath("$.ownerName").isEmpty())
                .andExpect(jsonPath("$.state").value("future"))
                .andExpect(jsonPath("$.reviewEveryDays").value(10));
        api.patch(editor, JOURNEY, "{\"colour\":\"blue\"}", ws(), journey)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("colour"));
        api.patch(editor, JOURNEY, "{\"reviewEveryDays\":0}", ws(), journey)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reviewEveryDays"));
        api.patch(editor, JOURNEY, "{\"name\":\"\"}", ws(), journey)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));

        UUID stage = maps.stage(journey, "Quote");
        UUID touchpoint = Api.id(api.create(editor, TOUCHPOINTS, """
                {"name":"Quote form","channelId":"%s","frontstage":{"text":"Agent calls back","owningTeam":"Sales"}}"""
                .formatted(online), ws(), journey, stage));
        api.patch(editor, TOUCHPOINTS + "/{t}", """
                {"frontstage":{"owningTeam":"Service"},"backstage":{"text":"Underwriting"},"expectedEmotion":-2}""",
                ws(), journey, stage, touchpoint)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.frontstage.text").value("Agent calls back"))
                .andExpect(jsonPath("$.frontstage.owningTeam").value("Service"))
                .andExpect(jsonPath("$.backstage.text").value("Underwriting"))
                .andExpect(jsonPath("$.expectedEmotion").value(-2))
                .andExpect(jsonPath("$.name").value("Quote form"));
        api.patch(editor, TOUCHPOINTS + "/{t}", "{\"frontstage\":null,\"channelId\":null}", ws(), journey, stage, touchpoint)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.frontstage").isEmpty())
                .andExpect(jsonPath("$.channelId").isEmpty());
        api.patch(editor, TOUCHPOINTS + "/{t}", "{\"expectedEmotion\":3}", ws(), journey, stage, touchpoint)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expectedEmotion"));
        api.patch(editor, TOUCHPOINTS + "/{t}", "{\"channelId\":\"%s\"}".formatted(UUID.randomUUID()),
                ws(), journey, stage, touchpoint)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("channelId"));
    }

    @Test
    void deletingAJourneyRemovesItsWholeMap() throws Exception {
        UUID online = maps.channel("Online");
        UUID journey = maps.journey("Cancel");
        UUID stage = maps.stage(journey, "Request");
        UUID touchpoint = maps.touchpoint(journey, stage, "Cancel form", online);
        api.create(editor, JOURNEY + "/painPoints",
                "{\"touchpointId\":\"%s\",\"title\":\"Hidden link\",\"severity\":5}".formatted(touchpoint), ws(), journey);
        api.create(editor, JOURNEY + "/evidence",
                "{\"touchpointId\":\"%s\",\"kind\":\"data\",\"text\":\"40%% drop-off\"}".formatted(touchpoint), ws(), journey);
        maps.opportunity(journey, "Visible cancel link");
        UUID other = maps.journey("Keep me");
        maps.stage(other, "Stays");

        api.call(editor, HttpMethod.DELETE, JOURNEY, null, ws(), journey).andExpect(status().isNoContent());

        api.get(editor, JOURNEY, ws(), journey).andExpect(status().isNotFound());
        api.call(editor, HttpMethod.DELETE, JOURNEY, null, ws(), journey).andExpect(status().isNotFound());
        for (String table : List.of("stage", "touchpoint", "pain_point", "opportunity", "evidence")) {
            assertThat(countInWorkspace(table, journey)).as(table).isZero();
        }
        assertThat(api.read(editor, JOURNEY, ws(), other).get("stages")).hasSize(1);
        api.call(editor, HttpMethod.DELETE, "/api/workspaces/{ws}/channels/{c}", null, ws(), online)
                .andExpect(status().isNoContent());
    }

    @Test
    void deletingAStageKeepsItsNotesOnTheJourneyAndClosesTheGap() throws Exception {
        UUID online = maps.channel("Online");
        UUID journey = maps.journey("Return");
        maps.stage(journey, "Start return");
        UUID second = maps.stage(journey, "Ship back");
        maps.stage(journey, "Refund");
        UUID label = maps.touchpoint(journey, second, "Return label", online);
        api.create(editor, JOURNEY + "/painPoints",
                "{\"touchpointId\":\"%s\",\"title\":\"No printer\",\"severity\":3}".formatted(label), ws(), journey);

        api.call(editor, HttpMethod.DELETE, STAGES + "/{s}", null, ws(), journey, second).andExpect(status().isNoContent());

        JsonNode map = api.read(editor, JOURNEY, ws(), journey);
        assertThat(names(map.get("stages"), "name")).containsExactly("Start return", "Refund");
        assertThat(names(map.get("stages"), "position")).containsExactly("0", "1");
        JsonNode painPoint = map.get("painPoints").get(0);
        assertThat(painPoint.get("title").asString()).isEqualTo("No printer");
        assertThat(painPoint.get("stageId").isNull()).isTrue();
        assertThat(painPoint.get("touchpointId").isNull()).isTrue();
        api.call(editor, HttpMethod.DELETE, STAGES + "/{s}", null, ws(), journey, second).andExpect(status().isNotFound());
    }

    @Test
    void journeysPastTheirReviewDateAreListedAsDueUntilReviewed() throws Exception {
        UUID overdue = maps.journey("Overdue");
        maps.journey("Fresh");
        TenantContextHolder.runAs(TenantContext.ofWorkspace(workspace.tenantId(), ws()), () -> jdbc.sql(
                "update journey set last_reviewed_at = now() - interval '91 days' where id = ?").param(overdue).update());

        JsonNode due = api.read(editor, JOURNEYS + "?reviewDue=true", ws());
        assertThat(names(due.get("items"), "name")).containsExactly("Overdue");
        assertThat(due.get("items").get(0).get("reviewDue").asBoolean()).isTrue();
        assertThat(names(api.read(editor, JOURNEYS + "?reviewDue=false", ws()).get("items"), "name")).containsExactly("Fresh");
        assertThat(names(api.read(editor, JOURNEYS, ws()).get("items"), "name")).containsExactly("Overdue", "Fresh");

        api.post(editor, JOURNEY + "/reviews", "", ws(), overdue)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewDue").value(false));
        assertThat(api.read(editor, JOURNEYS + "?reviewDue=true", ws()).get("items")).isEmpty();
    }

    @Test
    void journeysArePagedWithACursor() throws Exception {
        maps.journey("One");
        maps.journey("Two");
        maps.journey("Three");

        JsonNode first = api.read(editor, JOURNEYS + "?limit=2", ws());
        assertThat(names(first.get("items"), "name")).containsExactly("One", "Two");
        JsonNode second = api.read(editor, JOURNEYS + "?limit=2&cursor=" + first.get("nextCursor").asString(), ws());
        assertThat(names(second.get("items"), "name")).containsExactly("Three");
        assertThat(second.get("nextCursor").isNull()).isTrue();
        api.get(editor, JOURNEYS + "?limit=0", ws()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefused() throws Exception {
        UUID journey = maps.journey("Claim");
        String etag = api.get(editor, JOURNEY, ws(), journey).andReturn().getResponse().getHeader(HttpHeaders.ETAG);

        mvc.perform(request(HttpMethod.GET, JOURNEY, ws(), journey).with(TestUsers.as(editor))
                .header(HttpHeaders.IF_NONE_MATCH, etag)).andExpect(status().isNotModified());
        String next = mvc.perform(request(HttpMethod.PATCH, JOURNEY, ws(), journey).with(TestUsers.as(editor))
                .header(HttpHeaders.IF_MATCH, etag).contentType("application/json").content("{\"name\":\"Claim damage\"}"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(next).isNotEqualTo(etag);
        mvc.perform(request(HttpMethod.POST, STAGES, ws(), journey).with(TestUsers.as(editor))
                .header(HttpHeaders.IF_MATCH, etag).contentType("application/json").content("{\"name\":\"Report\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/precondition-failed"));
        mvc.perform(request(HttpMethod.DELETE, JOURNEY, ws(), journey).with(TestUsers.as(editor))
                .header(HttpHeaders.IF_MATCH, etag))
                .andExpect(status().isPreconditionFailed());

        assertThat(api.read(editor, JOURNEY, ws(), journey).get("stages")).isEmpty();
    }

    private UUID ws() {
        return workspace.workspaceId();
    }

    private int countInWorkspace(String table, UUID journey) {
        return TenantContextHolder.callAs(TenantContext.ofWorkspace(workspace.tenantId(), ws()),
                () -> jdbc.sql("select count(*) from " + table + " where journey_id = ?").param(journey)
                        .query(Integer.class).single());
    }

    private long outboxCount() {
        return TenantContextHolder.callAs(TenantContext.ofWorkspace(workspace.tenantId(), ws()),
                () -> jdbc.sql("select count(*) from outbox where workspace_id = ?").param(ws()).query(Long.class).single());
    }

    private static String touchpointOrder(UUID... ids) {
        return "{\"touchpointIds\":[" + String.join(",", java.util.Arrays.stream(ids).map(id -> "\"" + id + "\"").toList()) + "]}";
    }

    private static String order(UUID... ids) {
        return "{\"stageIds\":[" + String.join(",", java.util.Arrays.stream(ids).map(id -> "\"" + id + "\"").toList()) + "]}";
    }

    static List<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.get(field).asString()).toList();
    }
}
