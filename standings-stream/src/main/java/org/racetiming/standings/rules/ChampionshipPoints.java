package org.racetiming.standings.rules;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.racetiming.output.CarStanding;
import org.racetiming.output.Standings;

/**
 * WEC championship points of a classified race, per class: 25-18-15-12-10-8-6-4-2-1 for a 6-hour race, the
 * series' 1.5x table for 8 and 10 hours, double at Le Mans; one more point for the pole in each class.
 */
public final class ChampionshipPoints {

    private static final int[] SIX_HOURS = {25, 18, 15, 12, 10, 8, 6, 4, 2, 1};
    // Written out rather than computed: the series rounds 1.5x its own way (15 -> 23, 1 -> 2).
    private static final int[] EIGHT_OR_TEN_HOURS = {38, 27, 23, 18, 15, 12, 9, 6, 3, 2};
    private static final int[] LE_MANS = {50, 36, 30, 24, 20, 16, 12, 8, 4, 2};

    private static final long SIX_HOURS_MS = 6 * 3_600_000L;
    private static final long TWENTY_FOUR_HOURS_MS = 24 * 3_600_000L;

    private ChampionshipPoints() {
    }

    /** Points for a class position (1-based) in a race of the given scheduled length; 0 outside the top ten. */
    public static int forClassPosition(int classPosition, long scheduledDurationMs) {
        int[] table = scheduledDurationMs >= TWENTY_FOUR_HOURS_MS ? LE_MANS
                : scheduledDurationMs > SIX_HOURS_MS ? EIGHT_OR_TEN_HOURS : SIX_HOURS;
        return classPosition >= 1 && classPosition <= table.length ? table[classPosition - 1] : 0;
    }

    /**
     * Points per car from a final classification: only Classified cars score by class position, and each pole
     * sitter (one per class, from qualifying) gets one point more. Cars without points are left out.
     */
    public static Map<String, Integer> of(Standings classification, long scheduledDurationMs,
                                          Collection<String> poleSitters) {
        Map<String, Integer> points = new LinkedHashMap<>();
        List<CarStanding> cars = classification.getCars();
        for (CarStanding car : cars) {
            int earned = FinalClassification.CLASSIFIED.equals(car.getStatus())
                    ? forClassPosition(car.getClassPosition(), scheduledDurationMs) : 0;
            if (poleSitters.contains(car.getCar())) {
                earned++;
            }
            if (earned > 0) {
                points.put(car.getCar(), earned);
            }
        }
        return points;
    }
}
