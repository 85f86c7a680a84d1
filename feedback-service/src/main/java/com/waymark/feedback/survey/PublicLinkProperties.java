package com.waymark.feedback.survey;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicBaseUrl where respondents reach {@code /public/**} (the gateway); links and widget
 *                      snippets are built from it
 */
@ConfigurationProperties("waymark")
public record PublicLinkProperties(@DefaultValue("http://localhost:8080") URI publicBaseUrl) {
}
