package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.racetiming.output.CarState;

/**
 * Qualifying and practice: best valid lap ascending, cars without a lap at the bottom by race number; the gap is
 * the best-lap difference. After the flag a car with a time is Classified, one without is Not classified.
 */
final class BestLapOrder {

    private BestLapOrder() {
    }

    private static final Comparator<CarRecord> ORDER = Comparator
            .comparing((CarRecord c) -> c.lapStats().bestLapMs(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(c -> c.lapStats().bestLapSetAtMs(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CarRecord::number, RaceNumbers.ORDER);

    static Board board(Collection<CarRecord> cars, SessionSetup setup, boolean chequered) {
        int pointsPerLap = setup.pointsPerLap();
        List<CarRecord> sorted = new ArrayList<>(cars);
        sorted.sort(ORDER);
        List<Placing> placings = new ArrayList<>(sorted.size());
        for (CarRecord car : sorted) {
            boolean timed = car.lapStats().bestLapMs() != null;
            placings.add(new Placing(car, status(car, timed, chequered), state(car),
                    LiveRaceOrder.lapsCounted(car, pointsPerLap), LiveRaceOrder.totalTime(car, pointsPerLap), timed));
        }
        return Board.rank(placings, (ahead, behind) ->
                GapValue.ofTime(behind.car().lapStats().bestLapMs() - ahead.car().lapStats().bestLapMs()));
    }

    private static String status(CarRecord car, boolean timed, boolean chequered) {
        if (chequered) {
            return timed ? FinalClassification.CLASSIFIED : FinalClassification.NOT_CLASSIFIED;
        }
        if (car.retired()) {
            return FinalClassification.RETIRED;
        }
        return car.pit().state() == CarState.IN_PIT ? "In pit" : "Running";
    }

    private static CarState state(CarRecord car) {
        return car.retired() ? CarState.RETIRED : car.pit().state();
    }
}
