package org.racetiming.ingest.feed.alkamel;

/**
 * How far a car has got, as far as validation is concerned: laps completed, the last intermediate
 * point passed on the lap being driven, and the times of its last crossing of any line and of the
 * finish line ({@code -1} before the first). Immutable, so that a batch can be checked on copies
 * and committed only if all of it is accepted.
 */
record CarProgress(int completedLap, int point, long lastCrossingMs, long lastFinishMs) {

    static final CarProgress START = new CarProgress(0, 0, -1, -1);

    CarProgress afterLap(int lap, long atMs) {
        return new CarProgress(lap, 0, atMs, atMs);
    }

    CarProgress afterPoint(int lap, int passedPoint, long atMs) {
        return new CarProgress(lap - 1, passedPoint, atMs, lastFinishMs);
    }
}
