package org.racetiming.ingest.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatusChanged;

/**
 * The order of a session's events: by session time; at equal times the session start first, then
 * track status (a flag shown at a crossing applies to that crossing), then everything else in the
 * order it was given, and the session's end last (nothing at its time comes after it).
 */
public final class SessionTimeline {

    /** Session time, then kind rank. Not a total order on its own: sort stably with it. */
    public static final Comparator<TimingEvent> ORDER =
            Comparator.comparingLong(TimingEvent::getSessionTimeMs).thenComparingInt(SessionTimeline::rank);

    private SessionTimeline() {
    }

    /** Both lists' events in timeline order; at full ties {@code a}'s come before {@code b}'s. */
    public static List<TimingEvent> merge(List<TimingEvent> a, List<TimingEvent> b) {
        List<TimingEvent> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return sort(all);
    }

    /** Sorts in place (stable: List.sort is a merge sort) and returns the list. */
    public static List<TimingEvent> sort(List<TimingEvent> events) {
        events.sort(ORDER);
        return events;
    }

    static int rank(TimingEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof SessionStarted) {
            return 0;
        }
        if (payload instanceof TrackStatusChanged) {
            return 1;
        }
        return payload instanceof SessionEnded ? 3 : 2;
    }
}
