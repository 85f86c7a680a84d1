package com.waymark.feedback.quota;

import org.springframework.http.HttpStatus;
import com.waymark.platform.error.ApiException;
import com.waymark.platform.error.ProblemTypes;

/** 409 {@code quota-exceeded} with {@code quota: "responsesPerMonth"}; nothing of the request is written. */
public class QuotaExceededException extends ApiException {

    static final String RESPONSES_PER_MONTH = "responsesPerMonth";

    private final String plan;
    private final int limit;

    QuotaExceededException(String plan, int limit) {
        super(HttpStatus.CONFLICT, ProblemTypes.QUOTA_EXCEEDED, "Quota exceeded",
                "The " + plan + " plan allows at most " + limit + " responses per month; upgrade the plan or wait for next month");
        this.plan = plan;
        this.limit = limit;
    }

    public String quota() {
        return RESPONSES_PER_MONTH;
    }

    public String plan() {
        return plan;
    }

    public int limit() {
        return limit;
    }
}
