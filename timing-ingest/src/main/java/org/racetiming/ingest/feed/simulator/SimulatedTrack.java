package org.racetiming.ingest.feed.simulator;

/**
 * The circuit, as fractions of a lap: a 5.4 km track (Bahrain-like) with two sector lines, the
 * pit entry late in the last sector and the pit exit early in the first.
 */
final class SimulatedTrack {

    static final double LENGTH_M = 5_412.0;
    /** Share of the lap in each sector (S1, S2, S3), from Bahrain 2024 sector times. */
    private static final double[] SECTOR_SHARE = {0.315, 0.371, 0.314};
    static final double PIT_ENTRY_AT = 0.955;
    static final double PIT_EXIT_AT = 0.045;
    /** Pit-lane travel from the entry to the timing line (the in-lap ends there)... */
    static final long PIT_ENTRY_TO_LINE_MS = 6_000;
    /** ...and from the line to the exit, stops excluded. */
    static final long PIT_LINE_TO_EXIT_MS = 18_000;
    /** Braking for the pit entry costs time that the green pace does not include. */
    static final long PIT_ENTRY_LOSS_MS = 2_500;

    static final double FCY_SPEED_KPH = 80.0;
    /** Cars queue behind the safety car a little faster than the FCY limit, as at Le Mans. */
    static final double SAFETY_CAR_SPEED_KPH = 90.0;

    private SimulatedTrack() {
    }

    static int sectors() {
        return SECTOR_SHARE.length;
    }

    static double sectorShare(int sector) {
        return SECTOR_SHARE[sector];
    }

    /** Lap fraction where a sector starts. */
    static double sectorStart(int sector) {
        double at = 0;
        for (int i = 0; i < sector; i++) {
            at += SECTOR_SHARE[i];
        }
        return at;
    }

    static int sectorAt(double lapFraction) {
        double end = 0;
        for (int i = 0; i < SECTOR_SHARE.length; i++) {
            end += SECTOR_SHARE[i];
            if (lapFraction < end) {
                return i;
            }
        }
        return SECTOR_SHARE.length - 1;
    }

    /** Speed in lap fractions per millisecond. */
    static double lapsPerMs(double kph) {
        return kph / 3.6 / 1000.0 / LENGTH_M;
    }

    static double kph(long lapMs) {
        return Math.round(LENGTH_M * 3.6 * 1000.0 / lapMs * 10.0) / 10.0;
    }
}
