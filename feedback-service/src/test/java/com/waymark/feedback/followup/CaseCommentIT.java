package com.waymark.feedback.followup;

import static com.waymark.feedback.support.Fixtures.survey;
import static com.waymark.feedback.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.access.Role;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.TestUsers;

/** Working a case: its links to the journey, a comment thread, and closing it with a resolution. */
class CaseCommentIT extends FeedbackIntegrationTest {

    static final String CASES = "/api/workspaces/{ws}/cases";
    static final String COMMENTS = "/api/workspaces/{ws}/cases/{id}/comments";

    Ws ws;
    UUID touchpoint;
    UUID journey;
    String caseId;

    @BeforeEach
    void aDetractorCase() throws Exception {
        ws = fx.workspace();
        touchpoint = fx.touchpoint(ws, "Delivery");
        journey = TenantContextHolder.callAs(ws.context(), () -> jdbc.sql("select journey_id from touchpoint where id = ?")
                .param(touchpoint).query(UUID.class).single());
        UUID surveyId = fx.createSurveyId(ws, with(with(survey("Delivery"), "touchpointId", touchpoint), "openCaseForDetractors", true));
        fx.respond(ws, fx.publish(ws, surveyId), "nps", 2);
        String listed = mvc.perform(get(CASES, ws.id()).with(TestUsers.as(ws.editor()))).andReturn().getResponse().getContentAsString();
        caseId = fx.read(listed).get("items").get(0).get("id").asString();
    }

    @Test
    void aCaseShowsTheResponseTouchpointAndJourneyItFollowsUp() throws Exception {
        mvc.perform(get(CASES + "/{id}", ws.id(), caseId).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.responseId").isNotEmpty())
                .andExpect(jsonPath("$.touchpointId").value(touchpoint.toString()))
                .andExpect(jsonPath("$.journeyId").value(journey.toString()))
                .andExpect(jsonPath("$.resolution").isEmpty())
                .andExpect(jsonPath("$.closedAt").isEmpty());
        // a manual case about the touchpoint gets its journey too; another journey is refused
        mvc.perform(fx.jsonPost(CASES, Map.of("title", "Courier late", "touchpointId", touchpoint.toString()), ws.id())
                        .with(TestUsers.as(ws.editor())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.journeyId").value(journey.toString()));
        mvc.perform(fx.jsonPost(CASES, Map.of("title", "Courier late", "touchpointId", touchpoint.toString(),
                        "journeyId", UUID.randomUUID().toString()), ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("journeyId"));
        mvc.perform(fx.jsonPost(CASES, Map.of("title", "Done", "status", "closed"), ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("resolution"));
    }

    @Test
    void membersDiscussACaseOldestCommentFirstAndViewersOnlyRead() throws Exception {
        String viewer = fx.member(ws, Role.CLIENT_VIEWER);
        comment(ws.editor(), Map.of("text", "  Called, no answer.  "))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.text").value("Called, no answer."))
                .andExpect(jsonPath("$.authorId").value(ws.editor()))
                .andExpect(jsonPath("$.authorName").value(ws.editor()))
                .andExpect(jsonPath("$.createdAt").isNotEmpty());
        String admin = fx.member(ws, Role.CLIENT_ADMIN);
        comment(admin, Map.of("text", "Refund approved.")).andExpect(status().isCreated());
        comment(viewer, Map.of("text", "Me too")).andExpect(status().isForbidden());

        mvc.perform(get(COMMENTS, ws.id(), caseId).with(TestUsers.as(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].text").value(contains("Called, no answer.", "Refund approved.")))
                .andExpect(jsonPath("$.items[1].authorId").value(admin))
                .andExpect(jsonPath("$.nextCursor").isEmpty());
        String page = mvc.perform(get(COMMENTS + "?limit=1", ws.id(), caseId).with(TestUsers.as(viewer)))
                .andExpect(jsonPath("$.items[*].text").value(contains("Called, no answer.")))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get(COMMENTS + "?limit=1&cursor={c}", ws.id(), caseId, fx.read(page).get("nextCursor").asString())
                        .with(TestUsers.as(viewer)))
                .andExpect(jsonPath("$.items[*].text").value(contains("Refund approved.")));
    }

    @Test
    void aCommentNeedsOneToFiveThousandCharactersAndAKnownCase() throws Exception {
        comment(ws.editor(), Map.of("text", "   ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        comment(ws.editor(), Map.of("text", "x".repeat(5001))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        comment(ws.editor(), Map.of("text", "x".repeat(5000))).andExpect(status().isCreated());
        mvc.perform(fx.jsonPost(COMMENTS, Map.of("text", "Hello"), ws.id(), UUID.randomUUID()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isNotFound());
        mvc.perform(get(COMMENTS, ws.id(), UUID.randomUUID()).with(TestUsers.as(ws.editor()))).andExpect(status().isNotFound());
        mvc.perform(get(COMMENTS, ws.id(), caseId).with(TestUsers.as(ws.editor()))).andExpect(jsonPath("$.items", hasSize(1)));
    }

    @Test
    void theSameIdempotencyKeyAddsOneComment() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(fx.jsonPost(COMMENTS, Map.of("text", "Once"), ws.id(), caseId).with(TestUsers.as(ws.editor()))
                    .header("Idempotency-Key", "c-1")).andExpect(status().isCreated());
        }
        mvc.perform(get(COMMENTS, ws.id(), caseId).with(TestUsers.as(ws.editor()))).andExpect(jsonPath("$.items", hasSize(1)));
    }

    @Test
    void aCommentOfAnotherWorkspaceCannotBeReadOrWritten() throws Exception {
        comment(ws.editor(), Map.of("text", "Private")).andExpect(status().isCreated());
        Ws other = fx.workspace();
        mvc.perform(get(COMMENTS, other.id(), caseId).with(TestUsers.as(other.editor()))).andExpect(status().isNotFound());
        mvc.perform(fx.jsonPost(COMMENTS, Map.of("text", "Intruder"), other.id(), caseId).with(TestUsers.as(other.editor())))
                .andExpect(status().isNotFound());
        int seen = TenantContextHolder.callAs(other.context(),
                () -> jdbc.sql("select count(*) from follow_up_case_comment").query(Integer.class).single());
        assertThat(seen).isZero();
    }

    private ResultActions comment(String user, Map<String, Object> body) throws Exception {
        return mvc.perform(fx.jsonPost(COMMENTS, body, ws.id(), caseId).with(TestUsers.as(user)));
    }
}
