package org.racetiming.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.RejectedRecord;
import org.racetiming.ingest.publish.EventPublisher;
import org.racetiming.output.Standings;
import org.racetiming.standings.StandingsService;
import org.racetiming.standings.rules.RaceSession;
import org.racetiming.time.RaceTime;
import org.racetiming.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Classifies a race through the whole pipeline: the file is published to timing-events, the
 * standings topology classifies it, and the table printed is what comes back from Kafka.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify a race from an Al Kamel analysis CSV, or a recorded live feed (.jsonl), through Kafka. "
                + "Prints a ;-separated table on stdout.",
            "A recorded feed is JSON Lines of events in the HTTP ingest API's format, published in file order (as it arrived); "
                    + "its SESSION_STARTED gives the duration, its own lines the race control."})
final class ClassifyCommand implements Callable<Integer> {

    /** Its own consumer group: on a shared cluster, classify must not join the deployed standings instances. */
    static final String APPLICATION_ID = "timing-classify";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ANALYSIS.csv|FEED.jsonl",
            description = "Al Kamel analysis CSV (one row per lap), or a recorded live feed (*.jsonl).")
    Path analysis;

    @Option(names = "--race-control", paramLabel = "FILE.jsonl", description = "Race-control events (JSON Lines), with a CSV only.")
    Path raceControl;

    @Option(names = "--at", paramLabel = "H:MM:SS.mmm", description = "Standings at this session time (default: the end).")
    String at;

    @Option(names = "--duration", paramLabel = "H:MM:SS",
            description = "Scheduled duration, for a CSV without a chequered-flag column.")
    String duration;

    @Override
    public Integer call() throws Exception {
        Long atMs = at == null ? null : parseTime("--at", at);
        Long durationMs = duration == null ? null : parseTime("--duration", duration);
        long started = System.nanoTime();
        RaceFeed.requireReadable(analysis, raceControl);
        RaceFeed.requireOptionsFit(analysis, raceControl, durationMs);
        // Reading the file and starting the stack take seconds each: do them at the same time.
        CompletableFuture<RaceFeed> reading = CompletableFuture.supplyAsync(() -> RaceFeed.read(analysis, raceControl, durationMs));
        try (Pipeline pipeline = Pipeline.start()) {
            StackEndpoints endpoints = pipeline.endpoints();
            try (ScratchDir stateDir = ScratchDir.create("timing-classify-state");
                 StandingsService service = StandingsService.launch(endpoints.bootstrapServers(), endpoints.schemaRegistryUrl(),
                         StandingsService.Options.defaults(APPLICATION_ID, stateDir.path()))) {
                service.awaitRunning();
                Log.info("standings topology running");
                RaceFeed feed = await(reading);
                Log.info("read %d events from %s (%d records rejected)", feed.events().size(), analysis, feed.rejected().size());
                long published = publish(feed, endpoints, pipeline.topics());
                Standings result = classification(endpoints, pipeline.topics(), service, feed.sessionId(), published, atMs);
                spec.commandLine().getOut().print(ClassificationTable.format(result));
                spec.commandLine().getOut().flush();
            }
        }
        Log.info("classified in %d ms", (System.nanoTime() - started) / 1_000_000);
        return 0;
    }

    private static long publish(RaceFeed feed, StackEndpoints endpoints, Topics topics) {
        try (EventPublisher publisher = new EventPublisher(endpoints.bootstrapServers(), topics)) {
            for (TimingEvent event : feed.events()) {
                publisher.publish(event);
            }
            for (RejectedRecord rejected : feed.rejected()) {
                publisher.reject(feed.sessionId(), rejected);
                Log.info("rejected %s: %s", rejected.source(), rejected.reason());
            }
            publisher.flush();
            Log.info("%d events published to %s, %d rejected to %s", publisher.published(), Topics.TIMING_EVENTS,
                    publisher.rejected(), Topics.TIMING_EVENTS_REJECTED);
            return publisher.published();
        }
    }

    /** The value of a background step, with its own exception rather than a wrapper. */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Standings classification(StackEndpoints endpoints, Topics topics, StandingsService service,
                                             String sessionId, long published, Long atMs) {
        Duration timeout = Duration.ofMinutes(2);
        Standings overall;
        Log.info("waiting for the topology to take in all %d events", published);
        try (OutputWatcher watcher = new OutputWatcher(endpoints.bootstrapServers(), topics.overallStandings(), sessionId)) {
            overall = watcher.await(s -> s.getEventsSeen() >= published, timeout, "the standings of all " + published + " events");
        }
        Log.info("standings of all events received");
        if (atMs != null) {
            return service.queries().at(sessionId, atMs).map(RaceSession::classification)
                    .orElseThrow(() -> new IllegalStateException("no events of session " + sessionId + " in the store"));
        }
        if (!overall.getChequered()) {
            Log.info("no chequered flag in the data (give --duration for older files): live standings at the last event");
            return overall;
        }
        if (!overall.getFinalClassification()) {
            Log.info("the session has not ended (no SESSION_END, and cars still out): provisional classification");
            return overall;
        }
        try (OutputWatcher watcher = new OutputWatcher(endpoints.bootstrapServers(), topics.finalClassification(), sessionId)) {
            return watcher.await(s -> s.getEventsSeen() >= published, timeout, "the final classification");
        }
    }

    private static long parseTime(String option, String text) {
        try {
            return RaceTime.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + e.getMessage() + " (expected H:MM:SS.mmm)", e);
        }
    }

}
