package org.racetiming.standings.http;

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
import org.racetiming.time.RaceTime;

/** Small timing events of one made-up race, readable in a test: {@code race.lap("51", 1, "3:30.000")}. */
final class SessionEvents {

    private final String sessionId;
    private final long wallClockBase = 1_700_000_000_000L;

    SessionEvents(String sessionId) {
        this.sessionId = sessionId;
    }

    String sessionId() {
        return sessionId;
    }

    /** A race; cars as "number:CLASS". */
    TimingEvent start(String... cars) {
        List<Entry> entries = new ArrayList<>();
        for (String car : cars) {
            String[] parts = car.split(":");
            entries.add(Entry.newBuilder().setCar(parts[0]).setCarClass(parts[1]).setTeam("Team " + parts[0])
                    .setDrivers(List.of(Driver.newBuilder().setSeat(1).setName("Driver " + parts[0]).build())).build());
        }
        SessionStarted started = SessionStarted.newBuilder().setName("Race " + sessionId).setSessionType(SessionType.RACE)
                .setScheduledDurationMs(null).setIntermediatePoints(List.of()).setEntries(entries).build();
        return envelope("start", 0, started);
    }

    /** {@code car} completes {@code lap} at session time {@code at} ("H:MM:SS.mmm" or "M:SS.mmm"). */
    TimingEvent lap(String car, int lap, String at, String lapTime) {
        LapCompleted payload = LapCompleted.newBuilder().setCar(car).setLap(lap).setLapTimeMs(RaceTime.parse(lapTime))
                .setSectorTimesMs(List.of()).setDriverName("Driver " + car).setDriverSeat(1).build();
        return envelope("lap/" + car + "/" + lap, RaceTime.parse(at), payload);
    }

    TimingEvent track(TrackStatus status, String at) {
        return envelope("track/" + at + "/" + status, RaceTime.parse(at),
                TrackStatusChanged.newBuilder().setStatus(status).build());
    }

    private TimingEvent envelope(String id, long atMs, Object payload) {
        return TimingEvent.newBuilder().setEventId(sessionId + "/" + id).setSessionId(sessionId).setSessionTimeMs(atMs)
                .setWallClock(Instant.ofEpochMilli(wallClockBase + atMs)).setSource("test").setPayload(payload).build();
    }
}
