import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of bench/metrics (run with {@code java MetricsBench.java ...}, JDK 17, no dependencies).
 *
 * <pre>
 * latency &lt;url&gt; &lt;token&gt; &lt;warmup&gt; &lt;samples&gt; &lt;body-file&gt;
 *     sequential GETs on one kept-alive connection; prints "p50 p95 p99 max mean" in ms, saves the last body
 * ingest &lt;gateway&gt; &lt;survey-token&gt; &lt;summary-url&gt; &lt;token&gt; &lt;touchpoint-id&gt; &lt;rate/s&gt; &lt;seconds&gt;
 *     submits answers to the published survey at a fixed rate through the public endpoint while polling the
 *     summary without pause; the k-th accepted submission (by its 202) counts as visible at the end of the
 *     first poll whose touchpoint NPS n is at least the starting n + k
 * </pre>
 */
public class MetricsBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "latency" -> latency(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
            case "ingest" -> ingest(args[1], args[2], args[3], args[4], args[5], Integer.parseInt(args[6]),
                    Integer.parseInt(args[7]));
            default -> throw new IllegalArgumentException("latency or ingest");
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    static void latency(String url, String token, int warmup, int samples, Path bodyFile) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(120)).GET().build();
        String body = null;
        for (int i = 0; i < warmup; i++) {
            body = get(request);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            body = get(request);
            times.add((System.nanoTime() - start) / 1e6);
        }
        Files.writeString(bodyFile, body == null ? "" : body);
        double mean = times.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Collections.sort(times);
        System.out.printf(Locale.ROOT, "%.1f %.1f %.1f %.1f %.1f%n", pick(times, 50), pick(times, 95), pick(times, 99),
                times.get(times.size() - 1), mean);
    }

    static String get(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Nearest rank. */
    static double pick(List<Double> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    record Poll(long endNanos, long n) {
    }

    static void ingest(String gateway, String surveyToken, String summaryUrl, String token, String touchpointId, int rate,
            int seconds) throws Exception {
        HttpRequest poll = HttpRequest.newBuilder(URI.create(summaryUrl)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();
        Pattern count = Pattern.compile("\"touchpointId\":\"" + Pattern.quote(touchpointId)
                + "\".*?\"nps\":\\{[^}]*?\"n\":(\\d+)");
        long base = npsN(get(poll), count);
        int total = rate * seconds;
        ConcurrentLinkedQueue<Long> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long intervalNanos = 1_000_000_000L / rate;
        long startNanos = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            if (sent.get() >= total) {
                return;
            }
            sent.incrementAndGet();
            int score = 6 + (int) (Math.random() * 5);
            String body = "{\"submissionId\":\"" + UUID.randomUUID() + "\",\"answers\":[{\"questionId\":\"nps\",\"value\":"
                    + score + "}],\"lang\":\"en\"}";
            HttpRequest submit = HttpRequest.newBuilder(URI.create(gateway + "/public/api/surveys/" + surveyToken + "/responses"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            inFlight.add(HTTP.sendAsync(submit, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() / 100 == 2) {
                    accepted.add(System.nanoTime());
                } else {
                    failed.incrementAndGet();
                    if (errors.size() < 5) {
                        errors.add(error != null ? error.toString() : response.statusCode() + " " + response.body());
                    }
                }
            }));
        }, 0, intervalNanos, TimeUnit.NANOSECONDS);

        List<Poll> polls = new ArrayList<>();
        long deadline = startNanos + (seconds + 30L) * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            long n = npsN(get(poll), count);
            polls.add(new Poll(System.nanoTime(), n));
            boolean allSent = sent.get() >= total && inFlight.stream().allMatch(CompletableFuture::isDone);
            if (allSent && n - base >= accepted.size()) {
                break;
            }
        }
        ticker.shutdownNow();
        double sendSeconds = (System.nanoTime() - startNanos) / 1e9;
        List<Long> acceptedTimes = new ArrayList<>(accepted);
        Collections.sort(acceptedTimes);
        List<Double> latencies = new ArrayList<>();
        int missing = 0;
        for (int k = 1; k <= acceptedTimes.size(); k++) {
            long at = acceptedTimes.get(k - 1);
            Long visible = null;
            for (Poll p : polls) {
                if (p.endNanos() >= at && p.n() - base >= k) {
                    visible = p.endNanos();
                    break;
                }
            }
            if (visible == null) {
                missing++;
            } else {
                latencies.add((visible - at) / 1e6);
            }
        }
        Collections.sort(latencies);
        double pollMean = polls.size() < 2 ? 0 : (polls.get(polls.size() - 1).endNanos() - polls.get(0).endNanos()) / 1e6
                / (polls.size() - 1);
        System.out.printf(Locale.ROOT, "sent %d, accepted %d, failed %d, not visible within 30 s after the run %d; "
                + "polls %d (one every %.1f ms)%n", sent.get(), acceptedTimes.size(), failed.get(), missing, polls.size(), pollMean);
        if (!errors.isEmpty()) {
            System.out.println("first errors: " + errors);
        }
        if (!latencies.isEmpty()) {
            System.out.printf(Locale.ROOT, "RESULT p50 %.0f p95 %.0f p99 %.0f max %.0f offered %.0f/s%n", pick(latencies, 50),
                    pick(latencies, 95), pick(latencies, 99), latencies.get(latencies.size() - 1),
                    acceptedTimes.size() / Math.max(1e-9, (acceptedTimes.get(acceptedTimes.size() - 1) - startNanos) / 1e9));
        }
    }

    static long npsN(String summary, Pattern count) {
        Matcher matcher = count.matcher(summary);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
