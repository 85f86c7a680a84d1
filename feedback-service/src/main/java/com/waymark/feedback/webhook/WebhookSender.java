package com.waymark.feedback.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import com.waymark.platform.tenancy.TenantContextHolder;

/**
 * Sends pending deliveries. One scheduler thread claims due deliveries (any tenant, {@code SKIP LOCKED}
 * with a lease) only as far as the bounded pool of {@code sender-threads} has room; each attempt then
 * runs on that pool, outside any database transaction: read the delivery under its tenant context,
 * POST it signed (connect and read timeouts), record the outcome. A failed attempt is retried after an
 * exponentially growing, jittered wait, up to {@code max-attempts}; then the delivery is failed.
 * Ingestion never waits for any of this: it only writes delivery rows.
 */
@Component
class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int MAX_ERROR = 500;

    private final DeliveryRepository deliveries;
    private final WebhookTargets targets;
    private final SecretBox secrets;
    private final WebhookProperties properties;
    private final TransactionTemplate transactions;
    private final HttpClient http;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean pending = new AtomicBoolean(true);
    private volatile @Nullable ScheduledExecutorService scheduler;
    private volatile @Nullable ThreadPoolExecutor pool;

    WebhookSender(DeliveryRepository deliveries, WebhookTargets targets, SecretBox secrets, WebhookProperties properties,
            TransactionTemplate transactions) {
        this.deliveries = deliveries;
        this.targets = targets;
        this.secrets = secrets;
        this.properties = properties;
        this.transactions = transactions;
        // redirects are not followed: a public endpoint could otherwise bounce us into a private network
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** New deliveries were committed: look now rather than at the next poll. */
    void nudge() {
        pending.set(true);
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            try {
                current.execute(this::claimQuietly);
            } catch (RuntimeException rejected) {
                // shutting down; the next start polls anyway
            }
        }
    }

    private void claimQuietly() {
        try {
            if (pending.getAndSet(false)) {
                claim();
            }
        } catch (RuntimeException e) {
            pending.set(true);
            log.warn("Claiming webhook deliveries failed; retrying at the next poll: {}", e.toString());
        }
    }

    /** Claims as many due deliveries as the pool has room for, and hands them to it. */
    private void claim() {
        ThreadPoolExecutor workers = pool;
        if (workers == null) {
            return;
        }
        int room = properties.senderThreads() * 2 - inFlight.get();
        if (room <= 0) {
            pending.set(true);
            return;
        }
        List<DeliveryRepository.Claim> claims = deliveries.claim(room, properties.lease());
        for (DeliveryRepository.Claim claim : claims) {
            inFlight.incrementAndGet();
            try {
                workers.execute(() -> {
                    try {
                        attemptQuietly(claim);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            } catch (RuntimeException rejected) {
                // the lease runs out and another round takes it
                inFlight.decrementAndGet();
            }
        }
        if (claims.size() == room) {
            pending.set(true); // there may be more
        }
    }

    private void attemptQuietly(DeliveryRepository.Claim claim) {
        try {
            TenantContextHolder.runAs(claim.context(), () -> attempt(claim));
        } catch (RuntimeException e) {
            log.warn("Webhook delivery {} could not be attempted; its lease will run out and it is retried: {}",
                    claim.deliveryId(), e.toString());
        }
    }

    private void attempt(DeliveryRepository.Claim claim) {
        Optional<DeliveryRepository.Outgoing> found = deliveries.outgoing(claim.workspaceId(), claim.deliveryId());
        if (found.isEmpty() || !Delivery.PENDING.equals(found.get().status())) {
            transactions.executeWithoutResult(status -> deliveries.release(claim.workspaceId(), claim.deliveryId()));
            return;
        }
        DeliveryRepository.Outgoing outgoing = found.get();
        int attempt = outgoing.attempt() + 1;
        Instant started = Instant.now();
        Integer httpStatus = null;
        String error;
        boolean permanent = false;
        if (!outgoing.active()) {
            error = "the webhook is inactive";
            permanent = true;
        } else {
            Optional<String> refused = targets.problemBeforeSending(outgoing.url());
            if (refused.isPresent()) {
                error = "url " + refused.get();
                // a URL that breaks the rules will not get better; a name that does not resolve (yet) may
                permanent = !refused.get().contains("does not resolve");
            } else {
                Sent sent = send(outgoing, secrets.open(outgoing.webhookId(), outgoing.sealedSecret()));
                httpStatus = sent.httpStatus();
                error = sent.error();
            }
        }
        Instant finished = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Delivery.Attempt record = new Delivery.Attempt(attempt, started.truncatedTo(ChronoUnit.MICROS), httpStatus,
                error == null ? null : truncate(error), Duration.between(started, finished).toMillis());
        String status;
        Instant next = null;
        if (error == null) {
            status = Delivery.DELIVERED;
        } else if (permanent || attempt >= properties.maxAttempts()) {
            status = Delivery.FAILED;
        } else {
            status = Delivery.PENDING;
            next = finished.plus(backoff(attempt, properties.retryBase(), properties.retryMax()));
        }
        String newStatus = status;
        Instant nextAttempt = next;
        transactions.executeWithoutResult(tx -> deliveries.recordAttempt(claim.workspaceId(), claim.deliveryId(), record,
                newStatus, nextAttempt));
    }

    private record Sent(@Nullable Integer httpStatus, @Nullable String error) {
    }

    private Sent send(DeliveryRepository.Outgoing outgoing, String secret) {
        long now = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(outgoing.url()))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Waymark-Webhooks/1")
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, now, outgoing.body()))
                .header("Waymark-Event", outgoing.event())
                .header("Waymark-Delivery", outgoing.deliveryId().toString())
                .POST(HttpRequest.BodyPublishers.ofString(outgoing.body(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // the body is of no interest; closing it early frees the connection instead of reading a slow answer
            response.body().close();
            int code = response.statusCode();
            return new Sent(code, code >= 200 && code < 300 ? null : "the endpoint answered HTTP " + code);
        } catch (HttpTimeoutException e) {
            return new Sent(null, "timed out: " + e.getMessage());
        } catch (IOException e) {
            return new Sent(null, "could not connect or send: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(null, "interrupted while sending (shutting down)");
        }
    }

    /**
     * The wait after attempt {@code attempt} (1-based): {@code base * 2^(attempt-1)}, at most {@code max},
     * of which a random half is dropped ("equal jitter"), so endpoints coming back are not hit by every
     * retry at once.
     */
    static Duration backoff(int attempt, Duration base, Duration max) {
        long exponential = base.toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(exponential < 0 ? Long.MAX_VALUE : exponential, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "\u2026";
    }

    @Override
    public void start() {
        ThreadPoolExecutor workers = new ThreadPoolExecutor(properties.senderThreads(), properties.senderThreads(), 60,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(properties.senderThreads() * 2), runnable -> {
                    Thread thread = new Thread(runnable, "webhook-sender");
                    thread.setDaemon(true);
                    return thread;
                });
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-dispatch");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(10, properties.pollInterval().toMillis());
        pool = workers;
        started.scheduleWithFixedDelay(() -> {
            pending.set(true);
            claimQuietly();
        }, interval, interval, TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = scheduler;
        scheduler = null;
        if (current != null) {
            current.shutdownNow();
        }
        ThreadPoolExecutor workers = pool;
        pool = null;
        if (workers != null) {
            workers.shutdown();
            try {
                // attempts in flight finish within their timeouts; unfinished ones are retried after their lease
                workers.awaitTermination(properties.connectTimeout().plus(properties.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        // start after the data source is ready, stop before it (like the event listeners)
        return Integer.MAX_VALUE - 100;
    }
}
