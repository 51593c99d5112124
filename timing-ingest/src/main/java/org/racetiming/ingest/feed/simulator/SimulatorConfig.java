package org.racetiming.ingest.feed.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What to simulate. The same config (seed included) always yields the same event sequence.
 *
 * @param sessionId session id stamped on every event
 * @param seed      seed of every random choice: entry list, pace, incidents, pit strategy
 * @param cars      entry list size, split over HYPERCAR, LMP2 and LMGT3 (3 to 120; real grids have 30 to 62)
 * @param duration  scheduled race duration (10 minutes to 48 hours)
 * @param start     wall-clock time of session time 0; kept to the millisecond, as events carry it
 */
public record SimulatorConfig(String sessionId, long seed, int cars, Duration duration, Instant start) {

    public static final int MIN_CARS = 3;
    public static final int MAX_CARS = 120;
    public static final Duration MIN_DURATION = Duration.ofMinutes(10);
    public static final Duration MAX_DURATION = Duration.ofHours(48);

    /** A fixed instant, so that {@link #defaults} is reproducible; a live demo uses {@link #withStart}. */
    public static final Instant DEFAULT_START = Instant.parse("2025-06-14T14:00:00Z");

    public SimulatorConfig {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(start, "start");
        if (sessionId.isBlank()) {
            throw new IllegalArgumentException("sessionId is blank");
        }
        if (cars < MIN_CARS || cars > MAX_CARS) {
            throw new IllegalArgumentException(
                    "cars must be between " + MIN_CARS + " and " + MAX_CARS + " (one per class at least), was " + cars);
        }
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(
                    "duration must be between " + MIN_DURATION + " and " + MAX_DURATION + ", was " + duration);
        }
        start = start.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A 6-hour WEC-like race of 45 cars, seed 42, starting at {@link #DEFAULT_START}. */
    public static SimulatorConfig defaults(String sessionId) {
        return new SimulatorConfig(sessionId, 42, 45, Duration.ofHours(6), DEFAULT_START);
    }

    public SimulatorConfig withSeed(long newSeed) {
        return new SimulatorConfig(sessionId, newSeed, cars, duration, start);
    }

    public SimulatorConfig withCars(int newCars) {
        return new SimulatorConfig(sessionId, seed, newCars, duration, start);
    }

    public SimulatorConfig withDuration(Duration newDuration) {
        return new SimulatorConfig(sessionId, seed, cars, newDuration, start);
    }

    public SimulatorConfig withStart(Instant newStart) {
        return new SimulatorConfig(sessionId, seed, cars, duration, newStart);
    }

    public SimulatorConfig withSessionId(String newSessionId) {
        return new SimulatorConfig(newSessionId, seed, cars, duration, start);
    }

    long durationMs() {
        return duration.toMillis();
    }
}
