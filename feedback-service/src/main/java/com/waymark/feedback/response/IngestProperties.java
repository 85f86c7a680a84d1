package com.waymark.feedback.response;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How live submissions are written (group commit, see {@link ResponseWriter}).
 *
 * @param maxBatch      most submissions stored in one transaction
 * @param queueCapacity submissions waiting for the writer at most; beyond that a submission is refused (503)
 * @param timeout       how long a request waits for its batch to commit before giving up (503; it may still commit,
 *                      and a retry with the same submission id is then a repeat)
 */
@ConfigurationProperties("waymark.feedback.ingest")
record IngestProperties(@DefaultValue("500") int maxBatch, @DefaultValue("20000") int queueCapacity,
        @DefaultValue("10s") Duration timeout) {

    IngestProperties {
        if (maxBatch < 1 || maxBatch > 2000) {
            throw new IllegalArgumentException("waymark.feedback.ingest.max-batch must be 1 to 2000");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("waymark.feedback.ingest.queue-capacity must be positive");
        }
    }
}
