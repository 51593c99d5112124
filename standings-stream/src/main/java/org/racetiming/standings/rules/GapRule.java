package org.racetiming.standings.rules;

/**
 * The live gap of car B behind car A (DOMAIN.md, "Gaps (live)"), measured at the latest timing line B passed
 * (progress {@code p}, time {@code t}) and read at the session's current time {@code now}; L lines per lap.
 * <ol>
 *   <li><b>Laps</b>, N >= 1, the larger of: by {@code t} A had passed {@code p + N·L}; by {@code now} A has passed
 *       {@code p + 1 + N·L} (B has not reached its next line, so A is certainly more than N laps ahead). A car parked
 *       for hours therefore shows the laps it is down, growing as the leader passes it, never a stale time.</li>
 *   <li>Otherwise a <b>time</b>: {@code t} minus the time A passed {@code p} (when A has no recorded passage of
 *       {@code p}, the latest earlier line both passed). If A passed {@code p} only after B did (A overtook B while B
 *       was stopped), {@code now} minus the time A passed its first line after {@code p}: a lower bound that grows,
 *       never negative.</li>
 * </ol>
 * So a car one lap down that has not been lapped shows a time, not "1 Lap". Penalty laps shift a car's progress
 * back by whole laps.
 */
final class GapRule {

    private GapRule() {
    }

    /** @return the gap, or null when the car behind has not passed any line yet */
    static GapValue live(CarRecord ahead, CarRecord behind, int pointsPerLap, long nowMs) {
        Passage last = behind.latest();
        Passage aheadNow = ahead.latest();
        if (last == null || aheadNow == null) {
            return null;
        }
        PassageHistory a = ahead.passages();
        int offsetAhead = ahead.penaltyLaps() * pointsPerLap;
        int offsetBehind = behind.penaltyLaps() * pointsPerLap;
        int p = last.progress() - offsetBehind;
        long t = last.timeMs();

        int aheadAtT = a.progressAt(t);
        int lapsByT = aheadAtT < 0 ? 0 : floorDiv(aheadAtT - offsetAhead - p, pointsPerLap);
        int lapsByNow = floorDiv(aheadNow.progress() - offsetAhead - (p + 1), pointsPerLap);
        int laps = Math.max(lapsByT, lapsByNow);
        if (laps >= 1) {
            return GapValue.ofLaps(laps);
        }
        long aheadPassed = a.timeAt(p + offsetAhead);
        if (aheadPassed != PassageHistory.NONE) {
            return aheadPassed <= t ? GapValue.ofTime(t - aheadPassed)
                    : sinceOvertaken(a, p + offsetAhead, nowMs);
        }
        GapValue atCommonLine = atLatestCommonLine(a, offsetAhead, behind.passages(), offsetBehind);
        if (atCommonLine != null && atCommonLine.timeMs() >= 0) {
            return atCommonLine;
        }
        return sinceOvertaken(a, p + offsetAhead, nowMs);
    }

    private static int floorDiv(int value, int divisor) {
        return Math.floorDiv(value, divisor);
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

    /** The car ahead overtook the stopped car behind: the time since it passed its first line after the car's. */
    private static GapValue sinceOvertaken(PassageHistory ahead, int progress, long nowMs) {
        Passage next = ahead.firstAfter(progress);
        long since = next == null ? 0 : nowMs - next.timeMs();
        return GapValue.ofTime(Math.max(0, since));
    }
}
