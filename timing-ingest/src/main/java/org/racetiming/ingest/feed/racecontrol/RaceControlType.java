package org.racetiming.ingest.feed.racecontrol;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.racetiming.event.TrackStatus;

/** The decisions race control posts (DOMAIN.md, "Race-control events"). */
public enum RaceControlType {
    SLOW_ZONE_START(TrackStatus.SLOW_ZONE),
    SLOW_ZONE_END(TrackStatus.SLOW_ZONE),
    FULL_COURSE_YELLOW(TrackStatus.FULL_COURSE_YELLOW),
    SAFETY_CAR(TrackStatus.SAFETY_CAR),
    RED(TrackStatus.RED),
    GREEN(TrackStatus.GREEN),
    CHEQUERED(TrackStatus.CHEQUERED),
    RETIREMENT(null),
    PENALTY(null),
    /** The results are final (DOMAIN.md, "The end of the race"): no track status, no car. */
    SESSION_END(null);

    private final TrackStatus trackStatus;

    RaceControlType(TrackStatus trackStatus) {
        this.trackStatus = trackStatus;
    }

    /** The track status this decision sets, or null for decisions about a car and for the session's end. */
    public TrackStatus trackStatus() {
        return trackStatus;
    }

    boolean zoned() {
        return this == SLOW_ZONE_START || this == SLOW_ZONE_END;
    }

    public static Optional<RaceControlType> of(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(wanted)).findFirst();
    }

    public static String known() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
