package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.event.TrackStatus.CHEQUERED;
import static org.racetiming.event.TrackStatus.FULL_COURSE_YELLOW;
import static org.racetiming.event.TrackStatus.GREEN;
import static org.racetiming.event.TrackStatus.RED;
import static org.racetiming.event.TrackStatus.SAFETY_CAR;
import static org.racetiming.event.TrackStatus.SLOW_ZONE;
import static org.racetiming.event.TrackStatus.YELLOW;
import static org.racetiming.standings.rules.RaceEvents.apply;

import org.junit.jupiter.api.Test;
import org.racetiming.output.TrackStatusState;

class TrackStatusTest {

    private final RaceEvents race = RaceEvents.race().cars("HYPERCAR", "51");

    @Test
    void shouldBeGreenAtTheStart() {
        TrackStatusState state = race.session().trackStatus();

        assertThat(state.getStatus()).isEqualTo(GREEN);
        assertThat(state.getActiveSlowZones()).isEmpty();
        assertThat(state.getChequeredAtMs()).isNull();
        assertThat(new RaceSession("empty").trackStatus().getStatus()).isEqualTo(GREEN);
    }

    @Test
    void shouldKeepSeveralSlowZonesByIdAndEndThemOneByOne() {
        RaceSession session = race.session();
        apply(session,
                race.zone(SLOW_ZONE, "12", true, "1:02:03.400"),
                race.zone(SLOW_ZONE, "3", true, "1:02:30.000"),
                race.zone(SLOW_ZONE, "12", false, "1:03:10.000"));

        assertThat(session.trackStatus().getStatus()).isEqualTo(SLOW_ZONE);
        assertThat(session.trackStatus().getActiveSlowZones()).containsExactly("3");

        apply(session, race.zone(SLOW_ZONE, "3", false, "1:04:00.000"));

        assertThat(session.trackStatus().getStatus()).isEqualTo(GREEN);
    }

    @Test
    void shouldShowTheHighestPriorityConditionWhenSeveralApply() {
        RaceSession session = race.session();

        apply(session, race.zone(YELLOW, "7", true, "10:00.000"));
        assertThat(session.trackStatus().getStatus()).isEqualTo(YELLOW);
        apply(session, race.zone(SLOW_ZONE, "12", true, "10:01.000"));
        assertThat(session.trackStatus().getStatus()).isEqualTo(SLOW_ZONE);
        apply(session, race.status(FULL_COURSE_YELLOW, "10:02.000"));
        assertThat(session.trackStatus().getStatus()).isEqualTo(FULL_COURSE_YELLOW);
        apply(session, race.status(SAFETY_CAR, "10:03.000"));
        assertThat(session.trackStatus().getStatus()).isEqualTo(SAFETY_CAR);
        apply(session, race.status(RED, "10:04.000"));
        assertThat(session.trackStatus().getStatus()).isEqualTo(RED);
        apply(session, race.status(FULL_COURSE_YELLOW, "10:05.000"));
        assertThat(session.trackStatus().getStatus()).as("a lower condition does not hide a red flag")
                .isEqualTo(RED);
    }

    @Test
    void shouldEndFullCourseYellowSafetyCarAndRedOnGreenButNotSlowZonesOrYellows() {
        RaceSession session = race.session();
        apply(session,
                race.zone(SLOW_ZONE, "12", true, "10:00.000"),
                race.zone(YELLOW, "4", true, "10:00.500"),
                race.status(FULL_COURSE_YELLOW, "10:01.000"),
                race.status(SAFETY_CAR, "10:02.000"),
                race.status(RED, "10:03.000"),
                race.status(GREEN, "30:00.000"));

        assertThat(session.trackStatus().getStatus()).isEqualTo(SLOW_ZONE);
        assertThat(session.trackStatus().getActiveYellowZones()).containsExactly("4");
    }

    @Test
    void shouldEndOneConditionWhenItIsSwitchedOff() {
        RaceSession session = race.session();
        apply(session, race.status(FULL_COURSE_YELLOW, "10:00.000"), race.status(SAFETY_CAR, "10:30.000"));
        apply(session, race.zone(SAFETY_CAR, null, false, "20:00.000"));

        assertThat(session.trackStatus().getStatus()).isEqualTo(FULL_COURSE_YELLOW);
    }

    @Test
    void shouldShowChequeredOnceTheFlagHasFallen() {
        RaceSession session = race.session();
        apply(session, race.status(SAFETY_CAR, "5:59:00.000"), race.status(CHEQUERED, "6:00:00.000"));

        assertThat(session.trackStatus().getStatus()).isEqualTo(CHEQUERED);
        assertThat(session.trackStatus().getChequeredAtMs()).isEqualTo(RaceEvents.ms("6:00:00.000"));
        assertThat(session.overall().getTrackStatus()).isEqualTo(CHEQUERED);
    }

    @Test
    void shouldRejectZoneConditionsWithoutAZoneAndIgnoreEndsOfZonesNotActive() {
        RaceSession session = race.session();

        assertThat(session.apply(race.zone(SLOW_ZONE, null, true, "1:00.000")).reason())
                .isEqualTo("missing zone for SLOW_ZONE");
        ApplyResult endOfNothing = session.apply(race.zone(SLOW_ZONE, "9", false, "1:00.000"));
        assertThat(endOfNothing.kind()).as("valid, but changes nothing where it stands").isEqualTo(ApplyResult.Kind.IGNORED);
        assertThat(endOfNothing.reason()).isEqualTo("no active slow zone '9' to end");
        assertThat(session.apply(race.zone(CHEQUERED, null, false, "1:00.000")).reason())
                .isEqualTo("the chequered flag cannot be withdrawn");
    }
}
