package org.racetiming.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.simulator.RaceSimulator;
import org.racetiming.ingest.feed.simulator.SimulatorConfig;
import org.racetiming.ingest.publish.EventPublisher;
import org.racetiming.ingest.publish.Pacer;
import org.racetiming.standings.StandingsService;
import org.racetiming.standings.http.StandingsHttp;
import org.racetiming.time.RaceTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * How many live screens one instance serves: the standings service with its HTTP server on 127.0.0.1, a race
 * published at a live pace, and N server-sent-event viewers in a child process ({@link ViewerFleet}). Reports event
 * in (on timing-events) to board received by a viewer (p50, p99, max), the server's CPU and memory, and bytes/s to
 * the viewers; first, what an update weighs for one viewer (snapshot against delta). Bounded: at most
 * {@value #MAX_VIEWERS} viewers and {@value #MAX_SECONDS} s of measuring, then it stops by itself.
 */
@Command(name = "benchmark-viewers", mixinStandardHelpOptions = true,
        description = "Measure live screens: bytes per update (snapshot vs delta) and N SSE viewers on loopback at a live pace.")
final class ViewerBenchmarkCommand implements Callable<Integer> {

    static final int MAX_VIEWERS = 20_000;
    static final int MAX_SECONDS = 600;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ANALYSIS.csv",
            description = "Race to publish (default: the simulator's race with --cars cars).")
    Path analysis;

    @Option(names = "--race-control", paramLabel = "FILE.jsonl")
    Path raceControl;

    @Option(names = "--viewers", defaultValue = "1000", description = "SSE viewers (1 to " + MAX_VIEWERS + "; default ${DEFAULT-VALUE}).")
    int viewers;

    @Option(names = "--seconds", defaultValue = "60", description = "Measuring time once every viewer is connected (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--speed", defaultValue = "1", description = "Pace of the race while measuring: 1 = live (default ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--from", defaultValue = "1:00:00", paramLabel = "H:MM:SS",
            description = "Session time published at once before the viewers connect, so the board is full (default ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--cars", defaultValue = "62", description = "Cars of the simulated race (default ${DEFAULT-VALUE}, Le Mans' grid).")
    int cars;

    @Option(names = "--bytes-window", defaultValue = "5000", description = "Consecutive events measured for bytes per update (default ${DEFAULT-VALUE}).")
    int bytesWindow;

    @Override
    public Integer call() throws Exception {
        if (viewers < 1 || viewers > MAX_VIEWERS) {
            throw new IllegalArgumentException("--viewers must be between 1 and " + MAX_VIEWERS + ", was " + viewers);
        }
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("--seconds must be between 1 and " + MAX_SECONDS + ", was " + seconds);
        }
        double pace = Pacer.parseSpeed(speed);
        long fromMs = RaceTime.parse(from);
        String sessionId;
        List<TimingEvent> events = new ArrayList<>();
        if (analysis == null) {
            sessionId = "viewers-" + Long.toString(System.currentTimeMillis(), 36);
            new RaceSimulator(SimulatorConfig.defaults(sessionId).withCars(cars).withStart(Instant.now())).forEachRemaining(events::add);
        } else {
            RaceFeed feed = RaceFeed.read(analysis, raceControl, null);
            sessionId = feed.sessionId();
            events.addAll(feed.events());
        }
        int first = firstAtOrAfter(events, fromMs);

        Log.info("bytes per update: events %d to %d of %s through the rules", first, first + bytesWindow, sessionId);
        DeltaWeight.Result weight = DeltaWeight.measure(sessionId, events, first, bytesWindow);
        Log.info("bytes per update: %s", weight.describe());

        try (Pipeline pipeline = Pipeline.start()) {
            StackEndpoints endpoints = pipeline.endpoints();
            Path stateDir = Files.createTempDirectory("timing-viewers-state");
            try (StandingsService service = StandingsService.start(endpoints.bootstrapServers(), endpoints.schemaRegistryUrl(),
                         StandingsService.Options.defaults(stateDir));
                 StandingsHttp http = StandingsHttp.start(service, endpoints.bootstrapServers(), endpoints.schemaRegistryUrl(),
                         StandingsHttp.Settings.onPort(0).onHost("127.0.0.1"));
                 EventPublisher publisher = new EventPublisher(pipeline.bootstrapServers(), pipeline.topics())) {
                for (int i = 0; i < first; i++) {
                    publisher.publish(events.get(i));
                }
                publisher.flush();
                Log.info("published the race up to %s (%d events); waiting for the topology to take them all in", from, first);
                awaitBoard(http.port(), sessionId, first);
                return measure(http, publisher, events.subList(first, events.size()), sessionId, pace, weight);
            } finally {
                deleteTree(stateDir);
            }
        }
    }

    /** The service's state of this one run: nothing to keep once it is over. */
    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            Log.info("could not delete %s: %s", dir, e.getMessage());
        }
    }

    private int measure(StandingsHttp http, EventPublisher publisher, List<TimingEvent> rest, String sessionId,
                        double pace, DeltaWeight.Result weight) throws Exception {
        String url = "http://127.0.0.1:" + http.port() + "/sessions/" + sessionId + "/live";
        Process fleet = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss256k", "-cp", System.getProperty("java.class.path"), ViewerFleet.class.getName(), url,
                Integer.toString(viewers), Integer.toString(seconds))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(fleet.getInputStream(), StandardCharsets.UTF_8))) {
            String connected = out.readLine();
            if (connected == null || !connected.startsWith("connected ")) {
                throw new IllegalStateException("the viewers did not connect: " + connected);
            }
            String[] parts = connected.split(" ");
            Log.info("%s of %d viewers connected with their snapshot in %s ms; measuring for %d s at %sx",
                    parts[1], viewers, parts[2], seconds, speed);

            AtomicBoolean racing = new AtomicBoolean(true);
            Thread feeder = new Thread(() -> race(publisher, rest, pace, racing), "viewers-race");
            feeder.setDaemon(true);
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long wallStart = System.nanoTime();
            Sampler sampler = new Sampler();
            sampler.start();
            feeder.start();
            String result = out.readLine();
            racing.set(false);
            feeder.interrupt();
            feeder.join(TimeUnit.SECONDS.toMillis(10)); // it must not publish once the publisher is closed
            double cores = (os.getProcessCpuTime() - cpuStart) / (double) (System.nanoTime() - wallStart);
            sampler.interrupt();
            if (result == null || !result.startsWith("result ")) {
                throw new IllegalStateException("the viewers gave no result: " + result);
            }
            Log.info("machine: %d cores, %s %s, Java %s", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
            System.out.println("bytes per update per viewer: " + weight.describe());
            System.out.printf(Locale.ROOT, "viewers: %s%n", result.substring("result ".length()));
            System.out.printf(Locale.ROOT, "server process: %.2f cores busy (of %d), heap max %d MiB, RSS %d MiB, "
                            + "live screens %d, event in -> standings out p99 %.0f ms, "
                            + "event in -> written to a screen's connection p50 %.0f ms / p99 %.0f ms%n",
                    cores, Runtime.getRuntime().availableProcessors(), sampler.maxHeapMiB, rssMiB(),
                    (long) http.metrics().registry().get("standings.live.screens").gauge().value(),
                    http.metrics().registry().get("standings.event.to.standings").timer().percentile(0.99, TimeUnit.MILLISECONDS),
                    http.metrics().registry().get("standings.live.delivered").timer().percentile(0.50, TimeUnit.MILLISECONDS),
                    http.metrics().registry().get("standings.live.delivered").timer().percentile(0.99, TimeUnit.MILLISECONDS));
            return 0;
        } finally {
            if (!fleet.waitFor(30, TimeUnit.SECONDS)) {
                fleet.destroyForcibly();
            }
        }
    }

    private static void race(EventPublisher publisher, List<TimingEvent> rest, double pace, AtomicBoolean racing) {
        Pacer pacer = new Pacer(pace);
        try {
            for (Iterator<TimingEvent> it = rest.iterator(); it.hasNext() && racing.get(); ) {
                TimingEvent event = it.next();
                pacer.awaitSessionTime(event.getSessionTimeMs());
                publisher.publish(event);
                publisher.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (racing.get()) {
                throw e;
            } // else: stopped while publishing (the producer's InterruptException): measuring is over anyway
        }
    }

    private static int firstAtOrAfter(List<TimingEvent> events, long sessionTimeMs) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).getSessionTimeMs() >= sessionTimeMs) {
                return i;
            }
        }
        throw new IllegalArgumentException("the race ends before --from " + RaceTime.formatHms(sessionTimeMs));
    }

    /** Waits until the session's board reflects {@code events} events: measuring must not start with a backlog. */
    private static void awaitBoard(int port, String sessionId, int events) throws InterruptedException {
        Pattern seen = Pattern.compile("\"eventsSeen\":(\\d+)");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/sessions/" + sessionId + "/standings")).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try {
                java.net.http.HttpResponse<String> board = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                Matcher count = seen.matcher(board.body());
                if (board.statusCode() == 200 && count.find() && Long.parseLong(count.group(1)) >= events) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no board of " + sessionId + " within 2 minutes");
    }

    private static long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: reported as -1
        }
        return -1;
    }

    /** The server's heap in use, sampled every second (its maximum is what a deployment must give it). */
    private static final class Sampler extends Thread {
        volatile long maxHeapMiB;

        Sampler() {
            super("viewers-heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            Runtime runtime = Runtime.getRuntime();
            while (!isInterrupted()) {
                maxHeapMiB = Math.max(maxHeapMiB, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
                try {
                    Thread.sleep(Duration.ofSeconds(1).toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
