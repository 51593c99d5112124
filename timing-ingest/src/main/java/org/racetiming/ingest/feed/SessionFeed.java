package org.racetiming.ingest.feed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.alkamel.AlKamelCsvReader;
import org.racetiming.ingest.feed.racecontrol.RaceControlReader;
import org.racetiming.ingest.validation.EventValidator;

/**
 * A recorded session as the system sees it: the Al Kamel analysis file plus, if there is one, the
 * race-control file, checked against each other (race control may only name cars of the entry
 * list) and merged into one timeline, which ends with the session's end: a recorded file is a
 * complete session, so its results are final (DOMAIN.md, "The end of the race").
 */
public final class SessionFeed {

    private SessionFeed() {
    }

    /** @param raceControlJsonl the race-control file, or null when there is none */
    public static FeedResult read(Path analysisCsv, Path raceControlJsonl, FeedOptions options) {
        FeedResult timing = AlKamelCsvReader.read(analysisCsv, options);
        if (raceControlJsonl == null) {
            return new FeedResult(ended(timing.events(), options, endSource(analysisCsv)), timing.rejected());
        }
        FeedResult raceControl = RaceControlReader.read(raceControlJsonl, options, EventValidator.seededWith(timing.events()));
        List<RejectedRecord> rejected = new ArrayList<>(timing.rejected());
        rejected.addAll(raceControl.rejected());
        return new FeedResult(ended(SessionTimeline.merge(timing.events(), raceControl.events()), options, endSource(analysisCsv)),
                rejected);
    }

    /**
     * The timeline with a {@code SESSION_END} after every other event, at the latest event's session
     * time (so it sorts last), unless race control already ended the session.
     */
    static List<TimingEvent> ended(List<TimingEvent> timeline, FeedOptions options, String source) {
        if (timeline.isEmpty() || timeline.stream().anyMatch(e -> e.getPayload() instanceof SessionEnded)) {
            return timeline;
        }
        long last = timeline.stream().mapToLong(TimingEvent::getSessionTimeMs).max().orElseThrow();
        List<TimingEvent> ended = new ArrayList<>(timeline.size() + 1);
        ended.addAll(timeline);
        ended.add(EventEnvelope.wrap(options, EventIds.sessionEnded(), last, source, new SessionEnded(null)));
        return ended;
    }

    /** The end a file implies comes from no line of it: its source is the file ("analysis.csv:end"). */
    private static String endSource(Path analysisCsv) {
        return analysisCsv.getFileName() + ":end";
    }
}
