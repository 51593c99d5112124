package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.racetiming.output.CarState;

/**
 * Between the chequered flag and the final classification (DOMAIN.md, "The end of the race"): the board keeps race
 * order (progress, then time), each finished car frozen at its flag crossing, so a car still on its last lap is
 * never shown below a finished car with fewer laps, and never Retired. Finished cars are Classified / Not classified
 * (70 % of the laps of their class's leading finisher); cars still racing are Running; cars retired by race control,
 * or that have passed no timing line for 15 minutes, are Retired and go below. Gaps follow the live rule.
 */
final class ProvisionalClassification {

    private ProvisionalClassification() {
    }

    /** Every car has taken the flag, been retired, or passed no timing line for 15 minutes. */
    static boolean everyCarDone(Collection<CarRecord> cars, SessionSetup setup, long chequeredAtMs, long nowMs) {
        for (CarRecord car : cars) {
            if (!car.retired() && flagCrossing(car, setup, chequeredAtMs) == null && !StoppedCars.idleAfterFlag(car, nowMs)) {
                return false;
            }
        }
        return true;
    }

    static Board board(Collection<CarRecord> cars, SessionSetup setup, long chequeredAtMs, long nowMs) {
        int pointsPerLap = setup.pointsPerLap();
        List<CarRecord> racing = new ArrayList<>();
        List<CarRecord> out = new ArrayList<>();
        Map<String, Integer> leadingFinisherLaps = new HashMap<>();
        for (CarRecord car : cars) {
            boolean finished = !car.retired() && flagCrossing(car, setup, chequeredAtMs) != null;
            boolean retired = car.retired() || (!finished && StoppedCars.idleAfterFlag(car, nowMs));
            (retired ? out : racing).add(car);
            if (finished) {
                leadingFinisherLaps.merge(car.carClass(), LiveRaceOrder.lapsCounted(car, pointsPerLap), Math::max);
            }
        }
        racing.sort(LiveRaceOrder.runningOrder(pointsPerLap));
        out.sort(Comparator.<CarRecord>comparingInt(c -> -LiveRaceOrder.lapsCounted(c, pointsPerLap))
                .thenComparing(LiveRaceOrder.runningOrder(pointsPerLap)));
        List<Placing> placings = new ArrayList<>(cars.size());
        for (CarRecord car : racing) {
            int laps = LiveRaceOrder.lapsCounted(car, pointsPerLap);
            Long totalTime = LiveRaceOrder.totalTime(car, pointsPerLap);
            if (flagCrossing(car, setup, chequeredAtMs) != null) {
                int winner = leadingFinisherLaps.getOrDefault(car.carClass(), 0);
                String status = 10L * laps >= 7L * winner ? FinalClassification.CLASSIFIED : FinalClassification.NOT_CLASSIFIED;
                placings.add(new Placing(car, status, CarState.FINISHED, laps, totalTime, true));
            } else {
                placings.add(new Placing(car, LiveRaceOrder.RUNNING, LiveRaceOrder.state(car, nowMs), laps, totalTime,
                        car.latest() != null));
            }
        }
        for (CarRecord car : out) {
            placings.add(new Placing(car, FinalClassification.RETIRED, CarState.RETIRED,
                    LiveRaceOrder.lapsCounted(car, pointsPerLap), LiveRaceOrder.totalTime(car, pointsPerLap), false));
        }
        return Board.rank(placings, (ahead, behind) -> GapRule.live(ahead.car(), behind.car(), pointsPerLap, nowMs));
    }

    private static Passage flagCrossing(CarRecord car, SessionSetup setup, long chequeredAtMs) {
        return car.passages().firstFinishAtOrAfter(chequeredAtMs, setup.pointsPerLap());
    }
}
