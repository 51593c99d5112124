package org.racetiming.standings.query;

import java.util.List;
import org.racetiming.event.TimingEvent;
import org.racetiming.standings.rules.EventTimeline;
import org.racetiming.standings.rules.RaceHistory;

/**
 * One session's {@link RaceHistory}, kept up to date with its {@link EventTimeline}. During a race nearly every
 * question finds new events; rebuilding a 24-hour history for each cost a second or two of CPU, and the charts ask
 * every few seconds. Events that come after the last one applied (the usual case: live timing is mostly in order)
 * are applied to the history as it is; a late event that lands before its end makes it computed again, because
 * everything after that event may read differently.
 */
final class SessionHistory {

    private final String sessionId;
    private final EventTimeline timeline;
    private RaceHistory history;
    private int applied;
    private TimingEvent last;

    SessionHistory(String sessionId, EventTimeline timeline) {
        this.sessionId = sessionId;
        this.timeline = timeline;
    }

    /** True when this is the history of that very timeline (a session reloaded from the log is another one). */
    boolean of(EventTimeline other) {
        return timeline == other;
    }

    /** The history of every event the timeline holds now. */
    synchronized RaceHistory current() {
        if (history != null && timeline.size() == applied) {
            return history;
        }
        List<TimingEvent> ordered = timeline.events();
        // In session order, a late event inserted anywhere before the last one applied moves that one along.
        boolean onlyLater = history != null && applied > 0 && ordered.size() > applied && ordered.get(applied - 1) == last;
        if (onlyLater) {
            for (TimingEvent event : ordered.subList(applied, ordered.size())) {
                history.apply(event);
            }
        } else {
            history = RaceHistory.of(sessionId, ordered);
        }
        applied = ordered.size();
        last = applied == 0 ? null : ordered.get(applied - 1);
        return history;
    }
}
