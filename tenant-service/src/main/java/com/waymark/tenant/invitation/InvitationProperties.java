package com.waymark.tenant.invitation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl the gateway as invited people's browsers reach it; links are {@code <publicUrl>/invite/<token>}
 * @param validity  how long an invitation can be accepted
 */
@ConfigurationProperties("waymark.invitations")
record InvitationProperties(@DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue("7d") Duration validity) {

    String link(String token) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/invite/" + token;
    }
}
