package org.racetiming.ingest.feed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.racetiming.ingest.feed.alkamel.AlKamelCsvReader;
import org.racetiming.ingest.feed.racecontrol.RaceControlReader;
import org.racetiming.ingest.validation.EventValidator;

/**
 * A recorded session as the system sees it: the Al Kamel analysis file plus, if there is one, the
 * race-control file, checked against each other (race control may only name cars of the entry
 * list) and merged into one timeline.
 */
public final class SessionFeed {

    private SessionFeed() {
    }

    /** @param raceControlJsonl the race-control file, or null when there is none */
    public static FeedResult read(Path analysisCsv, Path raceControlJsonl, FeedOptions options) {
        FeedResult timing = AlKamelCsvReader.read(analysisCsv, options);
        if (raceControlJsonl == null) {
            return timing;
        }
        FeedResult raceControl = RaceControlReader.read(raceControlJsonl, options, EventValidator.seededWith(timing.events()));
        List<RejectedRecord> rejected = new ArrayList<>(timing.rejected());
        rejected.addAll(raceControl.rejected());
        return new FeedResult(SessionTimeline.merge(timing.events(), raceControl.events()), rejected);
    }
}
