package com.waymark.feedback.respondent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.feedback.branding.Brandings;
import com.waymark.feedback.survey.Survey;
import com.waymark.platform.error.ApiException;
import com.waymark.platform.error.ProblemTypes;

/** The respondent's survey page and the website widget script. */
@RestController
@Tag(name = "Public surveys")
@SecurityRequirements
class SurveyPageController {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);
    private static final byte[] WIDGET = widget();

    private final PublicSurveys surveys;
    private final Brandings brandings;
    private final SecureRandom random = new SecureRandom();

    SurveyPageController(PublicSurveys surveys, Brandings brandings) {
        this.surveys = surveys;
        this.brandings = brandings;
    }

    @GetMapping("/public/s/{token}")
    @Operation(summary = "The survey page (HTML) in the respondent's language",
            description = "Language from ?lang=, else Accept-Language, else the survey's first language.")
    ResponseEntity<String> page(@PathVariable String token, @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        String nonce = nonce();
        try {
            OpenSurvey open = surveys.open(token);
            Survey survey = open.survey();
            String language = survey.content().resolveLanguage(lang, acceptLanguage);
            PublicSurveyView view = PublicSurveyView.of(token, survey.name(), survey.content(), language)
                    .branded(PublicSurveys.as(open.link(), () -> brandings.look(survey.workspaceId())));
            return html(200, SurveyPage.contentSecurityPolicy(nonce, view.branding()), SurveyPage.render(view, nonce));
        } catch (ApiException e) {
            // a person opened this link: answer with a page in their language rather than problem+json
            String language = PageTexts.supported(lang) ? lang : PageTexts.supported(primaryOf(acceptLanguage))
                    ? primaryOf(acceptLanguage) : "en";
            PageTexts texts = PageTexts.of(language);
            String message = ProblemTypes.GONE.equals(e.type()) ? texts.closed()
                    : ProblemTypes.TENANT_SUSPENDED.equals(e.type()) ? texts.suspended() : texts.notFound();
            return html(e.status().value(), SurveyPage.contentSecurityPolicy(nonce, null),
                    SurveyPage.message(language, message, nonce));
        }
    }

    @GetMapping("/public/widget.js")
    @Operation(summary = "The embeddable widget script",
            description = "Embed with <script src=\".../public/widget.js\" data-survey=\"TOKEN\" async></script>.")
    ResponseEntity<byte[]> widgetScript() {
        return ResponseEntity.ok().contentType(JAVASCRIPT)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
                .body(WIDGET);
    }

    private static ResponseEntity<String> html(int status, String contentSecurityPolicy, String body) {
        return ResponseEntity.status(status).contentType(HTML)
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("Referrer-Policy", "no-referrer")
                .body(body);
    }

    private String nonce() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The first language of an Accept-Language header (good enough for an error message). */
    private static @Nullable String primaryOf(@Nullable String acceptLanguage) {
        return acceptLanguage == null ? null : acceptLanguage.split(",")[0].split(";")[0].trim();
    }

    private static byte[] widget() {
        try (InputStream in = SurveyPageController.class.getResourceAsStream("/respondent/widget.js")) {
            if (in == null) {
                throw new IllegalStateException("Missing resource /respondent/widget.js");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
