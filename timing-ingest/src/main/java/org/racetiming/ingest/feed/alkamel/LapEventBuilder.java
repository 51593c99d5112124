package org.racetiming.ingest.feed.alkamel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.PitIn;
import org.racetiming.event.PitOut;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;
import org.racetiming.ingest.feed.EventEnvelope;
import org.racetiming.ingest.feed.EventIds;
import org.racetiming.ingest.feed.FeedOptions;

/**
 * The events of one lap row, in time order: driver change and pit out (on an out-lap), the S1 and
 * S2 crossings, the lap itself and, for an in-lap, the pit in. Remembers per car what the next row
 * needs (driver, last finish-line crossing), but only for rows the caller says were accepted.
 */
final class LapEventBuilder {

    private record CarHistory(String driverName, long lastElapsedMs) {
    }

    private final FeedOptions options;
    private final Map<String, CarHistory> cars = new HashMap<>();

    LapEventBuilder(FeedOptions options) {
        this.options = options;
    }

    List<TimingEvent> eventsOf(AlKamelLap row) {
        CarHistory history = cars.get(row.car());
        List<TimingEvent> events = new ArrayList<>(6);
        String car = row.car();
        Long s1At = row.s1AtMs();
        Long s2At = row.s2AtMs();
        long firstCrossing = s1At != null ? s1At : row.elapsedMs();
        // Where the lap start is not in the row (no LAP_TIME), the previous finish-line crossing is
        // the lap start; it is only used for pit out and driver change, never to place a crossing.
        Long lapStart = row.lapStartMs() != null ? row.lapStartMs() : history == null ? null : history.lastElapsedMs();

        Long pitOutAt = null;
        if (row.pitTimeMs() != null) {
            // PIT_TIME runs from the pit-lane entry, which lies before the line that ended the in-lap,
            // so lap start + PIT_TIME is later than the real pit exit; and the car cannot leave the
            // pits after it crossed the first timing line of its out-lap. Both are upper bounds of the
            // exit: take the lower.
            pitOutAt = lapStart == null ? firstCrossing : Math.min(lapStart + row.pitTimeMs(), firstCrossing);
        }
        if (history != null && history.driverName() != null && row.driverName() != null
                && !history.driverName().equals(row.driverName())) {
            long changedAt = pitOutAt != null ? pitOutAt : lapStart != null ? lapStart : firstCrossing;
            // Before the pit out, so that the stint starting there is the new driver's.
            events.add(wrap(EventIds.driverChanged(car, row.lap()), changedAt, row,
                    new DriverChanged(car, row.driverSeat(), row.driverName())));
        }
        if (pitOutAt != null) {
            events.add(wrap(EventIds.pitOut(car, row.lap()), pitOutAt, row, new PitOut(car, row.lap(), row.pitTimeMs())));
        }
        if (s1At != null) {
            events.add(wrap(EventIds.timingPoint(car, row.lap(), 1), s1At, row, new TimingPointPassed(car, row.lap(), 1, row.s1Ms())));
        }
        if (s2At != null) {
            events.add(wrap(EventIds.timingPoint(car, row.lap(), 2), s2At, row, new TimingPointPassed(car, row.lap(), 2, row.s2Ms())));
        }
        events.add(wrap(EventIds.lapCompleted(car, row.lap()), row.elapsedMs(), row, new LapCompleted(car, row.lap(), row.lapTimeMs(),
                Arrays.asList(row.s1Ms(), row.s2Ms(), row.s3Ms()), row.crossedInPit(), row.driverSeat(), row.driverName(),
                row.kph(), row.topSpeedKph())));
        if (row.crossedInPit()) {
            events.add(wrap(EventIds.pitIn(car, row.lap()), row.elapsedMs(), row, new PitIn(car, row.lap())));
        }
        return events;
    }

    /** The row's events were accepted: the next row of its car follows on from it. */
    void accepted(AlKamelLap row) {
        CarHistory previous = cars.get(row.car());
        String driver = row.driverName() != null ? row.driverName() : previous == null ? null : previous.driverName();
        cars.put(row.car(), new CarHistory(driver, row.elapsedMs()));
    }

    private TimingEvent wrap(String id, long at, AlKamelLap row, Object payload) {
        return EventEnvelope.wrap(options, id, at, row.source(), payload);
    }
}
