package com.waymark.feedback.followup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param caseSla how long after it is opened a follow-up case is due, unless a due date is given
 *                (e.g. {@code 2d}, {@code 36h})
 */
@ConfigurationProperties("waymark.feedback")
record FollowUpProperties(@DefaultValue("2d") Duration caseSla) {

    FollowUpProperties {
        if (caseSla.isNegative() || caseSla.isZero()) {
            throw new IllegalArgumentException("waymark.feedback.case-sla must be positive");
        }
    }
}
