package com.waymark.feedback.respondent;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import com.waymark.feedback.survey.Survey;
import com.waymark.feedback.survey.SurveyChanged;
import com.waymark.feedback.survey.SurveyLink;
import com.waymark.feedback.survey.SurveyStatus;
import com.waymark.feedback.survey.Surveys;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.error.GoneException;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.TenantSuspendedException;
import com.waymark.platform.tenancy.TenantContextHolder;

/**
 * How an anonymous request reaches a survey: the token leads (through the link table, which needs
 * no tenant context) to exactly one survey; everything after that runs under that survey's tenant
 * context, so row-level security confines the request to its workspace.
 * <p>
 * Token → survey is cached briefly, because every submission needs it: a change made here (edit,
 * publish, close, delete) drops the entry once committed; other instances see it within
 * {@code cacheTtl}. Nothing depends on the cache being current for correctness of storing: the
 * transaction that stores a response reads the survey and the agency's status again.
 */
@Component
class PublicSurveys {

    /** Tokens are URL-safe base64; anything else cannot be one, so it is not looked up. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final int MAX_CACHED = 10_000;

    private record Cached(OpenSurvey survey, long expiresAt) {
    }

    private final Surveys surveys;
    private final AccessModel access;
    private final long ttlMillis;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** Bumped by every eviction: a read that overlapped one may be stale, so it is not cached. */
    private final AtomicLong evictions = new AtomicLong();

    PublicSurveys(Surveys surveys, AccessModel access, PublicLimitProperties properties) {
        this.surveys = surveys;
        this.access = access;
        this.ttlMillis = properties.cacheTtl().toMillis();
    }

    /** 404 for an unknown token, 403 {@code tenant-suspended}, 410 when the survey is closed. */
    OpenSurvey open(String token) {
        OpenSurvey open = find(token);
        if (AccessModel.SUSPENDED.equals(access.tenantStatus(open.link().tenantId()).orElse(AccessModel.ACTIVE))) {
            throw new TenantSuspendedException();
        }
        return taking(open);
    }

    /**
     * Like {@link #open} without asking for the agency's status: the response writer checks it in the
     * transaction that stores the submission (one query per batch rather than per request).
     */
    OpenSurvey openForSubmission(String token) {
        return taking(find(token));
    }

    private static OpenSurvey taking(OpenSurvey open) {
        Survey survey = open.survey();
        if (survey.status() == SurveyStatus.CLOSED) {
            throw new GoneException("This survey is closed and no longer takes answers");
        }
        if (!survey.acceptsAnswers()) {
            throw notFound();
        }
        return open;
    }

    private OpenSurvey find(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw notFound();
        }
        long now = clock.millis();
        Cached cached = cache.get(token);
        if (cached != null && cached.expiresAt() > now) {
            return cached.survey();
        }
        long generation = evictions.get();
        SurveyLink link = surveys.link(token).orElseThrow(PublicSurveys::notFound);
        Survey survey = as(link, () -> surveys.find(link.workspaceId(), link.surveyId())).orElseThrow(PublicSurveys::notFound);
        OpenSurvey open = new OpenSurvey(link, survey);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(token, new Cached(open, now + ttlMillis));
        if (evictions.get() != generation) {
            cache.remove(token);
        }
        return open;
    }

    /** After the change committed, so a reader cannot cache the state from before it again. */
    @TransactionalEventListener(fallbackExecution = true)
    void surveyChanged(SurveyChanged changed) {
        evictions.incrementAndGet();
        if (changed.token() != null) {
            cache.remove(changed.token());
        }
        cache.values().removeIf(entry -> entry.survey().link().surveyId().equals(changed.surveyId()));
    }

    /** Runs {@code work} under the tenant context of the survey the link leads to. */
    static <T> T as(SurveyLink link, Supplier<T> work) {
        return TenantContextHolder.callAs(link.tenantContext(), work);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Survey");
    }
}
