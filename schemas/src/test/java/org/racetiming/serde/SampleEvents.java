package org.racetiming.serde;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.TimingEvent;

/** Hand-made events for serde tests (no real timing data in the repo). */
final class SampleEvents {

    private SampleEvents() {
    }

    static TimingEvent lap(String sessionId, String car, int lap, long elapsedMs) {
        return TimingEvent.newBuilder()
                .setEventId(sessionId + ":" + car + ":" + lap + ":FL")
                .setSessionId(sessionId)
                .setSessionTimeMs(elapsedMs)
                .setWallClock(Instant.parse("2023-06-10T14:00:00Z").plusMillis(elapsedMs))
                .setSource("test.csv:" + lap)
                .setPayload(LapCompleted.newBuilder()
                        .setCar(car)
                        .setLap(lap)
                        .setLapTimeMs(210_345L)
                        .setSectorTimesMs(Arrays.asList(33_012L, null, 90_001L))
                        .setCrossedInPit(false)
                        .setDriverName("A. Driver")
                        .build())
                .build();
    }

    /** A topic name of its own per test: subjects on the shared registry must not collide. */
    static String uniqueTopic(String purpose) {
        return purpose + "-" + UUID.randomUUID();
    }
}
