package org.racetiming.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import org.racetiming.embedded.TimingStack;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.IngestConfig;
import org.racetiming.ingest.IngestService;
import org.racetiming.ingest.feed.FeedResult;
import org.racetiming.ingest.feed.RejectedRecord;
import org.racetiming.ingest.publish.EventPublisher;
import org.racetiming.ingest.publish.EventSink;
import org.racetiming.ingest.publish.FeedPublisher;
import org.racetiming.ingest.publish.FeedSummary;
import org.racetiming.ingest.publish.Pacer;
import org.racetiming.ingest.publish.Progress;
import org.racetiming.ingest.publish.PublisherSettings;
import org.racetiming.ingest.replay.SessionEventsReader;
import org.racetiming.time.RaceTime;
import org.racetiming.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Publishes a recorded session (Al Kamel analysis CSV, optionally with race control; or a recorded
 * live feed, {@code *.jsonl}, in the order it was received) to timing-events at a speed, accounting
 * for every row; or, with {@code --http}, runs the HTTP ingest API as the deployed service does.
 * The first event Kafka does not take stops the ingest (exit 2) with nothing after it on the topic,
 * so that {@code --session} resumes it in order.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Publish an Al Kamel analysis CSV, or a recorded live feed (.jsonl: events in the HTTP API's format, sent in file "
                    + "order), to timing-events at live pace, a speed factor or as fast as possible, "
                    + "and print `N published, M rejected`; rejected rows go to timing-events-rejected and are listed on stderr.",
            "If Kafka does not take an event, nothing after it is sent: the command names it and exits 2; run it again with "
                    + "--session to continue in order.",
            "With --http, run the HTTP ingest API instead (POST /sessions/{id}/events; see the README), as IngestApp does.",
            "",
            "Kafka and the registry: KAFKA_BOOTSTRAP_SERVERS and SCHEMA_REGISTRY_URL when set. Without them the command starts "
                    + "its own embedded broker and registry, which stop (with the data) when it ends: set them to feed a running "
                    + "stack (`timing demo` runs everything in one process)."},
        footer = {"", "Environment for --http: INGEST_TOKEN (required unless --open), INGEST_HTTP_PORT, INGEST_MAX_BODY_BYTES."})
final class IngestCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ANALYSIS.csv|FEED.jsonl",
            description = "Al Kamel analysis CSV (one row per lap), or a recorded live feed (*.jsonl).")
    Path analysis;

    @Option(names = "--race-control", paramLabel = "FILE.jsonl",
            description = "Race-control decisions (JSON Lines), merged into the session of a CSV.")
    Path raceControl;

    @Option(names = "--session", paramLabel = "ID", description = "Session id (default: the folder's name and a time stamp). "
            + "Events of this session already on timing-events are not sent again, so an interrupted ingest can be resumed.")
    String session;

    @Option(names = "--speed", paramLabel = "N|max", defaultValue = "max", converter = SpeedOption.class,
            description = "1 = live (events at their session time), 60 = an hour a minute, max = as fast as possible (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--duration", paramLabel = "H:MM:SS", converter = TimeOption.class,
            description = "Scheduled duration, for a CSV without a chequered-flag column.")
    Long durationMs;

    @Option(names = "--http", description = "Run the HTTP ingest API instead of publishing a file.")
    boolean http;

    @Option(names = "--port", paramLabel = "P", description = "HTTP port for --http (default INGEST_HTTP_PORT or 8090).")
    Integer port;

    @Option(names = "--open", description = "With --http: no bearer token, anyone who reaches the port may post. Local use only.")
    boolean open;

    /** What stands between the publisher and the producer: nothing, except in tests that simulate an outage. */
    UnaryOperator<EventSink> sendPath = UnaryOperator.identity();

    @Override
    public Integer call() throws Exception {
        if (http) {
            if (analysis != null) {
                throw new IllegalArgumentException("give either an analysis file or --http, not both");
            }
            return serveHttp();
        }
        if (analysis == null) {
            throw new IllegalArgumentException("give an Al Kamel analysis CSV to publish, or --http to run the HTTP ingest API");
        }
        RaceFeed.requireReadable(analysis, raceControl);
        RaceFeed.requireOptionsFit(analysis, raceControl, durationMs);
        String sessionId = sessionId();
        // Reading the file and starting the stack take seconds each: do them at the same time.
        CompletableFuture<FeedResult> reading = CompletableFuture.supplyAsync(() -> read(sessionId));
        try (Pipeline pipeline = Pipeline.start()) {
            FeedResult feed = await(reading);
            Log.info("read %,d events from %s (%d records rejected)", feed.events().size(), analysis, feed.rejected().size());
            FeedSummary summary;
            summary = publish(pipeline, sessionId, feed, System.out, System.err);
            // A Ctrl-C ended the publishing (it flushed what it sent): the stack below must close normally.
            Thread.interrupted();
            return summary.complete() ? 0 : CliErrors.STOPPED;
        }
    }

    String sessionId() {
        return session != null ? session : RaceFeed.sessionIdFor(analysis);
    }

    FeedResult read(String sessionId) {
        return RaceFeed.read(analysis, raceControl, durationMs, sessionId);
    }

    /**
     * Publishes the feed to the stack: checks Kafka and the registry (bounded tries), skips what the
     * session already has on the topic, publishes at the speed, and prints the accounting.
     *
     * @param out gets the one-line result; {@code err} gets every rejected row and progress
     */
    FeedSummary publish(Pipeline pipeline, String sessionId, FeedResult feed, PrintStream out, PrintStream err) {
        Topics topics = pipeline.topics();
        try (EventPublisher publisher = new EventPublisher(pipeline.bootstrapServers(), topics, PublisherSettings.defaults(), sendPath)) {
            if (session != null) {
                List<TimingEvent> already = new SessionEventsReader(pipeline.bootstrapServers(), topics.timingEvents(),
                        Duration.ofSeconds(30)).read(sessionId, SessionEventsReader.Scope.KEY_PARTITION);
                if (!already.isEmpty()) {
                    publisher.markSent(sessionId, already.stream().map(TimingEvent::getEventId).toList());
                    Log.info("session %s already has %,d events on %s: only the missing ones are sent", sessionId,
                            already.size(), Topics.TIMING_EVENTS);
                }
            }
            List<TimingEvent> events = feed.events();
            // A recorded live feed is in arrival order: its last line need not be its latest event.
            long last = events.stream().mapToLong(TimingEvent::getSessionTimeMs).max().orElse(0);
            Log.info("publishing session %s at %s: %,d events up to %s", sessionId, Pacer.describe(speed), events.size(),
                    RaceTime.formatHms(last));
            FeedSummary summary;
            try {
                summary = new FeedPublisher(publisher, new Pacer(speed))
                        .publish(sessionId, events, feed.rejected(), Progress.onTerminal(events.size(), last));
            } catch (EventPublisher.PublishException e) {
                reportStop(publisher.firstUndelivered(), sessionId, err);
                throw e;
            }
            report(summary, feed.rejected(), sessionId, out, err);
            return summary;
        }
    }

    /** Where the feed stopped, and how to go on from there. */
    private void reportStop(TimingEvent first, String sessionId, PrintStream err) {
        if (first != null) {
            err.printf(Locale.ROOT, "stopped at event %s (session time %s): Kafka did not acknowledge it, and nothing after it "
                    + "was sent%n", first.getEventId(), RaceTime.formatHms(first.getSessionTimeMs()));
        }
        err.printf(Locale.ROOT, "resume in order, once Kafka is back, with: timing ingest %s --session %s%n", analysis, sessionId);
        err.flush();
    }

    private static void report(FeedSummary summary, List<RejectedRecord> rejected, String sessionId, PrintStream out, PrintStream err) {
        for (RejectedRecord record : rejected) {
            err.println(record.source() + " \u2014 " + record.reason());
        }
        if (!summary.complete()) {
            err.println("stopped before the end of the file");
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d published, %d rejected", summary.published(), summary.rejected()));
        if (summary.duplicates() > 0) {
            line.append(String.format(Locale.ROOT, ", %d duplicates not sent again (already on %s or repeated in the feed)",
                    summary.duplicates(), Topics.TIMING_EVENTS));
        }
        line.append(String.format(Locale.ROOT, " (session %s; %s", sessionId, Topics.TIMING_EVENTS));
        if (summary.rejected() > 0) {
            line.append(String.format(Locale.ROOT, "; rejected rows on %s with their reason in headers, listed above on stderr",
                    Topics.TIMING_EVENTS_REJECTED));
        }
        line.append(String.format(Locale.ROOT, ") in %.1f s, %,.0f events/s", summary.took().toNanos() / 1e9, summary.eventsPerSecond()));
        out.println(line);
        out.flush();
    }

    private Integer serveHttp() {
        // Refuse a missing token or a busy port before starting anything (the stack takes seconds).
        IngestConfig pending = IngestConfig.fromEnv(System.getenv(), "pending", "pending", port, open);
        LocalPort.requireFree(null, pending.http().port(), "--port");
        try (TimingStack stack = TimingStack.start()) {
            IngestConfig config = IngestConfig.fromEnv(System.getenv(), stack.endpoints().bootstrapServers(),
                    stack.endpoints().schemaRegistryUrl(), port, open);
            try (IngestService service = IngestService.start(config)) {
                Log.info("HTTP ingest API on http://localhost:%d/sessions/{sessionId}/events, publishing to Kafka at %s (%s); Ctrl-C to stop",
                        service.port(), stack.endpoints().bootstrapServers(), stack.embedded() ? "embedded" : "external");
                TimingProcess.awaitCtrlC();
            }
        }
        return 0;
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
