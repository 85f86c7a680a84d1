package com.waymark.tenant.tenant;

import org.springframework.http.HttpStatus;
import com.waymark.platform.error.ApiException;
import com.waymark.platform.error.ProblemTypes;

/** 409 {@code quota-exceeded}, naming the quota; thrown before anything is written. */
public class QuotaExceededException extends ApiException {

    private final Quota quota;
    private final Plan plan;
    private final int limit;

    public QuotaExceededException(Quota quota, Plan plan, int limit) {
        super(HttpStatus.CONFLICT, ProblemTypes.QUOTA_EXCEEDED, "Quota exceeded",
                "The " + plan.value() + " plan allows at most " + limit + " " + quota.value()
                        + "; upgrade the plan or remove some first");
        this.quota = quota;
        this.plan = plan;
        this.limit = limit;
    }

    public Quota quota() {
        return quota;
    }

    public Plan plan() {
        return plan;
    }

    public int limit() {
        return limit;
    }
}
