package org.racetiming.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The viewers of {@code timing benchmark-viewers}, in a process of their own so that their CPU and sockets are not
 * the server's: N server-sent-event clients on one session, each time-stamping every board it receives against the
 * moment its event arrived on timing-events ({@code eventInMs}). Connects, prints {@code connected N ms}, measures
 * for the given seconds, prints one {@code result ...} line and exits. One JDK HttpClient: one selector thread for
 * every connection, two threads for the lines.
 *
 * <p>Arguments: URL VIEWERS SECONDS (loopback only: the URL must be on 127.0.0.1).
 */
final class ViewerFleet {

    private static final Pattern EVENT_IN = Pattern.compile("\"eventInMs\":(\\d+)");
    private static final int BATCH = 500;

    private final LatencyHistogram latency = new LatencyHistogram(60_000);
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong boards = new AtomicLong();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile boolean measuring;

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("viewers connect to 127.0.0.1 only, not " + uri.getHost());
        }
        new ViewerFleet().run(uri, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.exit(0); // the streams never end by themselves
    }

    private void run(URI uri, int viewers, int seconds) throws InterruptedException {
        ExecutorService lines = Executors.newFixedThreadPool(2);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(lines)
                .connectTimeout(Duration.ofSeconds(30)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        CountDownLatch snapshots = new CountDownLatch(viewers);
        List<CompletableFuture<?>> streams = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < viewers; i++) {
            Viewer viewer = new Viewer(snapshots);
            streams.add(client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(viewer))
                    .whenComplete((response, error) -> viewer.ended()));
            if ((i + 1) % BATCH == 0) {
                // Let a batch get its snapshots before the next one connects: a ramp, not a stampede.
                while (snapshots.getCount() > viewers - (i + 1) && !snapshots.await(100, TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
                        break;
                    }
                }
            }
        }
        boolean all = snapshots.await(5, TimeUnit.MINUTES);
        System.out.printf(Locale.ROOT, "connected %d %d%n", viewers - failed.get() - (all ? 0 : (int) snapshots.getCount()),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        System.out.flush();
        bytes.set(0);
        boards.set(0);
        measuring = true;
        long measureStart = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        measuring = false;
        double elapsed = (System.nanoTime() - measureStart) / 1e9;
        System.out.printf(Locale.ROOT, "result viewers=%d failed=%d boards=%d p50=%d p99=%d max=%d bytesPerSecond=%.0f%n",
                viewers, failed.get(), boards.get(), latency.percentile(0.50), latency.percentile(0.99), latency.max(),
                bytes.get() / elapsed);
        System.out.flush();
        streams.forEach(stream -> stream.cancel(true));
        lines.shutdownNow();
    }

    /** One viewer: counts bytes, and for every board its latency from event in to here. */
    private final class Viewer implements Flow.Subscriber<String> {
        private final CountDownLatch snapshots;
        private boolean snapshot;
        private boolean ended;

        Viewer(CountDownLatch snapshots) {
            this.snapshots = snapshots;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.currentTimeMillis();
            if (measuring) {
                bytes.addAndGet(line.length() + 1);
            }
            if (!line.startsWith("data:")) {
                return;
            }
            if (line.contains("\"standings\":")) {
                gotSnapshot();
            }
            if (measuring && line.startsWith("data: {\"seq\":")) {
                Matcher eventIn = EVENT_IN.matcher(line.substring(0, Math.min(line.length(), 80)));
                if (eventIn.find()) {
                    latency.record(now - Long.parseLong(eventIn.group(1)));
                    boards.incrementAndGet();
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            ended();
        }

        @Override
        public void onComplete() {
            ended();
        }

        private synchronized void gotSnapshot() {
            if (!snapshot) {
                snapshot = true;
                snapshots.countDown();
            }
        }

        /** The stream ended (refused, failed or closed): a failed viewer, and no longer one to wait for. */
        synchronized void ended() {
            if (ended) {
                return;
            }
            ended = true;
            failed.incrementAndGet();
            if (!snapshot) {
                snapshot = true;
                snapshots.countDown();
            }
        }
    }
}
