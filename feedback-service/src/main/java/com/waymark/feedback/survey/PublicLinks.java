package com.waymark.feedback.survey;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Tokens, links and widget snippets of published surveys. */
@Component
class PublicLinks {

    /** 18 random bytes: 144 bits, 24 URL-safe characters; not guessable, not enumerable. */
    private static final int TOKEN_BYTES = 18;

    private final SecureRandom random = new SecureRandom();
    private final String base;

    PublicLinks(PublicLinkProperties properties) {
        String url = properties.publicBaseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Distribution distribution(String token) {
        String script = HtmlUtils.htmlEscape(base + "/public/widget.js");
        return new Distribution(token, base + "/public/s/" + token,
                "<script src=\"" + script + "\" data-survey=\"" + HtmlUtils.htmlEscape(token) + "\" async></script>");
    }
}
