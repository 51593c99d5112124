package org.racetiming.standings.rules;

/**
 * The live gap of a car behind to a car ahead, measured at the latest timing line the car behind passed
 * (time {@code t}, progress {@code p}):
 * <ul>
 *   <li>whole laps when the car ahead had passed that same line one or more laps further on by {@code t};</li>
 *   <li>otherwise {@code t} minus the time the car ahead passed {@code p} (or, when that passage is missing, the
 *       difference at the latest earlier line both cars passed).</li>
 * </ul>
 * A car one lap down that has not been lapped therefore shows a time, not "1 Lap". Penalty laps shift a car's
 * progress back by whole laps.
 */
final class GapRule {

    private GapRule() {
    }

    /**
     * @param nowMs the session time, used only when the car ahead passed {@code p} after the car behind did (it
     *              overtook a stationary car): the gap is then at least the time since it passed the next line
     * @return the gap, or null when the car behind has not passed any line yet
     */
    static GapValue live(CarRecord ahead, CarRecord behind, int pointsPerLap, long nowMs) {
        Passage last = behind.latest();
        if (last == null) {
            return null;
        }
        PassageHistory a = ahead.passages();
        int offsetAhead = ahead.penaltyLaps() * pointsPerLap;
        int offsetBehind = behind.penaltyLaps() * pointsPerLap;
        int p = last.progress() - offsetBehind;
        long t = last.timeMs();

        int aheadAtT = a.progressAt(t);
        if (aheadAtT >= 0 && aheadAtT - offsetAhead - p >= pointsPerLap) {
            return GapValue.ofLaps((aheadAtT - offsetAhead - p) / pointsPerLap);
        }
        long aheadPassed = a.timeAt(p + offsetAhead);
        if (aheadPassed != PassageHistory.NONE) {
            return aheadPassed <= t ? GapValue.ofTime(t - aheadPassed)
                    : afterOvertakingStationaryCar(ahead, p, offsetAhead, pointsPerLap, nowMs);
        }
        GapValue atCommonLine = atLatestCommonLine(a, offsetAhead, behind.passages(), offsetBehind);
        if (atCommonLine != null && atCommonLine.timeMs() >= 0) {
            return atCommonLine;
        }
        return afterOvertakingStationaryCar(ahead, p, offsetAhead, pointsPerLap, nowMs);
    }

    /** Walks back from the behind car's latest passage to a line both cars have a time for. */
    private static GapValue atLatestCommonLine(PassageHistory ahead, int offsetAhead, PassageHistory behind,
                                               int offsetBehind) {
        for (int i = behind.size() - 2; i >= 0; i--) {
            Passage b = behind.at(i);
            long aheadPassed = ahead.timeAt(b.progress() - offsetBehind + offsetAhead);
            if (aheadPassed != PassageHistory.NONE) {
                return GapValue.ofTime(b.timeMs() - aheadPassed);
            }
        }
        return null;
    }

    /**
     * The car ahead passed the behind car's latest line after it did: it overtook a car stopped (in the pits, off
     * the track) since. The behind car has not reached the next line the car ahead passed, so the gap is at least
     * the time since the car ahead passed it, or whole laps once it is that far ahead.
     */
    private static GapValue afterOvertakingStationaryCar(CarRecord ahead, int p, int offsetAhead,
                                                         int pointsPerLap, long nowMs) {
        Passage aheadNow = ahead.latest();
        if (aheadNow == null) {
            return null;
        }
        int lead = aheadNow.progress() - offsetAhead - p;
        if (lead >= pointsPerLap) {
            return GapValue.ofLaps(lead / pointsPerLap);
        }
        Passage next = ahead.passages().firstAfter(p + offsetAhead);
        long since = next == null ? 0 : nowMs - next.timeMs();
        return GapValue.ofTime(Math.max(0, since));
    }
}
