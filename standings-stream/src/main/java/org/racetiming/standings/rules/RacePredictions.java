package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is about to happen, extrapolated from the laps of a {@link RaceHistory}: how fast one car closes on another,
 * how many laps each car will have done at the flag, and when each car's next pit stop is due. Trends, not rules:
 * they read the laps the rules recorded and extrapolate the recent ones.
 */
public final class RacePredictions {

    /** Laps the closing rate is measured over. */
    static final int TREND_LAPS = 5;
    /** Recent laps (not in- or out-laps) whose median is a car's typical lap. */
    static final int TYPICAL_LAPS = 10;

    /**
     * The trend of the gap between two cars at the finish line.
     *
     * @param gapMs           behind's crossing of its latest lap minus ahead's crossing of that lap
     * @param closingMsPerLap how much the gap shrank per lap over the last {@link #TREND_LAPS} laps (negative: it grew)
     * @param catchesInLaps   laps until behind reaches ahead at that rate; null when it is not closing
     * @param pitStopInWindow an in- or out-lap of either car lies in the window, which distorts the rate
     */
    public record GapTrend(String ahead, String behind, int lap, long gapMs, double closingMsPerLap,
                           Integer catchesInLaps, boolean pitStopInWindow) {
    }

    /**
     * @param typicalLapMs         median of the car's last {@link #TYPICAL_LAPS} laps on track (no in- or out-laps)
     * @param projectedLapsAtFlag  laps done plus the laps its typical lap leaves room for before the scheduled end;
     *                             null without a scheduled duration or a typical lap
     * @param typicalStintLaps     median laps from pit exit to pit entry over its completed stints; null before one
     * @param nextStopDueLap       the lap its current stint reaches the typical stint length; null without one
     */
    public record CarOutlook(String car, int laps, Long typicalLapMs, Integer projectedLapsAtFlag,
                             Integer typicalStintLaps, Integer nextStopDueLap) {
    }

    private RacePredictions() {
    }

    /** The gap trend between two cars, whichever is ahead; null when they have no lap in common yet. */
    public static GapTrend gapTrend(List<LapRow> laps, String carA, String carB) {
        Map<Integer, LapRow> a = byLap(laps, carA);
        Map<Integer, LapRow> b = byLap(laps, carB);
        int common = 0;
        for (int lap : a.keySet()) {
            if (b.containsKey(lap)) {
                common = Math.max(common, lap);
            }
        }
        if (common == 0) {
            return null;
        }
        boolean aAhead = a.get(common).crossedAtMs() <= b.get(common).crossedAtMs();
        Map<Integer, LapRow> ahead = aAhead ? a : b;
        Map<Integer, LapRow> behind = aAhead ? b : a;
        long gapNow = behind.get(common).crossedAtMs() - ahead.get(common).crossedAtMs();
        int first = Math.max(1, common - TREND_LAPS);
        while (first < common && !(ahead.containsKey(first) && behind.containsKey(first))) {
            first++;
        }
        long gapThen = behind.get(first).crossedAtMs() - ahead.get(first).crossedAtMs();
        double closing = first == common ? 0 : (double) (gapThen - gapNow) / (common - first);
        boolean pits = false;
        for (int lap = first + 1; lap <= common; lap++) {
            pits |= pitLap(ahead.get(lap)) || pitLap(behind.get(lap));
        }
        Integer catches = closing > 0 ? (int) Math.ceil(gapNow / closing) : null;
        return new GapTrend(aAhead ? carA : carB, aAhead ? carB : carA, common, gapNow, closing, catches, pits);
    }

    /** Each car's outlook, in the order of the cars' first laps. */
    public static List<CarOutlook> outlook(List<LapRow> laps, Long scheduledDurationMs) {
        Map<String, List<LapRow>> byCar = new java.util.LinkedHashMap<>();
        for (LapRow row : laps) {
            byCar.computeIfAbsent(row.car(), car -> new ArrayList<>()).add(row);
        }
        List<CarOutlook> outlook = new ArrayList<>();
        for (Map.Entry<String, List<LapRow>> car : byCar.entrySet()) {
            outlook.add(outlook(car.getKey(), car.getValue(), scheduledDurationMs));
        }
        return outlook;
    }

    private static CarOutlook outlook(String car, List<LapRow> rows, Long scheduledDurationMs) {
        LapRow last = rows.get(rows.size() - 1);
        List<Long> recent = new ArrayList<>();
        List<Integer> stints = new ArrayList<>();
        int stintStart = rows.get(0).lap();
        for (int i = rows.size() - 1; i >= 0 && recent.size() < TYPICAL_LAPS; i--) {
            LapRow row = rows.get(i);
            if (!pitLap(row) && row.lapTimeMs() != null && row.lapTimeMs() > 0) {
                recent.add(row.lapTimeMs());
            }
        }
        for (LapRow row : rows) {
            if (row.outLap()) {
                stintStart = row.lap();
            }
            if (row.inLap()) {
                stints.add(row.lap() - stintStart + 1);
            }
        }
        Long typicalLap = median(recent);
        Integer projected = null;
        if (scheduledDurationMs != null && typicalLap != null) {
            long left = scheduledDurationMs - last.crossedAtMs();
            // The flag ends each car's race at its first crossing after the scheduled end: a lap begun counts.
            projected = last.lap() + (left <= 0 ? 0 : (int) ((left + typicalLap - 1) / typicalLap));
        }
        Long typicalStint = median(stints.stream().map(Integer::longValue).toList());
        Integer due = null;
        if (typicalStint != null && !last.inLap()) {
            int currentStart = stintStart;
            for (LapRow row : rows) {
                if (row.outLap()) {
                    currentStart = row.lap();
                }
            }
            due = currentStart + typicalStint.intValue() - 1;
        }
        return new CarOutlook(car, last.lap(), typicalLap, projected,
                typicalStint == null ? null : typicalStint.intValue(), due);
    }

    private static boolean pitLap(LapRow row) {
        return row != null && (row.inLap() || row.outLap());
    }

    private static Map<Integer, LapRow> byLap(List<LapRow> laps, String car) {
        Map<Integer, LapRow> byLap = new HashMap<>();
        for (LapRow row : laps) {
            if (row.car().equals(car)) {
                byLap.put(row.lap(), row);
            }
        }
        return byLap;
    }

    private static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
