package com.waymark.feedback.respondent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import com.waymark.feedback.branding.PublicBranding;
import com.waymark.feedback.respondent.PublicSurveyView.PublicOption;
import com.waymark.feedback.respondent.PublicSurveyView.PublicQuestion;

/**
 * The respondent's page, rendered on the server without a framework: a plain form that works with
 * a screen reader and a phone, styled and scripted inline under a nonce (the CSP allows nothing
 * else). Every text from the survey is HTML-escaped.
 */
final class SurveyPage {

    static final String CSS = resource("survey-page.css");
    static final String SCRIPT = resource("survey-page.js");

    private SurveyPage() {
    }

    /**
     * The Content-Security-Policy for a page rendered with {@code nonce}. Framing is allowed from
     * anywhere on purpose: the website widget shows this page in an iframe on clients' sites.
     */
    static String contentSecurityPolicy(String nonce) {
        return contentSecurityPolicy(nonce, null);
    }

    /** The same, with the https origin of the workspace's logo (and nothing else) allowed for images. */
    static String contentSecurityPolicy(String nonce, @Nullable PublicBranding branding) {
        String logoOrigin = branding == null ? null : branding.logoOrigin();
        return "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce + "'; "
                + (logoOrigin == null ? "" : "img-src " + logoOrigin + "; ")
                + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors *";
    }

    static String render(PublicSurveyView survey, String nonce) {
        PageTexts texts = PageTexts.of(survey.lang());
        StringBuilder html = new StringBuilder(8192);
        head(html, survey.lang(), survey.name(), nonce, brandingCss(survey.branding()));
        html.append("<main>\n");
        brandingHeader(html, survey.branding());
        html.append("<h1>").append(escape(survey.name())).append("</h1>\n");
        languages(html, survey, texts);
        html.append("<form id=\"survey\" novalidate data-endpoint=\"/public/api/surveys/").append(escape(survey.token()))
                .append("/responses\" data-lang=\"").append(escape(survey.lang()))
                .append("\" data-msg-required=\"").append(escape(texts.required()))
                .append("\" data-msg-sending=\"").append(escape(texts.sending()))
                .append("\" data-msg-failed=\"").append(escape(texts.failed())).append("\">\n");
        if (survey.questions().stream().anyMatch(PublicQuestion::required)) {
            html.append("<p class=\"hint\">").append(escape(texts.requiredHint())).append("</p>\n");
        }
        html.append("<div id=\"errors\" class=\"errors\" role=\"alert\" tabindex=\"-1\" hidden></div>\n");
        for (int i = 0; i < survey.questions().size(); i++) {
            question(html, survey.questions().get(i), i, texts);
        }
        html.append("<button type=\"submit\" class=\"submit\">").append(escape(texts.submit())).append("</button>\n")
                .append("<p id=\"status\" class=\"status\" role=\"status\" aria-live=\"polite\"></p>\n")
                .append("</form>\n")
                .append("<section id=\"thanks\" class=\"thanks\" tabindex=\"-1\" hidden><h2>")
                .append(escape(survey.thankYou())).append("</h2></section>\n")
                .append("</main>\n")
                .append("<script nonce=\"").append(nonce).append("\">\n").append(SCRIPT).append("</script>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    /** A page for a link that leads nowhere (unknown, closed, suspended), in the respondent's language. */
    static String message(String lang, String message, String nonce) {
        StringBuilder html = new StringBuilder(2048);
        head(html, lang, message, nonce);
        html.append("<main>\n<p class=\"message\">").append(escape(message)).append("</p>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /**
     * The workspace's colours as CSS custom properties that survey-page.css uses. Only validated
     * {@code #rrggbb} values reach here, so nothing can break out of the declaration.
     */
    static String brandingCss(@Nullable PublicBranding branding) {
        if (branding == null || branding.primaryColor() == null && branding.accentColor() == null) {
            return "";
        }
        StringBuilder css = new StringBuilder(":root {");
        if (branding.primaryColor() != null) {
            css.append(" --wm-primary: ").append(branding.primaryColor()).append("; --wm-on-primary: ")
                    .append(branding.onPrimaryColor()).append(";");
        }
        if (branding.accentColor() != null) {
            css.append(" --wm-accent: ").append(branding.accentColor()).append(";");
        }
        return css.append(" }\n").toString();
    }

    private static void brandingHeader(StringBuilder html, @Nullable PublicBranding branding) {
        if (branding == null || branding.logoUrl() == null && branding.senderName() == null) {
            return;
        }
        html.append("<header class=\"brand\">");
        if (branding.logoUrl() != null) {
            html.append("<img class=\"logo\" src=\"").append(escape(branding.logoUrl())).append("\" alt=\"")
                    .append(escape(branding.senderName() == null ? "" : branding.senderName()))
                    .append("\" referrerpolicy=\"no-referrer\">");
        }
        if (branding.senderName() != null) {
            html.append("<span class=\"sender\"").append(branding.logoUrl() != null ? " aria-hidden=\"true\"" : "")
                    .append(">").append(escape(branding.senderName())).append("</span>");
        }
        html.append("</header>\n");
    }

    private static void head(StringBuilder html, String lang, String title, String nonce) {
        head(html, lang, title, nonce, "");
    }

    private static void head(StringBuilder html, String lang, String title, String nonce, String extraCss) {
        html.append("<!doctype html>\n<html lang=\"").append(escape(lang)).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style nonce=\"").append(nonce).append("\">\n").append(CSS).append(extraCss).append("</style>\n")
                .append("</head>\n<body>\n");
    }

    private static void languages(StringBuilder html, PublicSurveyView survey, PageTexts texts) {
        if (survey.languages().size() < 2) {
            return;
        }
        html.append("<nav class=\"languages\" aria-label=\"").append(escape(texts.language())).append("\"><ul>");
        for (String language : survey.languages()) {
            Locale locale = Locale.forLanguageTag(language);
            String name = locale.getDisplayName(locale);
            html.append("<li>");
            if (language.equals(survey.lang())) {
                html.append("<span aria-current=\"true\" lang=\"").append(escape(language)).append("\">")
                        .append(escape(name.isEmpty() ? language : name)).append("</span>");
            } else {
                html.append("<a href=\"?lang=").append(escape(language)).append("\" hreflang=\"").append(escape(language))
                        .append("\" lang=\"").append(escape(language)).append("\">")
                        .append(escape(name.isEmpty() ? language : name)).append("</a>");
            }
            html.append("</li>");
        }
        html.append("</ul></nav>\n");
    }

    private static void question(StringBuilder html, PublicQuestion question, int index, PageTexts texts) {
        String prefix = "q" + index;
        String name = "q-" + question.id();
        html.append("<fieldset class=\"question\" id=\"").append(prefix).append("\" data-question=\"")
                .append(escape(question.id())).append("\" data-kind=\"").append(escape(question.kind()))
                .append("\" data-required=\"").append(question.required()).append("\"");
        if (question.scale() != null) {
            html.append(" aria-describedby=\"").append(prefix).append("-anchors\"");
        }
        html.append(">\n<legend id=\"").append(prefix).append("-legend\">").append(escape(question.text()));
        if (question.required()) {
            html.append(" <span class=\"req\" aria-hidden=\"true\">*</span>");
        }
        html.append("</legend>\n");
        html.append("<p class=\"field-error\" id=\"").append(prefix).append("-error\" hidden></p>\n");
        switch (question.kind()) {
            case "nps", "csat", "ces" -> scale(html, question, name, prefix, texts);
            case "single-choice", "multi-choice" -> {
                String type = "single-choice".equals(question.kind()) ? "radio" : "checkbox";
                html.append("<div class=\"choices\">\n");
                List<PublicOption> options = question.options() == null ? List.of() : question.options();
                for (int j = 0; j < options.size(); j++) {
                    PublicOption option = options.get(j);
                    String id = prefix + "-o" + j;
                    html.append("<div class=\"choice\"><input type=\"").append(type).append("\" id=\"").append(id)
                            .append("\" name=\"").append(escape(name)).append("\" value=\"").append(escape(option.id()))
                            .append("\"><label for=\"").append(id).append("\">").append(escape(option.text()))
                            .append("</label></div>\n");
                }
                html.append("</div>\n");
            }
            default -> html.append("<textarea id=\"").append(prefix).append("-text\" name=\"").append(escape(name))
                    .append("\" rows=\"4\" maxlength=\"5000\" aria-labelledby=\"").append(prefix)
                    .append("-legend\"></textarea>\n");
        }
        html.append("</fieldset>\n");
    }

    private static void scale(StringBuilder html, PublicQuestion question, String name, String prefix, PageTexts texts) {
        PublicSurveyView.Scale scale = question.scale();
        if (scale == null) {
            return;
        }
        String low = switch (question.kind()) {
            case "nps" -> texts.npsLow();
            case "csat" -> texts.csatLow();
            default -> texts.cesLow();
        };
        String high = switch (question.kind()) {
            case "nps" -> texts.npsHigh();
            case "csat" -> texts.csatHigh();
            default -> texts.cesHigh();
        };
        html.append("<div class=\"scale\" data-points=\"").append(scale.max() - scale.min() + 1).append("\">\n");
        for (int value = scale.min(); value <= scale.max(); value++) {
            String id = prefix + "-v" + value;
            html.append("<span class=\"pick\"><input type=\"radio\" id=\"").append(id).append("\" name=\"")
                    .append(escape(name)).append("\" value=\"").append(value).append("\"><label for=\"").append(id)
                    .append("\">").append(value).append("</label></span>\n");
        }
        html.append("</div>\n<p class=\"anchors\" id=\"").append(prefix).append("-anchors\"><span>")
                .append(scale.min()).append(" = ").append(escape(low)).append("</span><span>").append(scale.max())
                .append(" = ").append(escape(high)).append("</span></p>\n");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String resource(String name) {
        try (InputStream in = SurveyPage.class.getResourceAsStream("/respondent/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource /respondent/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
