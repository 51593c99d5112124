package org.racetiming.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.racetiming.event.CarRetired;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.Entry;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.PitOut;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;

class EventValidatorTest {

    private final EventValidator validator = new EventValidator();

    private static TimingEvent event(String id, long at, Object payload) {
        return new TimingEvent(id, "s1", at, Instant.EPOCH.plusMillis(at), "http:" + id, payload);
    }

    private static TimingEvent start(String... cars) {
        List<Entry> entries = Arrays.stream(cars).map(car -> new Entry(car, "LMP2", null, null, null, List.of())).toList();
        return event("start", 0, new SessionStarted("test", SessionType.RACE, null, List.of("S1", "S2"), entries, List.of()));
    }

    private static TimingEvent lap(String car, int lap, long at, Long lapTime) {
        return event("lap/" + car + "/" + lap, at, new LapCompleted(car, lap, lapTime, List.of(), false, null, null, null, null));
    }

    private static TimingEvent point(String car, int lap, int point, long at) {
        return event("tp/" + car + "/" + lap + "/" + point, at, new TimingPointPassed(car, lap, point, null));
    }

    @Test
    void shouldAcceptAnyCarUntilTheEntryListIsKnownAndOnlyItsCarsAfter() {
        assertThat(validator.accept(lap("99", 1, 100_000, 100_000L)).accepted()).isTrue();

        validator.accept(start("7", "007"));

        assertThat(validator.accept(lap("007", 1, 100_000, 100_000L)).accepted()).isTrue();
        assertThat(validator.accept(lap("07", 1, 100_000, 100_000L)).reason()).isEqualTo("unknown car 07 (not in the session's entry list)");
    }

    @Test
    void shouldRejectADuplicateEventIdNamingWhereItWasFirstSeen() {
        validator.accept(start("51"));
        validator.accept(lap("51", 1, 100_000, 100_000L));

        assertThat(validator.accept(lap("51", 1, 100_000, 100_000L)).reason()).isEqualTo("duplicate of http:lap/51/1 (car 51 lap 1)");
    }

    @Test
    void shouldAcceptLateEventsWhateverCameBefore() {
        validator.accept(start("51"));
        validator.accept(lap("51", 3, 300_000, null));

        // DOMAIN.md: a late event is not an error; only a repeated event id is.
        assertThat(validator.accept(lap("51", 2, 200_000, null)).accepted()).isTrue();
        assertThat(validator.accept(point("51", 3, 1, 250_000)).accepted()).isTrue();
        assertThat(validator.accept(event("pit-out", 150_000, new PitOut("51", 2, null))).accepted()).isTrue();
        assertThat(validator.accept(lap("51", 2, 200_000, null)).reason()).startsWith("duplicate of ");
        assertThat(validator.accept(lap("51", 0, 500_000, null)).reason()).isEqualTo("lap 0 is not a lap (laps count from 1)");
        assertThat(validator.accept(lap("51", 10_001, 500_000, null)).reason())
                .isEqualTo("lap 10001 is not a lap any race reaches (at most 10000)");
    }

    @Test
    void shouldRejectImpossibleTimes() {
        validator.accept(start("51"));
        validator.accept(lap("51", 1, 110_000, 110_000L));

        assertThat(validator.accept(event("neg", -1, new CarRetired("51", null))).reason()).isEqualTo("negative session time -0:00:00.001");
        assertThat(validator.accept(event("week", 8L * 24 * 3600 * 1000, new CarRetired("51", null))).reason())
                .isEqualTo("session time 192:00:00.000 is impossible (no session lasts 168:00:00.000)");
        assertThat(validator.accept(lap("51", 2, 220_000, 0L)).reason()).isEqualTo("lap time 0.000 is impossible");
        assertThat(validator.accept(lap("51", 2, 220_000, 230_000L)).reason())
                .isEqualTo("lap time 3:50.000 is longer than the session at the crossing (0:03:40.000)");
        // Consistency between a car's laps is the Al Kamel file's rule (CarRowSequence), not a live feed's.
        assertThat(validator.accept(lap("51", 3, 20 * 3_600_000L, 110_000L)).accepted()).as("after a missing lap").isTrue();
        // A lap may last hours (red flag, garage): no upper bound beyond the session clock.
        assertThat(validator.accept(lap("51", 4, 20 * 3_600_000L + 17 * 3_600_000L, 17 * 3_600_000L)).accepted()).isTrue();
    }

    @Test
    void shouldRejectMissingFields() {
        assertThat(validator.accept(new TimingEvent(" ", "s1", 0L, Instant.EPOCH, null, new CarRetired("1", null))).reason())
                .isEqualTo("missing eventId");
        assertThat(validator.accept(new TimingEvent("x", null, 0L, Instant.EPOCH, null, new CarRetired("1", null))).reason())
                .isEqualTo("missing sessionId");
        assertThat(validator.accept(event("x", 0, null)).reason()).isEqualTo("missing payload");
        assertThat(validator.accept(event("x", 0, new CarRetired(null, null))).reason()).isEqualTo("missing car");
        assertThat(validator.accept(event("x", 0, new DriverChanged("1", 1, ""))).reason()).isEqualTo("missing driver name for car 1");
        assertThat(validator.accept(event("x", 0, new TrackStatusChanged(TrackStatus.SLOW_ZONE, null, true))).reason())
                .isEqualTo("missing zone for SLOW_ZONE");
        assertThat(validator.accept(event("x", 0, new PenaltyApplied("1", 0, 0L, null))).reason()).isEqualTo("penalty of neither laps nor time");
        assertThat(validator.accept(point("1", 1, 0, 10)).reason()).isEqualTo("timing point 0 does not exist");
    }

    @Test
    void shouldRejectAnEntryListWithACarTwice() {
        assertThat(validator.accept(start("7", "7")).reason()).isEqualTo("car 7 is in the entry list twice");
    }

    @Test
    void shouldKnowTheNumberOfTimingPointsOfTheSession() {
        validator.accept(start("51"));

        assertThat(validator.accept(point("51", 1, 3, 10)).reason()).isEqualTo("timing point 3 does not exist (the session has 2)");
    }

    @Test
    void shouldAcceptABatchWholeOrLeaveNoTraceOfIt() {
        validator.accept(start("51"));
        List<TimingEvent> broken = List.of(point("51", 1, 1, 30_000), point("51", 1, 2, 70_000), lap("51", 1, 60_000, 0L));

        assertThat(validator.acceptAll(broken).reason()).isEqualTo("lap time 0.000 is impossible");

        // Nothing of the rejected batch was remembered: not its ids, not the car's progress.
        assertThat(validator.acceptAll(List.of(point("51", 1, 1, 30_000), point("51", 1, 2, 70_000), lap("51", 1, 110_000, 110_000L))).accepted())
                .isTrue();
    }

    @Test
    void shouldKeepSessionsApart() {
        validator.accept(start("51"));
        TimingEvent otherSession = new TimingEvent("lap/99/1", "s2", 100_000L, Instant.EPOCH, null,
                new LapCompleted("99", 1, null, List.of(), false, null, null, null, null));

        assertThat(validator.accept(otherSession).accepted()).isTrue();
        assertThat(validator.accept(lap("51", 1, 100_000, null)).accepted()).isTrue();
        validator.forget("s1");
        assertThat(validator.accept(lap("51", 1, 100_000, null)).accepted()).isTrue();
    }

    @Test
    void shouldBeSeededWithEventsAcceptedElsewhere() {
        EventValidator seeded = EventValidator.seededWith(List.of(start("51"), lap("51", 1, 100_000, null)));

        assertThat(seeded.accept(lap("51", 1, 100_000, null)).reason()).startsWith("duplicate of");
        assertThat(seeded.accept(event("rc", 1, new CarRetired("52", null))).reason()).isEqualTo("unknown car 52 (not in the session's entry list)");
    }
}
