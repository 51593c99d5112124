package org.racetiming.standings.rules;

import org.racetiming.event.Entry;

/** Everything the session knows about one car: its entry, passages, laps, pit stops, penalties, retirement. */
final class CarRecord {

    private final String number;
    private Entry entry;
    private final PassageHistory passages;
    private final LapStats lapStats;
    private final PitAndStint pit;
    private boolean retired;
    private int penaltyLaps;
    private long penaltyTimeMs;

    CarRecord(Entry entry, int sectorsPerLap) {
        this(entry, new PassageHistory(), new LapStats(sectorsPerLap), new PitAndStint());
    }

    private CarRecord(Entry entry, PassageHistory passages, LapStats lapStats, PitAndStint pit) {
        this.number = entry.getCar();
        this.entry = entry;
        this.passages = passages;
        this.lapStats = lapStats;
        this.pit = pit;
    }

    /** The car as it stands, independent of this one from here on (the passages are shared until written). */
    CarRecord copy() {
        CarRecord copy = new CarRecord(entry, passages.snapshot(), lapStats.copy(), pit.copy());
        copy.retired = retired;
        copy.penaltyLaps = penaltyLaps;
        copy.penaltyTimeMs = penaltyTimeMs;
        return copy;
    }

    Entry entry() {
        return entry;
    }

    String number() {
        return number;
    }

    String carClass() {
        return entry.getCarClass();
    }

    String team() {
        return entry.getTeam();
    }

    void entry(Entry entry) {
        this.entry = entry;
    }

    PassageHistory passages() {
        return passages;
    }

    LapStats lapStats() {
        return lapStats;
    }

    PitAndStint pit() {
        return pit;
    }

    boolean retired() {
        return retired;
    }

    void retire() {
        retired = true;
    }

    void penalise(int laps, long timeMs) {
        penaltyLaps += laps;
        penaltyTimeMs += timeMs;
    }

    int penaltyLaps() {
        return penaltyLaps;
    }

    long penaltyTimeMs() {
        return penaltyTimeMs;
    }

    Passage latest() {
        return passages.latest();
    }

    /** Laps completed on track (before penalties): a passage on lap L means L - 1 laps were done. */
    int lapsDriven(int pointsPerLap) {
        Passage latest = passages.latest();
        return latest == null ? 0 : latest.progress() / pointsPerLap;
    }

    long lastPassedMs() {
        Passage latest = passages.latest();
        return latest == null ? 0 : latest.timeMs();
    }

    /** Progress with penalty laps taken off: what the order and the gap rule compare. */
    int effectiveProgress(int pointsPerLap) {
        Passage latest = passages.latest();
        return (latest == null ? 0 : latest.progress()) - penaltyLaps * pointsPerLap;
    }
}
