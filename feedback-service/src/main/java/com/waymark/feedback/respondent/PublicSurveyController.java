package com.waymark.feedback.respondent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.feedback.branding.Brandings;
import com.waymark.feedback.response.ClientDetails;
import com.waymark.feedback.response.ResponseSubmission;
import com.waymark.feedback.response.Responses;
import com.waymark.feedback.survey.Survey;
import com.waymark.feedback.web.Bodies;

/** The anonymous JSON API behind survey pages and widgets: a definition and a submission per token. */
@RestController
@Tag(name = "Public surveys", description = "Anonymous: what respondents (pages, widgets) call with a survey's token")
@SecurityRequirements
class PublicSurveyController {

    /** ARCHITECTURE.md: public requests are size-limited. */
    static final int MAX_SUBMISSION_BYTES = 64 * 1024;

    record Accepted(String status) {
    }

    private final PublicSurveys surveys;
    private final Responses responses;
    private final PublicLimits limits;
    private final Brandings brandings;
    private final JsonMapper json;

    PublicSurveyController(PublicSurveys surveys, Responses responses, PublicLimits limits, Brandings brandings,
            JsonMapper json) {
        this.surveys = surveys;
        this.responses = responses;
        this.limits = limits;
        this.brandings = brandings;
        this.json = json;
    }

    @GetMapping("/public/api/surveys/{token}")
    @Operation(summary = "A survey's definition in the respondent's language",
            description = "Language from ?lang=, else Accept-Language, else the survey's first language. 404 unknown "
                    + "token, 403 tenant-suspended, 410 closed.")
    ResponseEntity<PublicSurveyView> definition(@PathVariable String token,
            @Parameter(description = "preferred language, e.g. de") @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        OpenSurvey open = surveys.open(token);
        Survey survey = open.survey();
        PublicSurveyView view = PublicSurveyView.of(token, survey.name(), survey.content(),
                survey.content().resolveLanguage(lang, acceptLanguage))
                .branded(PublicSurveys.as(open.link(), () -> brandings.look(survey.workspaceId())));
        // the widget on a client's site reads its branding from here: public, anonymous, no cookies
        return ResponseEntity.ok().header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*").body(view);
    }

    @PostMapping(path = "/public/api/surveys/{token}/responses",
            consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
    @Operation(summary = "Submit a response",
            description = "202 once stored (committed), also for a submissionId already received (stored once). At most "
                    + "64 KiB (413). text/plain is accepted too, for navigator.sendBeacon. 404 unknown token, 403 "
                    + "tenant-suspended, 410 closed, 409 quota-exceeded (the agency's responses per month), 429 "
                    + "rate-limited per survey or per client address (with Retry-After), 503 when intake is saturated "
                    + "(retry with the same submissionId).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ResponseSubmission.class))))
    ResponseEntity<Accepted> submit(@PathVariable String token, HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_SUBMISSION_BYTES) {
            throw Bodies.tooLarge(MAX_SUBMISSION_BYTES);
        }
        // behind the gateway this is the respondent's address (server.forward-headers-strategy: native)
        String address = request.getRemoteAddr();
        limits.checkClient(address);
        OpenSurvey open = surveys.openForSubmission(token);
        limits.checkSurvey(open.link().surveyId());
        ResponseSubmission submission = Bodies.parseJson(json, Bodies.read(request, MAX_SUBMISSION_BYTES),
                ResponseSubmission.class);
        responses.submit(open.survey(), submission, new ClientDetails(address, request.getHeader(HttpHeaders.USER_AGENT)));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted("accepted"));
    }
}
