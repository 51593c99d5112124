package org.racetiming.ingest.feed.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.simulator.TrackConditions.Neutralisation;

/**
 * One car's race, a lap at a time: each lap is planned when the previous one ends (from the finish
 * line, or from the pit box), so only that lap's few events exist at any moment.
 *
 * <p>A lap: S1, S2, then either the finish line or, on an in-lap, the pit entry and the line in the
 * pit lane. Pace comes from class, car and driver, tyre wear and fuel load, with noise, traffic and
 * the odd spin; the track conditions slow it down. A tank lasts a class-dependent number of laps,
 * fewer stops are made when a yellow offers a cheap one, and none once the fuel reaches the flag.
 */
final class CarRunner {

    private static final long MINUTE = 60_000;
    private static final double SECTOR_NOISE = 0.004;
    private static final double LAP_NOISE = 0.003;

    /** A stop decided on the in-lap: when the car is out again, who drives, and on what tyres. */
    private record PitStop(long pitInMs, long pitOutMs, int nextDriver, long driverChangeMs, boolean newTyres) {
    }

    private final SimulatedCar car;
    private final SeededRandom random;
    private final TrackConditions track;
    private final SimulatorEvents events;
    private final long durationMs;
    private final double tankLaps;
    private final long[] driveMs;
    private final ArrayDeque<TimingEvent> pending = new ArrayDeque<>();

    private int lapsCompleted;
    private long lastCrossingMs;
    private double fuelLaps;
    private int tyreLaps;
    private int stintLap;
    private int driver;
    private int stintsInARow = 1;
    private long stintStartMs;
    private PitStop stop;
    private Retirement retirement;
    private boolean done;

    CarRunner(SimulatedCar car, SeededRandom random, TrackConditions track, SimulatorEvents events, long durationMs) {
        this.car = car;
        this.random = random;
        this.track = track;
        this.events = events;
        this.durationMs = durationMs;
        // Half a lap of margin: the in-lap comes when less than two laps' worth is left.
        this.tankLaps = car.stintLaps() + 0.5;
        this.fuelLaps = tankLaps;
        this.driveMs = new long[car.drivers().size()];
        this.retirement = car.retirement();
        planLap();
    }

    SimulatedCar car() {
        return car;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    long nextAtMs() {
        return pending.getFirst().getSessionTimeMs();
    }

    TimingEvent poll() {
        return pending.removeFirst();
    }

    /** This car's finish-line crossing was emitted; after the flag it was its last. */
    void crossedLine(boolean lastLap) {
        if (lastLap) {
            done = true;
            pending.clear();
        } else if (!done && pending.isEmpty()) {
            planLap();
        }
    }

    /** Where a lap's driving begins: the line, the grid, or the pit exit. */
    private record Start(double atMs, double fromLapFraction, boolean freshTyres) {
    }

    /** How a lap ended: on the line, or in the pit lane ({@code pitInMs} then set). */
    private record LapEnd(long crossedMs, boolean inLap, long pitInMs, boolean failing) {
    }

    private void planLap() {
        int lap = lapsCompleted + 1;
        long lapStart = lastCrossingMs;
        List<TimingEvent> lapEvents = new ArrayList<>(6);
        Start start;
        if (stop != null) {
            start = leavePits(lap, lapStart, lapEvents);
            if (start == null) {
                return;
            }
        } else if (lap == 1) {
            // Rolling start: the clock starts as the leader crosses; the back of the grid crosses later.
            start = new Start(car.gridIndex() * 350.0 + 2_000, 0, false);
        } else {
            start = new Start(lapStart, 0, false);
        }
        LapEnd end = drive(lap, lapStart, start, lapEvents);

        boolean crashes = retirement != null && retirement.accident() && retirement.atMs() <= end.crossedMs();
        boolean crashesInPitLane = crashes && end.inLap() && retirement.atMs() >= end.pitInMs();
        if (crashes && !crashesInPitLane) {
            // Stopped on track: what it passed before the crash is all there is of this lap.
            long crash = retirement.atMs();
            lapEvents.stream().filter(e -> e.getSessionTimeMs() <= crash).forEach(pending::add);
            retire(crash + random.between(2 * MINUTE, 6 * MINUTE));
            return;
        }
        pending.addAll(lapEvents);
        lapsCompleted = lap;
        lastCrossingMs = end.crossedMs();
        tyreLaps++;
        stintLap++;
        if (end.failing() || crashesInPitLane) {
            retire(end.crossedMs() + random.between(3 * MINUTE, 12 * MINUTE));
        } else if (end.inLap()) {
            driveMs[driver] += end.pitInMs() - stintStartMs;
            stop = planStop(end.pitInMs(), end.crossedMs());
        }
    }

    /** The end of a pit stop: driver change and pit exit; null if the car retires in the garage instead. */
    private Start leavePits(int lap, long lapStart, List<TimingEvent> lapEvents) {
        PitStop s = stop;
        stop = null;
        if (retirement != null && retirement.atMs() < s.pitOutMs()) {
            retire(Math.max(retirement.atMs(), lapStart) + random.between(2 * MINUTE, 8 * MINUTE));
            return null;
        }
        if (s.nextDriver() != driver) {
            driver = s.nextDriver();
            stintsInARow = 1;
            lapEvents.add(events.driverChanged(car.number(), lap, s.driverChangeMs(), currentDriver()));
        } else {
            stintsInARow++;
        }
        lapEvents.add(events.pitOut(car.number(), lap, s.pitOutMs(), s.pitOutMs() - s.pitInMs()));
        fuelLaps = tankLaps;
        stintLap = 0;
        stintStartMs = s.pitOutMs();
        if (s.newTyres()) {
            tyreLaps = 0;
        }
        return new Start(s.pitOutMs(), SimulatedTrack.PIT_EXIT_AT, s.newTyres());
    }

    /** Drives the lap through S1 and S2 to the line or into the pits, adding its crossings to {@code lapEvents}. */
    private LapEnd drive(int lap, long lapStart, Start start, List<TimingEvent> lapEvents) {
        double greenLap = greenLapMs();
        double[] speed = new double[SimulatedTrack.sectors()];
        double[] capFactor = new double[speed.length];
        for (int s = 0; s < speed.length; s++) {
            speed[s] = 1.0 / (greenLap * (1 + random.gaussian() * SECTOR_NOISE));
            capFactor[s] = 1 + Math.max(-0.05, Math.min(0.05, random.gaussian() * 0.02));
        }
        if (start.freshTyres()) {
            // Cold tyres on the out-lap.
            speed[0] *= 0.96;
            speed[1] *= 0.985;
        }

        double s1 = SimulatedTrack.sectorShare(0) - start.fromLapFraction();
        long t1 = crossing(track.travel(start.atMs(), 0, s1, speed[0], capFactor[0]), lapStart);
        long t2 = crossing(track.travel(t1, 1, SimulatedTrack.sectorShare(1), speed[1], capFactor[1]), t1);
        boolean failing = retirement != null && !retirement.accident() && retirement.atMs() <= t2;
        boolean inLap = failing || wantsToPit(t2, greenLap);
        long pitIn = -1;
        long t3;
        if (inLap) {
            double limp = failing ? 0.8 : 1.0;
            double toEntry = SimulatedTrack.PIT_ENTRY_AT - SimulatedTrack.sectorStart(2);
            pitIn = crossing(track.travel(t2, 2, toEntry, speed[2] * limp, capFactor[2]), t2)
                    + SimulatedTrack.PIT_ENTRY_LOSS_MS;
            t3 = pitIn + SimulatedTrack.PIT_ENTRY_TO_LINE_MS;
        } else {
            t3 = crossing(track.travel(t2, 2, SimulatedTrack.sectorShare(2), speed[2], capFactor[2]), t2);
        }

        double distance = (inLap ? SimulatedTrack.PIT_ENTRY_AT : 1.0) - start.fromLapFraction();
        double onTrackMs = (inLap ? pitIn - SimulatedTrack.PIT_ENTRY_LOSS_MS : t3) - start.atMs();
        double greenShare = Math.min(1.0, distance * greenLap / onTrackMs);
        // Slower laps burn less: an FCY stretches a stint.
        fuelLaps -= distance * Math.max(0.45, greenShare);

        String number = car.number();
        lapEvents.add(events.timingPoint(number, lap, 1, t1, t1 - lapStart));
        lapEvents.add(events.timingPoint(number, lap, 2, t2, t2 - t1));
        if (inLap) {
            lapEvents.add(events.pitIn(number, lap, pitIn));
        }
        lapEvents.add(events.lapCompleted(t3, number, lap, t3 - lapStart,
                List.of(t1 - lapStart, t2 - t1, t3 - t2), inLap, currentDriver(),
                SimulatedTrack.kph(t3 - lapStart), topSpeed(greenShare)));
        return new LapEnd(t3, inLap, pitIn, failing);
    }

    private double greenLapMs() {
        CarClassProfile p = car.profile();
        double lap = p.baseLapMs * car.paceFactor() * currentDriver().paceFactor()
                * (1 + p.tyreDegradationPerLap * tyreLaps)
                * (1 - p.fuelGainPerLap * stintLap)
                * (1 + random.gaussian() * LAP_NOISE);
        if (random.chance(p.trafficChance)) {
            lap += random.exponential(1_200);
        }
        if (random.chance(0.004)) {
            lap += random.between(5_000.0, 25_000.0);
        }
        return lap;
    }

    private boolean wantsToPit(long atMs, double greenLap) {
        // The race can run on for a lap and a bit after the clock: the flag waits for the leader.
        double lapsToFlag = (durationMs - atMs) / greenLap + 1.5;
        if (fuelLaps >= lapsToFlag) {
            return false;
        }
        if (fuelLaps < 2.0) {
            return true;
        }
        // Under a yellow the pit stop costs less: the others are slow too.
        return track.neutralisationAt(atMs) != Neutralisation.NONE && fuelLaps < tankLaps * 0.5 && stintLap >= 4;
    }

    private PitStop planStop(long pitIn, long crossedMs) {
        int next = driver;
        if (driveMs.length > 1 && (stintsInARow >= 2 || !random.chance(0.3))) {
            next = restedDriver();
        }
        boolean newTyres = tyreLaps >= car.stintLaps() * 1.6 || random.chance(0.65);
        double used = 1.0 - Math.max(0, fuelLaps) / tankLaps;
        long stationary = 22_000 + Math.round(14_000 * used)
                + (newTyres ? 19_000 : 0)
                + (next != driver ? 2_000 : 0)
                + Math.round(Math.abs(random.gaussian()) * 1_500);
        if (random.chance(0.04)) {
            stationary += random.between(10_000L, 45_000L);
        }
        long pitOut = pitIn + SimulatedTrack.PIT_ENTRY_TO_LINE_MS + SimulatedTrack.PIT_LINE_TO_EXIT_MS + stationary;
        long driverChange = crossedMs + 4_000 + random.between(0L, 2_000L);
        return new PitStop(pitIn, pitOut, next, driverChange, newTyres);
    }

    /** The team-mate with the least time in the car, so that drive times stay balanced. */
    private int restedDriver() {
        int best = -1;
        for (int d = 0; d < driveMs.length; d++) {
            if (d != driver && (best < 0 || driveMs[d] < driveMs[best])) {
                best = d;
            }
        }
        return best;
    }

    /** A lap mostly behind the safety car or under FCY never reaches racing speed. */
    private double topSpeed(double greenShare) {
        if (greenShare < 0.75) {
            return round1(SimulatedTrack.FCY_SPEED_KPH + Math.abs(random.gaussian()) * 6);
        }
        return round1(car.profile().topSpeedKph + random.gaussian() * 2.5);
    }

    private void retire(long atMs) {
        pending.add(events.retired(car.number(), atMs, retirement.reason()));
        retirement = null;
        done = true;
    }

    private SimulatedDriver currentDriver() {
        return car.drivers().get(driver);
    }

    private static long crossing(double atMs, long previousMs) {
        return Math.max(previousMs + 1, Math.round(atMs));
    }

    private static double round1(double v) {
        return Math.round(v * 10.0) / 10.0;
    }
}
