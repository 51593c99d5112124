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

/** An Al Kamel analysis file and its optional race-control file, read into one session timeline. */
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
        return SessionFeed.read(analysis, raceControl, options);
    }

    /** Fails fast, before anything is started, on a file that cannot be read. */
    static void requireReadable(Path analysis, Path raceControl) {
        requireReadable(analysis, "analysis file");
        if (raceControl != null) {
            requireReadable(raceControl, "race-control file");
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
