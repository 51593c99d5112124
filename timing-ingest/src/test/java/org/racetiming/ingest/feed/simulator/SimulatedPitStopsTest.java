package org.racetiming.ingest.feed.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.racetiming.event.CarRetired;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.PitIn;
import org.racetiming.event.PitOut;
import org.racetiming.event.TimingEvent;

/** Pit stops pair up, carry the in-lap and change drivers as real stops do. */
class SimulatedPitStopsTest {

    @ParameterizedTest
    @MethodSource(SimulatedRaces.VARIETY)
    void shouldPairEveryPitInWithTheInLapAndAPitOutWithDriverChangesInBetween(SimulatorConfig config) {
        Map<String, PitState> pits = new HashMap<>();
        Set<String> stopped = new HashSet<>();
        for (TimingEvent e : SimulatedRaces.of(config)) {
            long t = e.getSessionTimeMs();
            Object p = e.getPayload();
            if (p instanceof PitIn in) {
                PitState s = pits.computeIfAbsent(in.getCar(), c -> new PitState());
                assertThat(s.inSince).as("%s while in the pits", e.getEventId()).isNull();
                s.inSince = t;
                s.inLap = in.getLap();
                s.changedDriver = false;
            } else if (p instanceof LapCompleted lap) {
                PitState s = pits.computeIfAbsent(lap.getCar(), c -> new PitState());
                boolean inLap = s.inSince != null && s.inLap == lap.getLap();
                assertThat(lap.getCrossedInPit()).as("%s is an in-lap", e.getEventId()).isEqualTo(inLap);
                assertThat(lap.getDriverSeat()).as("%s driver", e.getEventId()).isEqualTo(s.seat);
            } else if (p instanceof DriverChanged change) {
                PitState s = pits.get(change.getCar());
                assertThat(s.inSince).as("%s happens in a pit stop", e.getEventId()).isNotNull();
                assertThat(change.getDriverSeat()).as("%s is another driver", e.getEventId()).isNotEqualTo(s.seat);
                s.seat = change.getDriverSeat();
                s.changedDriver = true;
            } else if (p instanceof PitOut out) {
                PitState s = pits.get(out.getCar());
                assertThat(s.inSince).as("%s follows a pit-in", e.getEventId()).isNotNull();
                assertThat(out.getLap()).isEqualTo(s.inLap + 1);
                assertThat(out.getPitLaneTimeMs()).isEqualTo(t - s.inSince);
                s.pitLaneTimes.add(out.getPitLaneTimeMs());
                s.stops++;
                s.driverChanges += s.changedDriver ? 1 : 0;
                s.inSince = null;
            } else if (p instanceof CarRetired retired) {
                stopped.add(retired.getCar());
            }
        }
        pits.forEach((car, s) -> assertThat(s.inSince == null || stopped.contains(car))
                .as("car %s is left in the pits without retiring", car).isTrue());

        if (config.duration().toHours() >= 6) {
            List<Long> laneTimes = pits.values().stream().flatMap(s -> s.pitLaneTimes.stream()).sorted().toList();
            int stops = pits.values().stream().mapToInt(s -> s.stops).sum();
            int changes = pits.values().stream().mapToInt(s -> s.driverChanges).sum();
            assertThat(stops).isGreaterThan(config.cars() * 4);
            assertThat(changes).as("driver changes on most stops").isGreaterThan(stops / 2);
            assertThat(laneTimes.get(laneTimes.size() / 2)).isBetween(60_000L, 90_000L);
            assertThat(laneTimes.stream().filter(ms -> ms >= 55_000 && ms <= 95_000).count())
                    .isGreaterThan(laneTimes.size() * 9L / 10);
        }
    }

    private static final class PitState {
        Long inSince;
        int inLap;
        int seat = 1;
        boolean changedDriver;
        int stops;
        int driverChanges;
        final List<Long> pitLaneTimes = new ArrayList<>();
    }
}
