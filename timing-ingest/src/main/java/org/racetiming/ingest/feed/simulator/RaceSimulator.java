package org.racetiming.ingest.feed.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

import org.racetiming.event.CarRetired;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.MinimumDriveTime;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;

/**
 * A multi-class endurance race as a feed: the events the real-data adapter emits, in session-time
 * order, for a seeded, fictional 3-class grid.
 *
 * <p>Lazy: it merges the cars' next events (each car plans one lap at a time) with race control's
 * track status changes, so memory grows with the grid, not with the race. The same config always
 * yields the same events, ids included. Pacing the events in real time is the caller's business.
 *
 * <p>The chequered flag falls at the leader's first finish-line crossing after the scheduled
 * duration; its {@code TrackStatusChanged(CHEQUERED)} comes just before that crossing, at the same
 * session time, and every car's next crossing from then on (the leader's included) is its last.
 * When every car is done, a {@code SessionEnded} at the last event's time ends the feed.
 *
 * <p>Not thread-safe: one simulator per session; many can run side by side, they share nothing.
 */
public final class RaceSimulator implements Iterator<TimingEvent> {

    private static final List<String> INTERMEDIATE_POINTS = List.of("S1", "S2");

    private final long durationMs;
    private final SimulatorEvents events;
    private final List<CarRunner> runners;
    private final int[] laps;
    private final boolean[] retired;
    private final List<TimingEvent> raceControl;
    private final PriorityQueue<Integer> byNextEvent;
    private final ArrayDeque<TimingEvent> ready = new ArrayDeque<>();
    private int raceControlNext;
    private boolean chequered;
    private boolean ended;
    private long lastAtMs;

    public RaceSimulator(SimulatorConfig config) {
        this.durationMs = config.durationMs();
        this.events = new SimulatorEvents(config.sessionId(), config.start());
        SeededRandom root = new SeededRandom(config.seed());
        List<SimulatedCar> grid = new EntryListGenerator(root.fork(1)).generate(config.cars());
        grid = RetirementPlanner.plan(root.fork(2), grid, durationMs);
        List<Retirement> accidents = grid.stream()
                .map(SimulatedCar::retirement)
                .filter(r -> r != null && r.accident())
                .toList();
        RaceControlPlan plan = RaceControlPlan.draw(root.fork(3), durationMs, accidents);
        TrackConditions conditions = plan.conditions();
        this.raceControl = plan.events(events);

        ready.add(events.sessionStarted(new SessionStarted(sessionName(config.duration()), SessionType.RACE,
                durationMs, INTERMEDIATE_POINTS, grid.stream().map(SimulatedCar::toEntry).toList(),
                List.of(new MinimumDriveTime(SimulatedDriver.BRONZE, bronzeMinimumMs(durationMs))))));

        this.runners = new ArrayList<>(grid.size());
        for (SimulatedCar car : grid) {
            runners.add(new CarRunner(car, root.fork(100 + car.gridIndex()), conditions, events, durationMs));
        }
        this.laps = new int[runners.size()];
        this.retired = new boolean[runners.size()];
        // Simultaneous events go in grid order, so that the sequence never depends on heap internals.
        this.byNextEvent = new PriorityQueue<>(Math.max(1, runners.size()), Comparator
                .comparingLong((Integer i) -> runners.get(i).nextAtMs())
                .thenComparingInt(i -> i));
        for (int i = 0; i < runners.size(); i++) {
            if (runners.get(i).hasPending()) {
                byNextEvent.add(i);
            }
        }
    }

    /** The whole race in a list: for tests and small tools; a feed should iterate instead. */
    public static List<TimingEvent> all(SimulatorConfig config) {
        List<TimingEvent> all = new ArrayList<>();
        new RaceSimulator(config).forEachRemaining(all::add);
        return all;
    }

    @Override
    public boolean hasNext() {
        fill();
        return !ready.isEmpty();
    }

    @Override
    public TimingEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the race is over");
        }
        return ready.removeFirst();
    }

    private void fill() {
        while (ready.isEmpty()) {
            TimingEvent status = raceControlNext < raceControl.size() ? raceControl.get(raceControlNext) : null;
            Integer car = byNextEvent.peek();
            if (status == null && car == null) {
                if (!ended) {
                    // Every car has taken the flag or retired: race control ends the session, after all else.
                    ended = true;
                    ready.add(events.sessionEnded(lastAtMs));
                }
                return;
            }
            // Race control first on a tie: a status applies from its own moment on.
            if (status != null && (car == null || status.getSessionTimeMs() <= runners.get(car).nextAtMs())) {
                ready.add(status);
                lastAtMs = Math.max(lastAtMs, status.getSessionTimeMs());
                raceControlNext++;
                continue;
            }
            byNextEvent.poll();
            CarRunner runner = runners.get(car);
            TimingEvent event = runner.poll();
            lastAtMs = Math.max(lastAtMs, event.getSessionTimeMs());
            if (event.getPayload() instanceof LapCompleted lap) {
                boolean lastLap = chequered;
                laps[car] = lap.getLap();
                if (!chequered && event.getSessionTimeMs() >= durationMs && leads(car)) {
                    chequered = true;
                    lastLap = true;
                    ready.add(events.chequered(event.getSessionTimeMs()));
                }
                ready.add(event);
                runner.crossedLine(lastLap);
            } else {
                if (event.getPayload() instanceof CarRetired) {
                    retired[car] = true;
                }
                ready.add(event);
            }
            if (runner.hasPending()) {
                byNextEvent.add(car);
            }
        }
    }

    /** Whether the car that just crossed is ahead of every running car: nobody else has its laps yet. */
    private boolean leads(int car) {
        for (int other = 0; other < laps.length; other++) {
            if (other != car && !retired[other] && laps[other] >= laps[car]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bronze drivers' minimum drive time, as WEC sets it for an 8-hour race (2:20:00) and scaled
     * to this race's length, to the minute, so that screens have someone to show as short.
     */
    static long bronzeMinimumMs(long durationMs) {
        long minute = 60_000;
        return Math.round(durationMs * (140.0 / 480.0) / minute) * minute;
    }

    private static String sessionName(Duration duration) {
        long minutes = duration.toMinutes();
        String length = minutes == 60 ? "1 Hour"
                : minutes % 60 == 0 ? (minutes / 60) + " Hours"
                : minutes + " Minutes";
        return length + " of Simulation Park - Race (simulated)";
    }
}
