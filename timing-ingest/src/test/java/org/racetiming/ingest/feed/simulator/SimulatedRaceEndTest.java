package org.racetiming.ingest.feed.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.racetiming.event.CarRetired;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;

/** The flag, the finish and retirements follow DOMAIN.md. */
class SimulatedRaceEndTest {

    @ParameterizedTest
    @MethodSource(SimulatedRaces.VARIETY)
    void shouldWaveTheChequeredFlagOnceAtTheLeadersFirstCrossingAfterTheScheduledDuration(SimulatorConfig config) {
        List<TimingEvent> events = SimulatedRaces.of(config);
        long duration = config.duration().toMillis();
        Map<String, Integer> laps = new HashMap<>();
        Set<String> retired = new HashSet<>();
        int flags = 0;
        for (int i = 0; i < events.size(); i++) {
            TimingEvent e = events.get(i);
            if (e.getPayload() instanceof TrackStatusChanged status && status.getStatus() == TrackStatus.CHEQUERED) {
                flags++;
                assertThat(e.getSessionTimeMs()).isGreaterThanOrEqualTo(duration);
                TimingEvent crossing = events.get(i + 1);
                assertThat(crossing.getSessionTimeMs()).isEqualTo(e.getSessionTimeMs());
                assertThat(crossing.getPayload()).isInstanceOf(LapCompleted.class);
                LapCompleted lap = (LapCompleted) crossing.getPayload();
                assertThat(leads(lap, laps, retired)).as("the flag waits for the leader").isTrue();
            } else if (e.getPayload() instanceof LapCompleted lap && flags == 0) {
                if (e.getSessionTimeMs() >= duration) {
                    assertThat(leads(lap, laps, retired)).as("%s: the leader crossed after %d ms without a flag",
                            e.getEventId(), duration).isFalse();
                }
                laps.put(lap.getCar(), lap.getLap());
            } else if (e.getPayload() instanceof CarRetired car) {
                retired.add(car.getCar());
            }
        }
        assertThat(flags).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource(SimulatedRaces.VARIETY)
    void shouldEndEveryRunningCarsRaceAtItsFirstCrossingAfterTheFlag(SimulatorConfig config) {
        List<TimingEvent> events = SimulatedRaces.of(config);
        Set<String> finished = new HashSet<>();
        Set<String> retired = new HashSet<>();
        boolean flag = false;
        for (TimingEvent e : events) {
            String car = RaceEvents.car(e);
            if (car != null) {
                assertThat(finished).as("%s after the car took the flag", e.getEventId()).doesNotContain(car);
            }
            if (e.getPayload() instanceof TrackStatusChanged status && status.getStatus() == TrackStatus.CHEQUERED) {
                flag = true;
            } else if (e.getPayload() instanceof LapCompleted && flag) {
                finished.add(car);
            } else if (e.getPayload() instanceof CarRetired) {
                retired.add(car);
            }
        }
        Set<String> running = new HashSet<>(RaceEvents.entries(events).keySet());
        running.removeAll(retired);
        assertThat(finished).as("every running car takes the flag").isEqualTo(running);
    }

    @ParameterizedTest
    @MethodSource(SimulatedRaces.VARIETY)
    void shouldStopEmittingForARetiredCar(SimulatorConfig config) {
        Set<String> retired = new HashSet<>();
        for (TimingEvent e : SimulatedRaces.of(config)) {
            String car = RaceEvents.car(e);
            if (car == null) {
                continue;
            }
            assertThat(retired).as("%s after the car retired", e.getEventId()).doesNotContain(car);
            if (e.getPayload() instanceof CarRetired) {
                retired.add(car);
            }
        }
        assertThat(retired.size()).isLessThanOrEqualTo(config.cars() / 3);
    }

    @Test
    void shouldRetireSomeCarsByAccidentOnTrackAndSomeMechanicallyInThePits() {
        List<TimingEvent> events = SimulatedRaces.of(SimulatedRaces.DEFAULT);
        Map<String, LapCompleted> lastLap = new HashMap<>();
        Map<String, Long> lastSeen = new HashMap<>();
        int accidents = 0;
        int mechanical = 0;
        for (TimingEvent e : events) {
            String car = RaceEvents.car(e);
            if (e.getPayload() instanceof CarRetired retired) {
                assertThat(e.getSessionTimeMs() - lastSeen.get(car)).as("race control takes a moment").isGreaterThan(60_000);
                if ("accident".equals(retired.getReason())) {
                    accidents++;
                } else {
                    mechanical++;
                    assertThat(lastLap.get(car).getCrossedInPit()).as("car %s limped into the pits", car).isTrue();
                }
            } else if (car != null) {
                lastSeen.put(car, e.getSessionTimeMs());
                if (e.getPayload() instanceof LapCompleted lap) {
                    lastLap.put(car, lap);
                }
            }
        }
        assertThat(accidents).isPositive();
        assertThat(mechanical).isPositive();
    }

    @ParameterizedTest
    @MethodSource(SimulatedRaces.VARIETY)
    void shouldEndTheSessionOnceAfterEveryOtherEvent(SimulatorConfig config) {
        List<TimingEvent> events = SimulatedRaces.of(config);

        TimingEvent last = events.get(events.size() - 1);
        assertThat(last.getPayload()).isEqualTo(new SessionEnded(null));
        assertThat(last.getEventId()).isEqualTo("end");
        assertThat(last.getSessionTimeMs()).isEqualTo(events.stream().mapToLong(TimingEvent::getSessionTimeMs).max().orElseThrow());
        assertThat(events.stream().filter(e -> e.getPayload() instanceof SessionEnded)).hasSize(1);
    }

    private static boolean leads(LapCompleted lap, Map<String, Integer> laps, Set<String> retired) {
        return laps.entrySet().stream()
                .filter(other -> !other.getKey().equals(lap.getCar()) && !retired.contains(other.getKey()))
                .allMatch(other -> other.getValue() < lap.getLap());
    }
}
