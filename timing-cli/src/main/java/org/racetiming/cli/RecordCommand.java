package org.racetiming.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.FeedResult;
import org.racetiming.ingest.feed.RejectedRecord;
import org.racetiming.ingest.feed.recorded.LiveDelivery;
import org.racetiming.ingest.feed.recorded.RecordedFeedReader;
import org.racetiming.ingest.feed.recorded.RecordedFeedWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Writes a timing file's session as a recorded live feed (JSON Lines in the HTTP API's format), in
 * session-time order, or as a live feed would have delivered it: late, re-ordered and repeated.
 * Needs no Kafka.
 */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write an Al Kamel analysis CSV (and its race control) as a recorded live feed: one event a line in the "
                + "HTTP ingest API's JSON format, ending with SESSION_END, for `timing classify|ingest FEED.jsonl`.",
            "In session-time order; with --shuffle, as a live feed delivers it: each event delayed by a random time up to "
                    + "--max-delay and the lines in order of arrival, a --duplicates share of events sent twice.",
            "Rejected rows are listed on stderr and left out."})
final class RecordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ANALYSIS.csv", description = "Al Kamel analysis CSV (one row per lap).")
    Path analysis;

    @Option(names = "--race-control", paramLabel = "FILE.jsonl", description = "Race-control decisions (JSON Lines), merged in.")
    Path raceControl;

    @Option(names = "--duration", paramLabel = "H:MM:SS", converter = TimeOption.class,
            description = "Scheduled duration, for data without a chequered-flag column (written into SESSION_STARTED).")
    Long durationMs;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path out;

    @Option(names = "--shuffle", paramLabel = "SEED", description = "Deliver as a live feed would, with random delays from this seed.")
    Long seed;

    @Option(names = "--max-delay", paramLabel = "H:MM:SS", converter = TimeOption.class, defaultValue = "0:05:00",
            description = "With --shuffle: the longest delay of an event (default ${DEFAULT-VALUE}).")
    long maxDelayMs;

    @Option(names = "--duplicates", paramLabel = "FRACTION", defaultValue = "0",
            description = "With --shuffle: share of events delivered twice, 0 to 1 (default ${DEFAULT-VALUE}).")
    double duplicates;

    @Override
    public Integer call() throws IOException {
        if (RecordedFeedReader.isRecordedFeed(analysis)) {
            throw new IllegalArgumentException(analysis + " is already a recorded feed: give the Al Kamel analysis CSV it came from");
        }
        if (seed == null && (duplicates != 0 || spec.commandLine().getParseResult().hasMatchedOption("--max-delay"))) {
            throw new IllegalArgumentException("--max-delay and --duplicates shape a live delivery: give --shuffle SEED too");
        }
        LiveDelivery delivery = seed == null ? null : new LiveDelivery(seed, maxDelayMs, duplicates);
        RaceFeed.requireReadable(analysis, raceControl);
        FeedResult feed = RaceFeed.read(analysis, raceControl, durationMs, RaceFeed.sessionIdFor(analysis));
        for (RejectedRecord rejected : feed.rejected()) {
            spec.commandLine().getErr().println(rejected.source() + " \u2014 " + rejected.reason());
        }
        List<TimingEvent> events = delivery == null ? feed.events() : delivery.deliver(feed.events());
        if (out == null) {
            write(events, spec.commandLine().getOut());
        } else {
            try (Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                write(events, file);
            }
        }
        Log.info("%,d events written%s (%d rows rejected)%s", events.size(),
                delivery == null ? " in session-time order" : ", " + (events.size() - feed.events().size()) + " of them repeats, as delivered",
                feed.rejected().size(), out == null ? "" : " to " + out);
        return 0;
    }

    private static void write(List<TimingEvent> events, Writer target) throws IOException {
        Writer buffered = target instanceof BufferedWriter ? target : new BufferedWriter(target, 1 << 16);
        new RecordedFeedWriter(buffered).writeAll(events);
        buffered.flush();
    }
}
