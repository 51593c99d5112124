package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One car's last and best lap and sector times. Missing times stay missing: nothing is invented. */
final class LapStats {

    private final int sectors;
    private Long lastLapMs;
    private int lastLapNumber;
    private Long bestLapMs;
    private Integer bestLapNumber;
    private Long bestLapSetAtMs;
    private final Long[] lastSectors;
    private final Long[] bestSectors;
    /** Sector times of the lap being driven, as its intermediate lines are passed. */
    private final Long[] currentSectors;
    private int currentLap;

    LapStats(int sectors) {
        this.sectors = sectors;
        this.lastSectors = new Long[sectors];
        this.bestSectors = new Long[sectors];
        this.currentSectors = new Long[sectors];
    }

    LapStats copy() {
        LapStats copy = new LapStats(sectors);
        copy.lastLapMs = lastLapMs;
        copy.lastLapNumber = lastLapNumber;
        copy.bestLapMs = bestLapMs;
        copy.bestLapNumber = bestLapNumber;
        copy.bestLapSetAtMs = bestLapSetAtMs;
        System.arraycopy(lastSectors, 0, copy.lastSectors, 0, sectors);
        System.arraycopy(bestSectors, 0, copy.bestSectors, 0, sectors);
        System.arraycopy(currentSectors, 0, copy.currentSectors, 0, sectors);
        copy.currentLap = currentLap;
        return copy;
    }

    void pointPassed(int lap, int point, Long sectorTimeMs) {
        startLap(lap);
        if (sectorTimeMs != null && point <= sectors) {
            currentSectors[point - 1] = sectorTimeMs;
            improveSector(point - 1, sectorTimeMs);
        }
    }

    void lapCompleted(int lap, Long lapTimeMs, List<Long> sectorTimes, long crossedAtMs) {
        startLap(lap);
        for (int i = 0; i < sectors; i++) {
            Long fromLap = sectorTimes != null && i < sectorTimes.size() ? sectorTimes.get(i) : null;
            lastSectors[i] = fromLap != null ? fromLap : currentSectors[i];
            if (lastSectors[i] != null) {
                improveSector(i, lastSectors[i]);
            }
        }
        lastLapNumber = lap;
        lastLapMs = lapTimeMs;
        // A lap without a positive time (red flag, timing gap) cannot be anyone's best.
        if (lapTimeMs != null && lapTimeMs > 0 && (bestLapMs == null || lapTimeMs < bestLapMs)) {
            bestLapMs = lapTimeMs;
            bestLapNumber = lap;
            bestLapSetAtMs = crossedAtMs;
        }
        currentLap = lap + 1;
        Arrays.fill(currentSectors, null);
    }

    private void startLap(int lap) {
        if (lap != currentLap) {
            currentLap = lap;
            Arrays.fill(currentSectors, null);
        }
    }

    private void improveSector(int index, long timeMs) {
        if (timeMs > 0 && (bestSectors[index] == null || timeMs < bestSectors[index])) {
            bestSectors[index] = timeMs;
        }
    }

    Long lastLapMs() {
        return lastLapMs;
    }

    Long bestLapMs() {
        return bestLapMs;
    }

    Integer bestLapNumber() {
        return bestLapNumber;
    }

    /** When the best lap was completed: who set a time first wins a tie. */
    Long bestLapSetAtMs() {
        return bestLapSetAtMs;
    }

    /** The last lap set the car's best so far. */
    boolean lastLapPersonalBest() {
        return bestLapNumber != null && bestLapNumber == lastLapNumber;
    }

    List<Long> lastSectors() {
        return new ArrayList<>(Arrays.asList(lastSectors));
    }

    List<Long> bestSectors() {
        return new ArrayList<>(Arrays.asList(bestSectors));
    }
}
