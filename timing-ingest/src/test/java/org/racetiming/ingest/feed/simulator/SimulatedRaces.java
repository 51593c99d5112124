package org.racetiming.ingest.feed.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.racetiming.event.TimingEvent;

/** Races the tests check, each simulated once per test JVM: a race takes a tenth of a second, not nothing. */
final class SimulatedRaces {

    /** For {@code @MethodSource}: {@link #variety()}. */
    static final String VARIETY = "org.racetiming.ingest.feed.simulator.SimulatedRaces#variety";

    static final SimulatorConfig DEFAULT = SimulatorConfig.defaults("sim-default");

    private static final Map<SimulatorConfig, List<TimingEvent>> CACHE = new ConcurrentHashMap<>();

    private SimulatedRaces() {
    }

    /** The default race and some other shapes: small and big grids, an 8-hour race, the shortest allowed. */
    static Stream<SimulatorConfig> variety() {
        return Stream.of(
                DEFAULT,
                DEFAULT.withSessionId("sim-30").withCars(30).withSeed(7),
                DEFAULT.withSessionId("sim-60-8h").withCars(60).withSeed(2024).withDuration(Duration.ofHours(8)),
                DEFAULT.withSessionId("sim-tiny").withCars(3).withSeed(1).withDuration(Duration.ofMinutes(10)));
    }

    static List<TimingEvent> of(SimulatorConfig config) {
        return CACHE.computeIfAbsent(config, RaceSimulator::all);
    }
}
