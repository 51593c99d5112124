package org.racetiming.ingest.feed.racecontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.racetiming.event.CarRetired;
import org.racetiming.event.Entry;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.ingest.feed.EventEnvelope;
import org.racetiming.ingest.feed.FeedOptions;
import org.racetiming.ingest.feed.FeedResult;
import org.racetiming.ingest.feed.RejectedRecord;
import org.racetiming.ingest.validation.EventValidator;

class RaceControlReaderTest {

    private static final FeedOptions OPTIONS = FeedOptions.race("wec-test");

    private static FeedResult read(String... lines) {
        return RaceControlReader.read(new StringReader(String.join("\n", lines) + "\n"), "race-control.jsonl", OPTIONS);
    }

    private static List<String> ids(FeedResult result) {
        return result.events().stream().map(TimingEvent::getEventId).toList();
    }

    @Test
    void shouldTurnEveryKindOfDecisionIntoItsEventAtItsSessionTime() {
        FeedResult result = read(
                "{\"at\":\"1:02:03.400\",\"type\":\"SLOW_ZONE_START\",\"zone\":\"12\"}",
                "{\"at\":\"1:03:10.000\",\"type\":\"SLOW_ZONE_END\",\"zone\":\"12\"}",
                "{\"at\":\"2:10:00.000\",\"type\":\"FULL_COURSE_YELLOW\"}",
                "{\"at\":\"2:15:00.000\",\"type\":\"GREEN\"}",
                "{\"at\":\"3:00:00.000\",\"type\":\"SAFETY_CAR\"}",
                "{\"at\":\"3:30:00.000\",\"type\":\"RED\"}",
                "{\"at\":\"4:01:00.000\",\"type\":\"PENALTY\",\"car\":\"31\",\"seconds\":50,\"reason\":\"track limits\"}",
                "{\"at\":\"5:58:50.000\",\"type\":\"RETIREMENT\",\"car\":\"007\",\"reason\":\"accident\"}",
                "{\"at\":\"6:00:00.000\",\"type\":\"CHEQUERED\"}",
                "{\"at\":\"6:10:00.000\",\"type\":\"PENALTY\",\"car\":\"5\",\"laps\":4,\"reason\":\"Stewards decision\"}");

        assertThat(result.rejected()).isEmpty();
        assertThat(ids(result)).containsExactly(
                "rc/SLOW_ZONE_START/3723400/12", "rc/SLOW_ZONE_END/3790000/12", "rc/FULL_COURSE_YELLOW/7800000",
                "rc/GREEN/8100000", "rc/SAFETY_CAR/10800000", "rc/RED/12600000", "rc/PENALTY/14460000/31",
                "rc/RETIREMENT/21530000/007", "rc/CHEQUERED/21600000", "rc/PENALTY/22200000/5");
        assertThat(result.events().get(0).getPayload()).isEqualTo(new TrackStatusChanged(TrackStatus.SLOW_ZONE, "12", true));
        assertThat(result.events().get(1).getPayload()).isEqualTo(new TrackStatusChanged(TrackStatus.SLOW_ZONE, "12", false));
        assertThat(result.payloads(TrackStatusChanged.class)).extracting(TrackStatusChanged::getStatus).containsExactly(
                TrackStatus.SLOW_ZONE, TrackStatus.SLOW_ZONE, TrackStatus.FULL_COURSE_YELLOW, TrackStatus.GREEN,
                TrackStatus.SAFETY_CAR, TrackStatus.RED, TrackStatus.CHEQUERED);
        assertThat(result.payloads(PenaltyApplied.class)).containsExactly(
                new PenaltyApplied("31", 0, 50_000L, "track limits"), new PenaltyApplied("5", 4, 0L, "Stewards decision"));
        assertThat(result.payloads(CarRetired.class)).containsExactly(new CarRetired("007", "accident"));
        TimingEvent retirement = result.events().get(7);
        assertThat(retirement.getSessionTimeMs()).isEqualTo(21_530_000L);
        assertThat(retirement.getSource()).isEqualTo("race-control.jsonl:8");
        assertThat(retirement.getSessionId()).isEqualTo("wec-test");
        assertThat(retirement.getWallClock()).isEqualTo(OPTIONS.sessionStart().plusMillis(21_530_000L));
    }

    @Test
    void shouldEndTheSessionWithAnOptionalReasonUnderTheOneIdOfASessionsEnd() {
        FeedResult result = read(
                "{\"at\":\"6:12:00.000\",\"type\":\"SESSION_END\"}",
                "{\"at\":\"6:13:00.000\",\"type\":\"session_end\",\"reason\":\"results confirmed\"}");

        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("race-control.jsonl:2");
            assertThat(r.reason()).startsWith("duplicate of race-control.jsonl:1");
        });
        TimingEvent end = result.events().get(0);
        assertThat(end.getEventId()).isEqualTo("end");
        assertThat(end.getSessionTimeMs()).isEqualTo(6 * 3_600_000L + 12 * 60_000L);
        assertThat(end.getPayload()).isEqualTo(new SessionEnded(null));
        assertThat(new RaceControlLineParser(OPTIONS).parse("{\"at\":\"6:13:00.000\",\"type\":\"SESSION_END\",\"reason\":\"final\"}", "x")
                .getPayload()).isEqualTo(new SessionEnded("final"));
    }

    @Test
    void shouldTurnFractionalPenaltySecondsIntoExactMilliseconds() {
        FeedResult result = read(
                "{\"at\":\"1:00:00.000\",\"type\":\"PENALTY\",\"car\":\"1\",\"seconds\":5.5}",
                "{\"at\":\"1:00:00.000\",\"type\":\"PENALTY\",\"car\":\"2\",\"seconds\":0.001}",
                "{\"at\":\"1:00:00.000\",\"type\":\"PENALTY\",\"car\":\"3\",\"seconds\":2.675}",
                "{\"at\":\"1:00:00.000\",\"type\":\"PENALTY\",\"car\":\"4\",\"seconds\":1e1,\"laps\":1}");

        assertThat(result.rejected()).isEmpty();
        assertThat(result.payloads(PenaltyApplied.class)).extracting(PenaltyApplied::getTimeMs).containsExactly(5_500L, 1L, 2_675L, 10_000L);
        assertThat(result.payloads(PenaltyApplied.class).get(3).getLaps()).isEqualTo(1);
    }

    @Test
    void shouldSkipBlankLinesIgnoreUnknownFieldsAndSortBySessionTime() {
        FeedResult result = read(
                "\uFEFF{\"at\":\"2:00:00.000\",\"type\":\"green\",\"by\":\"race director\",\"extra\":{\"a\":1}}",
                "",
                "   ",
                "{\"at\":\"1:00:00.000\",\"type\":\"SAFETY_CAR\"}");

        assertThat(result.rejected()).isEmpty();
        assertThat(ids(result)).containsExactly("rc/SAFETY_CAR/3600000", "rc/GREEN/7200000");
        assertThat(result.events().get(0).getSource()).isEqualTo("race-control.jsonl:4");
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                Arguments.of("{\"at\":\"1:00:00.000\",\"type\":\"GREEN\"", "not JSON: "),
                Arguments.of("GREEN at 1:00", "not JSON: "),
                Arguments.of("{\"at\":\"1:00:00.000\",\"type\":\"GREEN\"} {}", "not JSON: "),
                Arguments.of("[1,2]", "not a JSON object"),
                Arguments.of("{\"at\":\"1:00:00.000\",\"type\":\"YELLOW_FLAG\"}", "unknown type 'YELLOW_FLAG' (expected one of SLOW_ZONE_START, "),
                Arguments.of("{\"at\":\"1:00:00.000\"}", "missing type"),
                Arguments.of("{\"type\":\"GREEN\"}", "missing at"),
                Arguments.of("{\"at\":\"soon\",\"type\":\"GREEN\"}", "at 'soon' is not a time"),
                Arguments.of("{\"at\":\"-0:01:00.000\",\"type\":\"GREEN\"}", "at '-0:01:00.000' is not a time"),
                Arguments.of("{\"at\":3600,\"type\":\"GREEN\"}", "at must be a session time text like \"1:02:03.400\", not 3600"),
                Arguments.of("{\"at\":\"1:00:00.000\",\"type\":\"RETIREMENT\"}", "missing car"),
                Arguments.of("{\"at\":\"1:00:00.000\",\"type\":\"RETIREMENT\",\"car\":\" \"}", "missing car"),
                Arguments.of("{\"at\":\"1:00:00.000\",\"type\":\"PENALTY\",\"car\":7,\"seconds\":5}", "car must be a string (race numbers keep leading zeros: \"007\"), not 7"),
                Arguments.of("{\"at\":\"1:00:00.000\",\"type\":\"SLOW_ZONE_START\"}", "missing zone"),
                Arguments.of("{\"at\":\"1:00:00.000\",\"type\":\"PENALTY\",\"car\":\"7\",\"reason\":\"?\"}", "PENALTY needs laps or seconds"),
                Arguments.of("{\"at\":\"1:00:00.000\",\"type\":\"PENALTY\",\"car\":\"7\",\"laps\":-1}", "laps -1 is negative"),
                Arguments.of("{\"at\":\"1:00:00.000\",\"type\":\"PENALTY\",\"car\":\"7\",\"laps\":1.5}", "laps 1.5 is not a whole number"),
                Arguments.of("{\"at\":\"1:00:00.000\",\"type\":\"PENALTY\",\"car\":\"7\",\"seconds\":-5.5}", "seconds -5.5 is negative"),
                Arguments.of("{\"at\":\"1:00:00.000\",\"type\":\"PENALTY\",\"car\":\"7\",\"seconds\":\"5\"}", "seconds must be a number, not \"5\""),
                Arguments.of("{\"at\":\"1:00:00.000\",\"type\":\"PENALTY\",\"car\":\"7\",\"seconds\":0.0005}", "seconds 0.0005 is finer than a millisecond"),
                Arguments.of("{\"at\":\"1:00:00.000\",\"type\":\"PENALTY\",\"car\":\"7\",\"laps\":0,\"seconds\":0}", "penalty of neither laps nor time"),
                Arguments.of("{\"at\":\"0:30:00.000\",\"type\":\"SAFETY_CAR\"}", "duplicate of race-control.jsonl:1 (track status SAFETY_CAR at 0:30:00.000)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badLines")
    void shouldRejectABadLineWithItsNumberAndReasonAndKeepTheOthers(String badLine, String reasonStart) {
        FeedResult result = read(
                "{\"at\":\"0:30:00.000\",\"type\":\"SAFETY_CAR\"}",
                badLine,
                "{\"at\":\"0:45:00.000\",\"type\":\"GREEN\"}");

        assertThat(result.rejected()).hasSize(1);
        RejectedRecord rejected = result.rejected().get(0);
        assertThat(rejected.source()).isEqualTo("race-control.jsonl:2");
        assertThat(rejected.reason()).startsWith(reasonStart);
        assertThat(rejected.rawText()).isEqualTo(badLine);
        assertThat(ids(result)).containsExactly("rc/SAFETY_CAR/1800000", "rc/GREEN/2700000");
    }

    @Test
    void shouldRejectCarsOutsideTheEntryListWhenTheSessionIsKnown() {
        EventValidator validator = new EventValidator();
        validator.accept(EventEnvelope.wrap(OPTIONS, "start", 0, "analysis.csv", new SessionStarted("test", SessionType.RACE, null,
                List.of("S1", "S2"), List.of(new Entry("7", "HYPERCAR", null, null, null, List.of())), List.of())));

        FeedResult result = RaceControlReader.read(new StringReader(
                "{\"at\":\"1:00:00.000\",\"type\":\"RETIREMENT\",\"car\":\"007\"}\n"
                        + "{\"at\":\"1:00:00.000\",\"type\":\"RETIREMENT\",\"car\":\"7\"}\n"), "rc.jsonl", OPTIONS, validator);

        assertThat(result.rejected()).extracting(RejectedRecord::source, RejectedRecord::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rc.jsonl:1", "unknown car 007 (not in the session's entry list)"));
        assertThat(result.payloads(CarRetired.class)).extracting(CarRetired::getCar).containsExactly("7");
    }

    @Test
    void shouldGiveTheSameIdsOnEveryRead() {
        String[] lines = {
                "{\"at\":\"1:02:03.400\",\"type\":\"SLOW_ZONE_START\",\"zone\":12}",
                "{\"at\":\"4:01:00.000\",\"type\":\"PENALTY\",\"car\":\"31\",\"seconds\":50}"};
        assertThat(ids(read(lines))).isEqualTo(ids(read(lines))).containsExactly("rc/SLOW_ZONE_START/3723400/12", "rc/PENALTY/14460000/31");
        assertThat(read(lines).events()).isEqualTo(read(lines).events());
    }
}
