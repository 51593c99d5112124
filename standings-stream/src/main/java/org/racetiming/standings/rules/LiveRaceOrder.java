package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.racetiming.output.CarState;

/**
 * The race order while the race runs: by the latest timing line passed (progress descending, then the time it was
 * passed ascending, then race number); cars retired by race control below all running cars, by laps.
 */
final class LiveRaceOrder {

    static final String RUNNING = "Running";
    static final String IN_PIT = "In pit";

    private LiveRaceOrder() {
    }

    /** Where a car still racing is: STOPPED when it has passed no line for much longer than its laps take. */
    static CarState state(CarRecord car, long nowMs) {
        return StoppedCars.stoppedSince(car, nowMs) != null ? CarState.STOPPED : car.pit().state();
    }

    static Comparator<CarRecord> runningOrder(int pointsPerLap) {
        return Comparator.<CarRecord>comparingInt(c -> -c.effectiveProgress(pointsPerLap))
                .thenComparingLong(LiveRaceOrder::passedAtOrNever)
                .thenComparing(CarRecord::number, RaceNumbers.ORDER);
    }

    private static Comparator<CarRecord> retiredOrder(int pointsPerLap) {
        return Comparator.<CarRecord>comparingInt(c -> -lapsCounted(c, pointsPerLap))
                .thenComparing(runningOrder(pointsPerLap));
    }

    private static long passedAtOrNever(CarRecord car) {
        Passage latest = car.latest();
        return latest == null ? Long.MAX_VALUE : latest.timeMs();
    }

    static Board board(Collection<CarRecord> cars, SessionSetup setup, long nowMs) {
        int pointsPerLap = setup.pointsPerLap();
        List<CarRecord> running = new ArrayList<>();
        List<CarRecord> retired = new ArrayList<>();
        for (CarRecord car : cars) {
            (car.retired() ? retired : running).add(car);
        }
        running.sort(runningOrder(pointsPerLap));
        retired.sort(retiredOrder(pointsPerLap));
        List<Placing> ordered = new ArrayList<>(cars.size());
        for (CarRecord car : running) {
            boolean inPit = car.pit().state() == CarState.IN_PIT;
            ordered.add(new Placing(car, inPit ? IN_PIT : RUNNING, state(car, nowMs),
                    lapsCounted(car, pointsPerLap), totalTime(car, pointsPerLap), car.latest() != null));
        }
        for (CarRecord car : retired) {
            ordered.add(new Placing(car, FinalClassification.RETIRED, CarState.RETIRED, lapsCounted(car, pointsPerLap),
                    totalTime(car, pointsPerLap), false));
        }
        return Board.rank(ordered, (ahead, behind) -> GapRule.live(ahead.car(), behind.car(), pointsPerLap, nowMs));
    }

    static int lapsCounted(CarRecord car, int pointsPerLap) {
        return Math.max(0, car.lapsDriven(pointsPerLap) - car.penaltyLaps());
    }

    /** Race time at the last finish-line crossing plus time penalties; null before the first lap. */
    static Long totalTime(CarRecord car, int pointsPerLap) {
        Passage finish = car.passages().lastFinish(pointsPerLap);
        return finish == null ? null : finish.timeMs() + car.penaltyTimeMs();
    }
}
