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
        String name = analysis.toAbsolutePath().getParent() == null ? analysis.getFileName().toString()
                : analysis.toAbsolutePath().getParent().getFileName().toString();
        FeedOptions options = new FeedOptions(sessionId, name, SessionType.RACE, durationMs, Instant.now());
        FeedResult feed = SessionFeed.read(analysis, raceControl, options);
        return new RaceFeed(sessionId, feed.events(), feed.rejected());
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
        Path folder = analysis.toAbsolutePath().getParent();
        String base = folder == null ? "session" : folder.getFileName().toString();
        base = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        return base + "-" + Long.toString(System.currentTimeMillis(), 36);
    }

    private static void requireReadable(Path file, String what) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + " (no such readable file)");
        }
    }
}
