package org.racetiming.standings.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.racetiming.event.Driver;
import org.racetiming.event.Entry;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;

/** Small, readable timing events for topology tests. */
final class TestEvents {

    static final String SESSION = "test-race";

    private TestEvents() {
    }

    /** A race with cars given as "number:CLASS". */
    static TimingEvent start(String... cars) {
        List<Entry> entries = new ArrayList<>();
        for (String car : cars) {
            String[] parts = car.split(":");
            entries.add(Entry.newBuilder().setCar(parts[0]).setCarClass(parts[1]).setTeam("Team " + parts[0])
                    .setDrivers(List.of(Driver.newBuilder().setSeat(1).setName("Driver " + parts[0]).build())).build());
        }
        SessionStarted started = SessionStarted.newBuilder().setName("Test race").setSessionType(SessionType.RACE)
                .setScheduledDurationMs(null).setIntermediatePoints(List.of()).setEntries(entries).build();
        return envelope("start", 0, started);
    }

    static TimingEvent lap(String car, int lap, long atMs, long lapTimeMs) {
        LapCompleted payload = LapCompleted.newBuilder().setCar(car).setLap(lap).setLapTimeMs(lapTimeMs)
                .setSectorTimesMs(List.of()).setDriverName("Driver " + car).setDriverSeat(1).build();
        return envelope("lap/" + car + "/" + lap, atMs, payload);
    }

    static TimingEvent track(TrackStatus status, long atMs) {
        TrackStatusChanged payload = TrackStatusChanged.newBuilder().setStatus(status).build();
        return envelope("track/" + atMs + "/" + status, atMs, payload);
    }

    static TimingEvent envelope(String id, long atMs, Object payload) {
        return TimingEvent.newBuilder().setEventId(id).setSessionId(SESSION).setSessionTimeMs(atMs)
                .setWallClock(Instant.ofEpochMilli(1_700_000_000_000L + atMs)).setSource("test").setPayload(payload).build();
    }
}
