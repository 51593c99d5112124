package org.racetiming.ingest.feed.alkamel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetiming.ingest.feed.alkamel.AnalysisCsv.lap;

import java.io.StringReader;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.racetiming.event.LapCompleted;
import org.racetiming.ingest.feed.FeedOptions;
import org.racetiming.ingest.feed.FeedResult;
import org.racetiming.ingest.feed.RejectedRecord;

/**
 * Every kind of bad row: rejected with its line, a reason a person understands and the raw text,
 * while every valid row around it still makes its lap.
 */
class AlKamelBadRowsTest {

    private static final FeedOptions OPTIONS = FeedOptions.race("test");

    /** Car 51 laps 1 and 2 are good, then the bad line (line 4), then car 51 lap 3 and car 8 lap 1, also good. */
    private static FeedResult readWithBadLine(String badLine) {
        AnalysisCsv csv = AnalysisCsv.format2023()
                .add(lap("51", 1, 1, "1:50.000", "1:50.000"))
                .add(lap("51", 1, 2, "1:50.000", "3:40.000"))
                .raw(badLine)
                .add(lap("51", 1, 3, "1:50.000", "5:30.000"))
                .add(lap("8", 1, 1, "1:51.000", "1:51.000"));
        return AlKamelCsvReader.read(new StringReader(csv.text()), "analysis.csv", OPTIONS);
    }

    private static String row(UnaryOperator<AnalysisCsv.Row> change) {
        return AnalysisCsv.format2023().line(change.apply(lap("51", 1, 9, "1:50.000", "16:30.000")));
    }

    static Stream<Arguments> badRows() {
        return Stream.of(
                Arguments.of("not CSV at all", "garbage; but not timing", "wrong number of columns: 2 (expected 29)"),
                Arguments.of("too few columns", "51;1;9;1:50.000;0", "wrong number of columns: 5 (expected 29)"),
                Arguments.of("lap time not a time", row(r -> r.with("LAP_TIME", "abc")), "LAP_TIME 'abc' is not a time"),
                Arguments.of("negative sector", row(r -> r.with("S1", "-30.000")), "S1 '-30.000' is not a time"),
                Arguments.of("pit time not a time", row(r -> r.with("PIT_TIME", "1:2:3:4")), "PIT_TIME '1:2:3:4' is not a time"),
                Arguments.of("elapsed not a time", row(r -> r.with("ELAPSED", "16:3O.000")), "ELAPSED '16:3O.000' is not a time"),
                Arguments.of("missing number", row(r -> r.with("NUMBER", " ")), "missing NUMBER"),
                Arguments.of("missing lap number", row(r -> r.with("LAP_NUMBER", "")), "missing LAP_NUMBER"),
                Arguments.of("missing elapsed", row(r -> r.with("ELAPSED", "")), "missing ELAPSED"),
                Arguments.of("lap number not a number", row(r -> r.with("LAP_NUMBER", "nine")), "LAP_NUMBER 'nine' is not a whole number"),
                Arguments.of("lap 0", row(r -> r.with("LAP_NUMBER", "0")), "lap 0 is not a lap (laps count from 1)"),
                Arguments.of("negative lap", row(r -> r.with("LAP_NUMBER", "-2")), "lap -2 is not a lap (laps count from 1)"),
                Arguments.of("lap time 0", row(r -> r.with("LAP_TIME", "0.000").with("S1", "").with("S2", "")), "lap time 0.000 is impossible"),
                Arguments.of("lap longer than the session", row(r -> r.with("ELAPSED", "1:40.000").with("LAP_NUMBER", "1").with("NUMBER", "99")
                        .with("S1", "").with("S2", "")), "lap time 1:50.000 is longer than the session at the crossing (0:01:40.000)"),
                Arguments.of("sectors longer than the lap", row(r -> r.with("S1", "1:00.000").with("S2", "1:00.000")),
                        "S1 + S2 (2:00.000) is longer than LAP_TIME (1:50.000)"),
                Arguments.of("kph not a number", row(r -> r.with("KPH", "fast")), "KPH 'fast' is not a number"),
                Arguments.of("driver number not a number", row(r -> r.with("DRIVER_NUMBER", "A")), "DRIVER_NUMBER 'A' is not a whole number"),
                Arguments.of("unknown pit marker", row(r -> r.with("CROSSING_FINISH_LINE_IN_PIT", "P")),
                        "CROSSING_FINISH_LINE_IN_PIT 'P' is neither B nor empty"),
                Arguments.of("unknown flag", row(r -> r.with("FLAG_AT_FL", "VSC")), "FLAG_AT_FL 'VSC' is not a known flag (GF, FCY, SF, RF, FF)"),
                Arguments.of("duplicate row", AnalysisCsv.format2023().line(lap("51", 1, 2, "1:50.000", "3:40.000")),
                        "duplicate of analysis.csv:3 (car 51 lap 2 point 1)"),
                Arguments.of("same lap again, other times", row(r -> r.with("LAP_NUMBER", "2").with("S1", "").with("S2", "")),
                        "duplicate of analysis.csv:3 (car 51 lap 2)"),
                Arguments.of("lap going backwards", AnalysisCsv.format2023().line(lap("51", 1, 1, "1:50.000", "3:45.000")
                                .with("S1", "").with("S2", "")),
                        "duplicate of analysis.csv:2 (car 51 lap 1)"),
                Arguments.of("crossing before the previous one", row(r -> r.with("ELAPSED", "3:30.000").with("LAP_NUMBER", "3")),
                        "crossing at 0:02:10.000 is before car 51's previous crossing at 0:03:40.000"),
                Arguments.of("elapsed far after the lap start", row(r -> r.with("ELAPSED", "15:03:40.000").with("LAP_NUMBER", "3")),
                        "lap time 1:50.000 would start lap 3 at 15:01:50.000, but car 51 completed lap 2 at 0:03:40.000"),
                Arguments.of("lap starting before the previous lap ended", row(r -> r.with("ELAPSED", "5:00.000").with("LAP_NUMBER", "3")
                                .with("LAP_TIME", "1:50.000").with("S1", "").with("S2", "")),
                        "lap time 1:50.000 would start lap 3 at 0:03:10.000, before car 51's previous finish-line crossing at 0:03:40.000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void shouldRejectABadRowWithItsLineAndReasonAndKeepEveryValidRow(String what, String badLine, String reason) {
        FeedResult result = readWithBadLine(badLine);

        assertThat(result.rejected()).containsExactly(new RejectedRecord("analysis.csv:4", reason, badLine.stripTrailing()));
        // Some bad rows claim lap 3: the real lap 3 after them is still read.
        assertThat(result.payloads(LapCompleted.class).stream().map(l -> l.getCar() + "/" + l.getLap()))
                .containsExactlyInAnyOrder("51/1", "51/2", "51/3", "8/1");
    }

    @org.junit.jupiter.api.Test
    void shouldRejectALapGoingBackwardsThatWasNeverSeenBefore() {
        AnalysisCsv csv = AnalysisCsv.format2023()
                .add(lap("51", 1, 1, "1:50.000", "1:50.000"))
                .add(lap("51", 1, 3, "1:50.000", "3:40.000"))
                .add(lap("51", 1, 2, "1:50.000", "5:30.000"))
                .add(lap("51", 1, 4, "1:50.000", "5:30.000"));

        FeedResult result = AlKamelCsvReader.read(new StringReader(csv.text()), "analysis.csv", OPTIONS);

        assertThat(result.rejected()).extracting(RejectedRecord::source, RejectedRecord::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("analysis.csv:4", "lap 2 point 1 of car 51 goes backwards: it already completed lap 3"));
        assertThat(result.payloads(LapCompleted.class)).extracting(LapCompleted::getLap).containsExactly(1, 3, 4);
    }
}
