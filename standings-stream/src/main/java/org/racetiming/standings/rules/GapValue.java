package org.racetiming.standings.rules;

import org.racetiming.output.Gap;

/** A gap in whole laps (laps != 0) or else in milliseconds; immutable, unlike the Avro {@link Gap}. */
record GapValue(int laps, long timeMs) {

    static GapValue ofLaps(int laps) {
        return new GapValue(laps, 0);
    }

    static GapValue ofTime(long timeMs) {
        return new GapValue(0, timeMs);
    }

    Gap toAvro() {
        return Gap.newBuilder().setLaps(laps).setTimeMs(timeMs).build();
    }

    static Gap toAvro(GapValue gap) {
        return gap == null ? null : gap.toAvro();
    }
}
