package com.waymark.feedback.response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import com.waymark.feedback.quota.ResponseQuota;
import com.waymark.feedback.response.ResponseRepository.SubmissionKey;
import com.waymark.feedback.survey.Survey;
import com.waymark.feedback.survey.SurveyStatus;
import com.waymark.feedback.survey.Surveys;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.error.ApiException;
import com.waymark.platform.error.GoneException;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.ProblemTypes;
import com.waymark.platform.error.TenantSuspendedException;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.messaging.Outbox;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;

/**
 * Group commit for live submissions: a commit per answer would cap intake at the disk's flush rate,
 * so request threads hand their checked response to this writer and wait; one thread stores whatever
 * has queued up meanwhile (up to {@code maxBatch}) in one transaction — responses, their
 * {@code feedback.response.submitted} events and the quota counter — and only after that commit are the
 * waiting requests answered. An acknowledged response is therefore never lost.
 * <p>
 * Within the transaction each agency's work runs under its own tenant context (row-level security),
 * and what may have changed since the request was checked is decided again from the database: the
 * survey still taking answers (410/404), the agency not suspended (403), the monthly quota (409).
 * A submission id seen twice in one batch is written once; both requests get the same answer. When a
 * batch fails as a whole, its submissions are retried one by one, so one bad row fails only itself.
 */
@Component
class ResponseWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ResponseWriter.class);

    /** One submission waiting; {@code done} completes after the commit: true stored now, false a repeat. */
    private record Job(StoredResponse response, CompletableFuture<Boolean> done) {

        SubmissionKey key() {
            return new SubmissionKey(response.surveyId(), response.submissionId());
        }
    }

    /** How a job ended inside a batch; applied to its future only once the batch has committed. */
    private record Outcome(boolean stored, @Nullable RuntimeException failure) {

        static final Outcome STORED = new Outcome(true, null);
        static final Outcome REPEAT = new Outcome(false, null);

        static Outcome failed(RuntimeException failure) {
            return new Outcome(false, failure);
        }

        void applyTo(Job job) {
            if (failure == null) {
                job.done().complete(stored);
            } else {
                job.done().completeExceptionally(failure);
            }
        }
    }

    private final ResponseRepository repository;
    private final Surveys surveys;
    private final AccessModel access;
    private final ResponseQuota quota;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final IngestProperties properties;
    private final BlockingQueue<Job> queue;
    private volatile boolean running;
    private volatile @Nullable Thread thread;

    ResponseWriter(ResponseRepository repository, Surveys surveys, AccessModel access, ResponseQuota quota, Outbox outbox,
            ApplicationEventPublisher events, JdbcClient jdbc, PlatformTransactionManager transactionManager,
            IngestProperties properties) {
        this.repository = repository;
        this.surveys = surveys;
        this.access = access;
        this.quota = quota;
        this.outbox = outbox;
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
    }

    /**
     * Stores a checked response with the next batch and returns once that batch has committed: true when
     * it was stored, false when the survey already had this submission id. Fails like the single-response
     * path would (404, 403, 409, 410), or 503 when the writer is saturated or stopped.
     */
    boolean write(StoredResponse response) {
        if (!running) {
            throw unavailable("Submissions are not being taken right now; please retry");
        }
        Job job = new Job(response, new CompletableFuture<>());
        if (!queue.offer(job)) {
            throw unavailable("Too many submissions are waiting to be stored; please retry");
        }
        try {
            return job.done().get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Storing the response failed", e.getCause());
        } catch (TimeoutException e) {
            throw unavailable("Storing the response took too long; please retry with the same submissionId");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while storing the response; please retry with the same submissionId");
        }
    }

    private static ApiException unavailable(String detail) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UPSTREAM_UNAVAILABLE, "Service unavailable", detail);
    }

    private void run() {
        List<Job> batch = new ArrayList<>(properties.maxBatch());
        while (running || !queue.isEmpty()) {
            try {
                Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, properties.maxBatch() - 1);
                process(batch);
            } catch (InterruptedException e) {
                // stop() does not interrupt; keep draining until the queue is empty
                Thread.interrupted();
            } catch (Throwable unexpected) {
                log.error("Response writer failed on a batch of {}", batch.size(), unexpected);
                RuntimeException failure = new IllegalStateException("Storing the response failed", unexpected);
                batch.forEach(job -> job.done().completeExceptionally(failure));
            } finally {
                batch.clear();
            }
        }
    }

    /** One transaction for the batch; if it fails as a whole, one transaction per submission. */
    private void process(List<Job> jobs) {
        Map<Job, Outcome> outcomes;
        try {
            outcomes = transactions.execute(status -> store(jobs));
        } catch (RuntimeException e) {
            if (jobs.size() == 1) {
                log.warn("Storing a response failed: {}", e.toString());
                jobs.get(0).done().completeExceptionally(e);
                return;
            }
            log.warn("A batch of {} responses failed ({}); storing them one by one", jobs.size(), e.toString());
            for (Job job : jobs) {
                process(List.of(job));
            }
            return;
        } finally {
            TenantContextHolder.clear();
        }
        if (outcomes != null) {
            outcomes.forEach((job, outcome) -> outcome.applyTo(job));
        }
    }

    private Map<Job, Outcome> store(List<Job> jobs) {
        Map<Job, Outcome> outcomes = new IdentityHashMap<>();
        // a submission id twice in the batch: the first is written, the others share its fate
        Map<SubmissionKey, Job> firsts = new LinkedHashMap<>();
        Map<Job, Job> repeats = new IdentityHashMap<>();
        for (Job job : jobs) {
            Job first = firsts.putIfAbsent(job.key(), job);
            if (first != null) {
                repeats.put(job, first);
            }
        }
        Map<UUID, List<Job>> byTenant = new LinkedHashMap<>();
        for (Job job : firsts.values()) {
            byTenant.computeIfAbsent(job.response().tenantId(), tenant -> new ArrayList<>()).add(job);
        }
        byTenant.forEach((tenantId, tenantJobs) -> storeTenant(tenantId, tenantJobs, outcomes));
        repeats.forEach((job, first) -> {
            Outcome outcome = outcomes.get(first);
            outcomes.put(job, outcome.failure() == null ? Outcome.REPEAT : outcome);
        });
        return outcomes;
    }

    private void storeTenant(UUID tenantId, List<Job> jobs, Map<Job, Outcome> outcomes) {
        actAs(TenantContext.ofTenant(tenantId));
        if (AccessModel.SUSPENDED.equals(access.tenantStatus(tenantId).orElse(AccessModel.ACTIVE))) {
            RuntimeException suspended = new TenantSuspendedException();
            jobs.forEach(job -> outcomes.put(job, Outcome.failed(suspended)));
            return;
        }
        ResponseQuota.Allowance allowance = quota.open(tenantId);
        Map<UUID, List<Job>> byWorkspace = new LinkedHashMap<>();
        for (Job job : jobs) {
            byWorkspace.computeIfAbsent(job.response().workspaceId(), workspace -> new ArrayList<>()).add(job);
        }
        int stored = 0;
        for (Map.Entry<UUID, List<Job>> workspace : byWorkspace.entrySet()) {
            actAs(TenantContext.ofWorkspace(tenantId, workspace.getKey()));
            stored += storeWorkspace(workspace.getKey(), workspace.getValue(), allowance, allowance.remaining() - stored,
                    outcomes);
        }
        quota.add(tenantId, stored);
    }

    /** Stores one workspace's submissions, at most {@code budget} new ones; returns how many were stored. */
    private int storeWorkspace(UUID workspaceId, List<Job> jobs, ResponseQuota.Allowance allowance, int budget,
            Map<Job, Outcome> outcomes) {
        Map<UUID, Optional<Survey>> current = new HashMap<>();
        List<Job> open = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            Survey survey = current.computeIfAbsent(job.response().surveyId(), id -> surveys.find(workspaceId, id)).orElse(null);
            if (survey == null || survey.status() == SurveyStatus.DRAFT) {
                outcomes.put(job, Outcome.failed(new NotFoundException("Survey")));
            } else if (!survey.acceptsAnswers()) {
                outcomes.put(job, Outcome.failed(new GoneException("This survey is closed and no longer takes answers")));
            } else {
                open.add(job);
            }
        }
        Set<SubmissionKey> inserted = new HashSet<>(repository.insertNew(workspaceId,
                open.stream().map(Job::response).toList()));
        List<Job> kept = new ArrayList<>(inserted.size());
        List<UUID> overQuota = new ArrayList<>();
        for (Job job : open) {
            if (!inserted.contains(job.key())) {
                outcomes.put(job, Outcome.REPEAT);
            } else if (kept.size() < budget) {
                kept.add(job);
            } else {
                overQuota.add(job.response().id());
                outcomes.put(job, Outcome.failed(allowance.exceeded()));
            }
        }
        // taken back before anything refers to them: nothing of a refused submission is written
        repository.deleteAll(workspaceId, overQuota);
        outbox.appendAll(EventTypes.RESPONSE_SUBMITTED, 1, kept.stream()
                .map(job -> new Outbox.Pending(job.response().tenantId(), workspaceId,
                        job.response().event(current.get(job.response().surveyId()).orElseThrow().journeyId())))
                .toList());
        for (Job job : kept) {
            // listeners (follow-up cases) run now, in this transaction, with the survey as it is now
            events.publishEvent(Responses.received(current.get(job.response().surveyId()).orElseThrow(), job.response()));
            outcomes.put(job, Outcome.STORED);
        }
        return kept.size();
    }

    /**
     * The transaction's connection was taken without a tenant context; each agency's (and workspace's)
     * part runs under its own, for row-level security and for listeners that read the holder.
     */
    private void actAs(TenantContext context) {
        jdbc.sql("select set_config('waymark.tenant_id', ?, true), set_config('waymark.workspace_id', ?, true)")
                .params(context.tenantId().toString(), context.workspaceId() == null ? "" : context.workspaceId().toString())
                .query().listOfRows();
        TenantContextHolder.set(context);
    }

    @Override
    public void start() {
        running = true;
        Thread started = new Thread(this::run, "response-writer");
        started.setDaemon(true);
        started.start();
        thread = started;
    }

    /** Stops taking submissions, then stores what is queued before returning. */
    @Override
    public void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            try {
                current.join(properties.timeout().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops at higher phases), so no accepted request is left waiting. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
