package org.racetiming.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.FeedOptions;
import org.racetiming.ingest.feed.FeedResult;
import org.racetiming.ingest.feed.RejectedRecord;
import org.racetiming.ingest.feed.SessionFeed;
import org.racetiming.ingest.feed.recorded.RecordedFeedReader;

/**
 * A race's input as one session: an Al Kamel analysis file and its optional race-control file,
 * merged into one timeline; or a recorded live feed ({@code *.jsonl}, events in the HTTP API's
 * format), kept in the order it was received.
 */
record RaceFeed(String sessionId, List<TimingEvent> events, List<RejectedRecord> rejected) {

    static RaceFeed read(Path analysis, Path raceControl, Long durationMs) {
        requireReadable(analysis, raceControl);
        String sessionId = sessionIdFor(analysis);
        FeedResult feed = read(analysis, raceControl, durationMs, sessionId);
        return new RaceFeed(sessionId, feed.events(), feed.rejected());
    }

    /** The files as one session with the given id, named after the race's folder, starting now. */
    static FeedResult read(Path analysis, Path raceControl, Long durationMs, String sessionId) {
        FeedOptions options = new FeedOptions(sessionId, raceName(analysis), SessionType.RACE, durationMs, Instant.now());
        if (RecordedFeedReader.isRecordedFeed(analysis)) {
            return RecordedFeedReader.read(analysis, options);
        }
        return SessionFeed.read(analysis, raceControl, options);
    }

    /** Fails fast, before anything is started, on a file that cannot be read. */
    static void requireReadable(Path analysis, Path raceControl) {
        requireReadable(analysis, RecordedFeedReader.isRecordedFeed(analysis) ? "recorded feed" : "analysis file");
        if (raceControl != null) {
            requireReadable(raceControl, "race-control file");
        }
    }

    /**
     * A recorded feed is a whole session: its race control is in its own lines and its duration in
     * its SESSION_STARTED. Merging another file by session time would not be "as received".
     */
    static void requireOptionsFit(Path input, Path raceControl, Long durationMs) {
        if (!RecordedFeedReader.isRecordedFeed(input)) {
            return;
        }
        if (raceControl != null) {
            throw new IllegalArgumentException("--race-control is for an Al Kamel CSV: a recorded feed (" + input.getFileName()
                    + ") carries race control as lines of its own");
        }
        if (durationMs != null) {
            throw new IllegalArgumentException("--duration is for an Al Kamel CSV: a recorded feed (" + input.getFileName()
                    + ") gives it as scheduledDuration in its SESSION_STARTED");
        }
    }

    /** A new session id per run: the folder's name (the race) and a time stamp. */
    static String sessionIdFor(Path analysis) {
        String base = raceName(analysis).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        return base + "-" + Long.toString(System.currentTimeMillis(), 36);
    }

    /** Data is kept one race per folder (…/wec-2023-le-mans-24h/analysis.csv): the folder names the race. */
    private static String raceName(Path analysis) {
        Path folder = analysis.toAbsolutePath().getParent();
        return folder == null ? analysis.getFileName().toString() : folder.getFileName().toString();
    }

    private static void requireReadable(Path file, String what) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + " (no such readable file)");
        }
    }
}
