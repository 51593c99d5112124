package org.racetiming.ingest.feed.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;

/** Laps chain like real timing data, and the classes mix on track (DOMAIN.md gap rule). */
class SimulatedLapsTest {

    @ParameterizedTest
    @MethodSource(SimulatedRaces.VARIETY)
    void shouldChainCrossingsSoThatSectorsSumToTheLapAndEachLapStartsAtThePreviousFinish(SimulatorConfig config) {
        Map<String, long[]> lapStartAndLastPoint = new HashMap<>();
        Map<String, List<Long>> sectors = new HashMap<>();
        Map<String, Integer> laps = new HashMap<>();
        int completed = 0;
        for (TimingEvent e : SimulatedRaces.of(config)) {
            long t = e.getSessionTimeMs();
            if (e.getPayload() instanceof TimingPointPassed tp) {
                long[] state = lapStartAndLastPoint.computeIfAbsent(tp.getCar(), c -> new long[] {0, 0});
                List<Long> lapSectors = sectors.computeIfAbsent(tp.getCar(), c -> new ArrayList<>());
                long previousLine = tp.getPoint() == 1 ? state[0] : state[1];
                assertThat(tp.getLap()).as("%s", e.getEventId()).isEqualTo(laps.getOrDefault(tp.getCar(), 0) + 1);
                assertThat(tp.getPoint()).as("%s", e.getEventId()).isEqualTo(lapSectors.size() + 1);
                assertThat(t).as("%s", e.getEventId()).isGreaterThan(previousLine);
                assertThat(tp.getSectorTimeMs()).as("%s", e.getEventId()).isEqualTo(t - previousLine);
                lapSectors.add(tp.getSectorTimeMs());
                state[1] = t;
            } else if (e.getPayload() instanceof LapCompleted lap) {
                long[] state = lapStartAndLastPoint.get(lap.getCar());
                List<Long> lapSectors = sectors.get(lap.getCar());
                assertThat(lapSectors).as("%s passed S1 and S2 first", e.getEventId()).hasSize(2);
                assertThat(t).as("%s", e.getEventId()).isGreaterThan(state[1]);
                assertThat(lap.getLap()).isEqualTo(laps.getOrDefault(lap.getCar(), 0) + 1);
                assertThat(lap.getLapTimeMs()).as("%s starts at the previous finish", e.getEventId()).isEqualTo(t - state[0]);
                assertThat(lap.getSectorTimesMs()).containsExactly(lapSectors.get(0), lapSectors.get(1), t - state[1]);
                assertThat(lap.getSectorTimesMs().stream().mapToLong(Long::longValue).sum()).isEqualTo(lap.getLapTimeMs());
                assertThat(lap.getKph()).isPositive();
                assertThat(lap.getTopSpeedKph()).isPositive();
                laps.put(lap.getCar(), lap.getLap());
                state[0] = t;
                lapSectors.clear();
                completed++;
            }
        }
        assertThat(completed).isPositive();
    }

    @Test
    void shouldInterleaveClassesSoThatCarsAreLappedAndSomeAreALapDownWithoutBeingLapped() {
        List<TimingEvent> events = SimulatedRaces.of(SimulatedRaces.DEFAULT);
        Map<String, List<Long>> passed = new HashMap<>();
        Set<String> retired = new HashSet<>();
        int lapped = 0;
        int lapDownNotLapped = 0;
        for (TimingEvent e : events) {
            int progress;
            String car;
            if (e.getPayload() instanceof TimingPointPassed tp) {
                car = tp.getCar();
                progress = (tp.getLap() - 1) * 3 + tp.getPoint();
            } else if (e.getPayload() instanceof LapCompleted lap) {
                car = lap.getCar();
                progress = lap.getLap() * 3;
            } else {
                if (e.getPayload() instanceof CarRetired r) {
                    retired.add(r.getCar());
                }
                continue;
            }
            List<Long> times = passed.computeIfAbsent(car, c -> new ArrayList<>(List.of(0L)));
            times.add(e.getSessionTimeMs());
            String leader = leaderByProgress(passed, retired);
            if (leader.equals(car)) {
                continue;
            }
            // DOMAIN.md: whole laps = how often the leader already passed this same point further on.
            List<Long> leaderTimes = passed.get(leader);
            int wholeLaps = 0;
            while (progress + 3 * (wholeLaps + 1) < leaderTimes.size()) {
                wholeLaps++;
            }
            int carLaps = progress / 3;
            int leaderLaps = (leaderTimes.size() - 1) / 3;
            if (wholeLaps >= 1) {
                lapped++;
            } else if (leaderLaps > carLaps) {
                lapDownNotLapped++;
            }
        }
        assertThat(lapped).as("crossings of lapped cars").isPositive();
        assertThat(lapDownNotLapped).as("crossings a lap down on the leader but not lapped").isPositive();
    }

    private static String leaderByProgress(Map<String, List<Long>> passed, Set<String> retired) {
        String leader = null;
        for (Map.Entry<String, List<Long>> c : passed.entrySet()) {
            if (retired.contains(c.getKey())) {
                continue;
            }
            if (leader == null) {
                leader = c.getKey();
                continue;
            }
            List<Long> best = passed.get(leader);
            List<Long> times = c.getValue();
            if (times.size() > best.size()
                    || times.size() == best.size() && times.get(times.size() - 1) < best.get(best.size() - 1)) {
                leader = c.getKey();
            }
        }
        return leader;
    }
}
