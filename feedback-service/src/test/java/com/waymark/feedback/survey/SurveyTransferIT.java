package com.waymark.feedback.survey;

import static com.waymark.feedback.support.Fixtures.question;
import static com.waymark.feedback.support.Fixtures.survey;
import static com.waymark.feedback.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.access.Role;
import com.waymark.platform.test.TestUsers;

/** Surveys exported as portable definitions and imported as new drafts. */
class SurveyTransferIT extends FeedbackIntegrationTest {

    static final String VND = "application/vnd.waymark.survey+json";
    static final String IMPORT = "/api/workspaces/{ws}/surveys:import";

    Ws ws;
    UUID surveyId;

    @BeforeEach
    void aPublishedSurveyOnATouchpoint() throws Exception {
        ws = fx.workspace();
        UUID touchpoint = fx.touchpoint(ws, "Checkout page");
        surveyId = fx.createSurveyId(ws, with(with(survey("Checkout"), "touchpointId", touchpoint), "openCaseForDetractors", true));
        fx.publish(ws, surveyId);
    }

    @Test
    void theExportIsPortableWithQuestionIdsButNoOtherIdsOrTouchpoint() throws Exception {
        String exported = mvc.perform(get("/api/workspaces/{ws}/surveys/{id}", ws.id(), surveyId)
                        .with(TestUsers.as(ws.editor())).accept(VND))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(VND))
                .andReturn().getResponse().getContentAsString();
        JsonNode definition = fx.read(exported);

        assertThat(definition.propertyNames()).containsExactly("format", "formatVersion", "name", "languages", "questions",
                "thankYou", "openCaseForDetractors");
        assertThat(definition.get("format").asString()).isEqualTo("waymark.survey");
        assertThat(definition.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(definition.get("name").asString()).isEqualTo("Checkout");
        assertThat(definition.get("questions").get(0).get("id").asString()).isEqualTo("nps");
        assertThat(definition.get("questions").get(5).get("options").get(2).get("text").get("de").asString())
                .isEqualTo("Option c (de)");
        assertThat(exported).doesNotContain(surveyId.toString()).doesNotContain("touchpointId").doesNotContain("token")
                .doesNotContain("status");

        mvc.perform(get("/api/workspaces/{ws}/surveys/{id}/export", ws.id(), surveyId).with(TestUsers.as(ws.editor())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(VND))
                .andExpect(content().json(exported));
        // the ordinary read is unchanged
        mvc.perform(get("/api/workspaces/{ws}/surveys/{id}", ws.id(), surveyId).with(TestUsers.as(ws.editor())))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value(surveyId.toString()));
    }

    @Test
    void anExportImportsAsANewDraftInAnotherClientsWorkspace() throws Exception {
        String staff = fx.member(ws, Role.AGENCY_STAFF);
        Ws sibling = new Ws(fx.tenancy().workspaceIn(ws.tenantId()), staff);
        String exported = mvc.perform(get("/api/workspaces/{ws}/surveys/{id}/export", ws.id(), surveyId).with(TestUsers.as(staff)))
                .andReturn().getResponse().getContentAsString();

        String imported = mvc.perform(post(IMPORT, sibling.id()).with(TestUsers.as(staff)).contentType(VND).content(exported))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("draft"))
                .andExpect(jsonPath("$.touchpointId").isEmpty())
                .andExpect(jsonPath("$.distribution").isEmpty())
                .andExpect(jsonPath("$.openCaseForDetractors").value(true))
                .andReturn().getResponse().getContentAsString();
        JsonNode copy = fx.read(imported);
        assertThat(copy.get("id").asString()).isNotEqualTo(surveyId.toString());
        String original = mvc.perform(get("/api/workspaces/{ws}/surveys/{id}", ws.id(), surveyId).with(TestUsers.as(staff)))
                .andReturn().getResponse().getContentAsString();
        assertThat(copy.get("questions")).isEqualTo(fx.read(original).get("questions"));
        assertThat(copy.get("languages")).isEqualTo(fx.read(original).get("languages"));
        assertThat(copy.get("thankYou")).isEqualTo(fx.read(original).get("thankYou"));
        mvc.perform(get("/api/workspaces/{ws}/surveys/{id}", sibling.id(), copy.get("id").asString()).with(TestUsers.as(staff)))
                .andExpect(status().isOk());

        // plain JSON works too, and the export of the copy equals the original's
        mvc.perform(post(IMPORT, ws.id()).with(TestUsers.as(ws.editor())).contentType(MediaType.APPLICATION_JSON).content(exported))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/workspaces/{ws}/surveys/{id}/export", sibling.id(), copy.get("id").asString()).with(TestUsers.as(staff)))
                .andExpect(content().json(exported));
    }

    @Test
    void anImportIsValidatedLikeACreateAndWritesNothingWhenBad() throws Exception {
        Map<String, Object> bad = with(with(survey(" "), "questions", List.of(question("lang", "nps", true),
                question("pick", "single-choice", false))), "languages", List.of("en", "de"));
        @SuppressWarnings("unchecked")
        Map<String, Object> pick = (Map<String, Object>) ((List<Object>) bad.get("questions")).get(1);
        pick.put("options", List.of());
        importing(bad).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "questions[0].id", "questions[1].options")));
        importing(with(survey("S"), "format", "other.format")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        importing(with(survey("S"), "formatVersion", 2)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("formatVersion"));
        importing(with(survey("S"), "questions", "none")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("questions"));
        mvc.perform(post(IMPORT, ws.id()).with(TestUsers.as(ws.editor())).contentType(VND).content("{"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(IMPORT, ws.id()).with(TestUsers.as(ws.editor())).contentType("text/plain").content("{}"))
                .andExpect(status().isUnsupportedMediaType());

        mvc.perform(get("/api/workspaces/{ws}/surveys", ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.items", hasSize(1)));
    }

    @Test
    void viewersExportButDoNotImportAndAKeyImportsOnce() throws Exception {
        String viewer = fx.member(ws, Role.CLIENT_VIEWER);
        mvc.perform(get("/api/workspaces/{ws}/surveys/{id}/export", ws.id(), surveyId).with(TestUsers.as(viewer)))
                .andExpect(status().isOk());
        mvc.perform(post(IMPORT, ws.id()).with(TestUsers.as(viewer)).contentType(VND).content(fx.write(survey("V"))))
                .andExpect(status().isForbidden());

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String created = mvc.perform(post(IMPORT, ws.id()).with(TestUsers.as(ws.editor())).header("Idempotency-Key", "imp-1")
                            .contentType(VND).content(fx.write(survey("Once"))))
                    .andReturn().getResponse().getContentAsString();
            ids.add(fx.read(created).get("id").asString());
        }
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        mvc.perform(get("/api/workspaces/{ws}/surveys", ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.items", hasSize(2)));
    }

    @Test
    void anUnknownSurveyIsNotFoundInEitherForm() throws Exception {
        mvc.perform(get("/api/workspaces/{ws}/surveys/{id}", ws.id(), UUID.randomUUID()).with(TestUsers.as(ws.editor())).accept(VND))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/workspaces/{ws}/surveys/{id}/export", ws.id(), UUID.randomUUID()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isNotFound());
    }

    private ResultActions importing(Map<String, Object> definition) throws Exception {
        return mvc.perform(post(IMPORT, ws.id()).with(TestUsers.as(ws.editor())).contentType(VND).content(fx.write(definition)));
    }
}
