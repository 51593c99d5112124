package org.racetiming.ingest.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.racetiming.event.TimingEvent;
import org.racetiming.timeline.SessionOrder;

/** A session's events in the order the rules apply them ({@link SessionOrder}). */
public final class SessionTimeline {

    public static final Comparator<TimingEvent> ORDER = SessionOrder.ORDER;

    private SessionTimeline() {
    }

    /** Both lists' events in timeline order. */
    public static List<TimingEvent> merge(List<TimingEvent> a, List<TimingEvent> b) {
        List<TimingEvent> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return sort(all);
    }

    /** Sorts in place and returns the list. */
    public static List<TimingEvent> sort(List<TimingEvent> events) {
        events.sort(ORDER);
        return events;
    }
}
