package org.racetiming.timeline;

import java.util.Comparator;
import org.racetiming.event.CarRetired;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.PitIn;
import org.racetiming.event.PitOut;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;
import org.racetiming.event.TrackStatusChanged;

/**
 * The order of a session's events, the one the rules apply them in: by session time; at equal times by kind, then
 * by event id. A total order on the content, never on arrival, so that the standings are a function of the
 * <em>set</em> of events whatever order they are delivered in (DOMAIN.md says ties go by arrival; that would make a
 * shuffled delivery of the same events give other boards wherever two events share a millisecond, which real feeds
 * do at every pit stop).
 *
 * <p>At one time: the session start first; track status next (a flag shown at a crossing applies to that
 * crossing); a driver change before the pit exit (the stint starting there is the new driver's); crossings, the
 * lap, then the pit entry that ends it; race-control decisions; the session's end last.
 */
public final class SessionOrder {

    public static final Comparator<TimingEvent> ORDER = Comparator.comparingLong(TimingEvent::getSessionTimeMs)
            .thenComparingInt(SessionOrder::rank)
            .thenComparing(TimingEvent::getEventId);

    private SessionOrder() {
    }

    static int rank(TimingEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof SessionStarted) {
            return 0;
        }
        if (payload instanceof TrackStatusChanged) {
            return 1;
        }
        if (payload instanceof DriverChanged) {
            return 2;
        }
        if (payload instanceof PitOut) {
            return 3;
        }
        if (payload instanceof TimingPointPassed) {
            return 4;
        }
        if (payload instanceof LapCompleted) {
            return 5;
        }
        if (payload instanceof PitIn) {
            return 6;
        }
        if (payload instanceof CarRetired) {
            return 7;
        }
        if (payload instanceof PenaltyApplied) {
            return 8;
        }
        return payload instanceof SessionEnded ? 10 : 9;
    }
}
