package org.racetiming.ingest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.racetiming.event.Entry;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.EventIds;

/** Small hand-made sessions for tests. */
public final class TestEvents {

    private TestEvents() {
    }

    public static TimingEvent start(String session, String... cars) {
        List<Entry> entries = Arrays.stream(cars).map(car -> new Entry(car, "LMP2", null, null, null, List.of())).toList();
        return new TimingEvent(EventIds.sessionStarted(), session, 0L, Instant.EPOCH, "test",
                new SessionStarted(session, SessionType.RACE, null, List.of("S1", "S2"), entries, List.of()));
    }

    public static TimingEvent lap(String session, String car, int lap, long atMs, long lapTimeMs) {
        return new TimingEvent(EventIds.lapCompleted(car, lap), session, atMs, Instant.EPOCH.plusMillis(atMs), "test",
                new LapCompleted(car, lap, lapTimeMs, List.of(), false, null, null, null, null));
    }
}
