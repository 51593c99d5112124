package org.racetiming.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.racetiming.ingest.publish.EventPublisher;
import org.racetiming.ingest.publish.Pacer;
import org.racetiming.ingest.publish.Progress;
import org.racetiming.ingest.publish.PublisherSettings;
import org.racetiming.ingest.replay.SessionReplay;
import org.racetiming.time.RaceTime;
import org.racetiming.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Shows a past session as live: re-publishes it from timing-events under a new session id. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Re-publish a session recorded on timing-events into a NEW session id at a speed factor, so that screens show it as live. "
                    + "Event ids and session times are kept; session id and wall clocks are new.",
            "",
            "Needs the Kafka that holds the recording: set KAFKA_BOOTSTRAP_SERVERS (and SCHEMA_REGISTRY_URL). Without them the "
                    + "command starts an empty embedded broker, which has no session to replay."})
final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "SESSION", description = "The recorded session id.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "NEW_SESSION", description = "The new session id; it must have no events yet.")
    String to;

    @Option(names = "--speed", paramLabel = "N|max", defaultValue = "1", converter = SpeedOption.class,
            description = "1 = live (default), 60 = an hour a minute, max = as fast as possible.")
    double speed;

    @Option(names = "--at", paramLabel = "H:MM:SS.mmm", converter = TimeOption.class,
            description = "Start live at this session time: the events before it are sent at once (the standings are right from "
                    + "the start), the rest at the speed.")
    Long atMs;

    @Override
    public Integer call() {
        SessionReplay.Options options = new SessionReplay.Options(from, to, speed, atMs == null ? 0 : atMs);
        try (Pipeline pipeline = Pipeline.start()) {
            SessionReplay.Result result;
            result = replay(pipeline, options);
            // A Ctrl-C ended the replay (it flushed what it sent): the stack below must close normally.
            Thread.interrupted();
            System.out.printf(Locale.ROOT, "%d events of session %s replayed into %s at %s%s: %d published in %.1f s%s%n",
                    result.eventsRead(), from, to, Pacer.describe(speed), atMs == null ? "" : " from " + RaceTime.formatHms(atMs),
                    result.summary().published(), result.summary().took().toNanos() / 1e9,
                    result.summary().complete() ? "" : " (stopped before the end)");
            return result.summary().complete() ? 0 : CliErrors.STOPPED;
        }
    }

    static SessionReplay.Result replay(Pipeline pipeline, SessionReplay.Options options) {
        EventPublisher publisher = new EventPublisher(pipeline.bootstrapServers(), pipeline.topics(), PublisherSettings.defaults());
        try {
            Log.info("reading session %s from %s", options.fromSessionId(), Topics.TIMING_EVENTS);
            return new SessionReplay(pipeline.bootstrapServers(), pipeline.topics().timingEvents(), publisher).run(options, Progress::onTerminal);
        } finally {
            // A Ctrl-C while the session is read leaves the interrupt flag set: the producer's close would be cut short
            // while joining its I/O thread, and Kafka logs that with a stack trace.
            TimingProcess.closeUninterrupted(publisher::close);
        }
    }
}
