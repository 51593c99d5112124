package org.racetiming.ingest.feed.alkamel;

/** The Al Kamel analysis columns this adapter reads; files may have more, which are ignored. */
enum AlKamelColumn {
    NUMBER, DRIVER_NUMBER, LAP_NUMBER, LAP_TIME, CROSSING_FINISH_LINE_IN_PIT, S1, S2, S3, KPH, ELAPSED,
    TOP_SPEED, DRIVER_NAME, PIT_TIME, CLASS, GROUP, TEAM, MANUFACTURER,
    /** From 2023 on; older files have no flags, so no track status comes out of them. */
    FLAG_AT_FL;

    /** A row cannot be placed on the timeline without these. */
    boolean required() {
        return this == NUMBER || this == LAP_NUMBER || this == ELAPSED;
    }
}
