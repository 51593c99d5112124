package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.racetiming.output.CarState;

/**
 * The classification once the chequered flag has fallen.
 *
 * <p>Each car's race ends at its first finish-line crossing at or after the flag; crossings after that do not
 * count. A car that took the flag is Classified with at least 70% of its class winner's laps, else Not
 * classified; a car that did not take the flag (or was retired by race control) is Retired. Order: Classified,
 * Not classified, Retired; then laps descending, total time ascending. Penalty laps come off the laps and
 * penalty time is added to the total time before ordering, so a penalty can move a car down. Gaps: whole laps when
 * the lap counts differ, else the total-time difference; retired cars get none.
 */
final class FinalClassification {

    static final String CLASSIFIED = "Classified";
    static final String NOT_CLASSIFIED = "Not classified";
    static final String RETIRED = "Retired";

    private FinalClassification() {
    }

    private record Result(CarRecord car, boolean tookFlag, int laps, Long totalTimeMs) {
    }

    static Board board(Collection<CarRecord> cars, SessionSetup setup, long chequeredAtMs) {
        int pointsPerLap = setup.pointsPerLap();
        List<Result> results = new ArrayList<>(cars.size());
        Map<String, Integer> winnerLaps = new HashMap<>();
        for (CarRecord car : cars) {
            Result result = result(car, pointsPerLap, chequeredAtMs);
            results.add(result);
            if (result.tookFlag()) {
                winnerLaps.merge(car.carClass(), result.laps(), Math::max);
            }
        }
        List<Placing> placings = new ArrayList<>(results.size());
        for (Result r : results) {
            String status = status(r, winnerLaps.getOrDefault(r.car().carClass(), 0));
            CarState state = r.car().retired() ? CarState.RETIRED
                    : r.tookFlag() ? CarState.FINISHED : r.car().pit().state();
            placings.add(new Placing(r.car(), status, state, r.laps(), r.totalTimeMs(), !RETIRED.equals(status)));
        }
        placings.sort(ORDER);
        return Board.rank(placings, FinalClassification::gap);
    }

    private static Result result(CarRecord car, int pointsPerLap, long chequeredAtMs) {
        Passage flag = car.retired() ? null : car.passages().firstFinishAtOrAfter(chequeredAtMs, pointsPerLap);
        Passage counted = flag != null ? flag : car.passages().lastFinish(pointsPerLap);
        if (counted == null) {
            return new Result(car, false, 0, null);
        }
        int laps = Math.max(0, counted.progress() / pointsPerLap - car.penaltyLaps());
        return new Result(car, flag != null, laps, counted.timeMs() + car.penaltyTimeMs());
    }

    private static String status(Result result, int classWinnerLaps) {
        if (!result.tookFlag()) {
            return RETIRED;
        }
        // 70% in integers: laps / winner >= 7 / 10, without rounding surprises.
        return 10L * result.laps() >= 7L * classWinnerLaps ? CLASSIFIED : NOT_CLASSIFIED;
    }

    private static int statusRank(String status) {
        return switch (status) {
            case CLASSIFIED -> 0;
            case NOT_CLASSIFIED -> 1;
            default -> 2;
        };
    }

    private static final Comparator<Placing> ORDER = Comparator
            .comparingInt((Placing p) -> statusRank(p.status()))
            .thenComparing(Comparator.comparingInt(Placing::laps).reversed())
            .thenComparing(Placing::totalTimeMs, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(p -> p.car().number(), RaceNumbers.ORDER);

    /** Laps when the counts differ (negative if a Not classified car out-ran the car above it), else time. */
    static GapValue gap(Placing ahead, Placing behind) {
        int laps = ahead.laps() - behind.laps();
        if (laps != 0) {
            return GapValue.ofLaps(laps);
        }
        if (ahead.totalTimeMs() == null || behind.totalTimeMs() == null) {
            return null;
        }
        return GapValue.ofTime(behind.totalTimeMs() - ahead.totalTimeMs());
    }
}
