package org.racetiming.ingest.feed.alkamel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.racetiming.ingest.feed.alkamel.AnalysisCsv.lap;

import java.io.StringReader;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.racetiming.event.Driver;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.Entry;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.PitIn;
import org.racetiming.event.PitOut;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.ingest.feed.FeedFormatException;
import org.racetiming.ingest.feed.FeedOptions;
import org.racetiming.ingest.feed.FeedResult;
import org.racetiming.ingest.feed.SessionTimeline;

class AlKamelCsvReaderTest {

    private static final Instant START = Instant.parse("2023-06-10T14:00:00Z");
    private static final FeedOptions OPTIONS =
            new FeedOptions("lm23", "Le Mans test", SessionType.RACE, 86_400_000L, START);

    private static FeedResult read(AnalysisCsv csv) {
        return AlKamelCsvReader.read(new StringReader(csv.text()), "analysis.csv", OPTIONS);
    }

    private static TimingEvent event(FeedResult result, String id) {
        return result.events().stream().filter(e -> e.getEventId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + id + " in " + ids(result)));
    }

    private static List<String> ids(FeedResult result) {
        return result.events().stream().map(TimingEvent::getEventId).toList();
    }

    @Test
    void shouldStartSessionWithEntryListOfWholeFileKeepingLeadingZeros() {
        FeedResult result = read(AnalysisCsv.format2023()
                .add(lap("007", 1, 1, "1:50.000", "1:50.000").with("TEAM", "Aston Martin Thor Team").with("MANUFACTURER", "Aston Martin")
                        .with("GROUP", ""))
                .add(lap("007", 2, 2, "1:50.000", "3:40.000").with("GROUP", ""))
                .add(lap("7", 3, 1, "1:51.000", "1:51.000").with("DRIVER_NAME", "Kamui KOBAYASHI")));

        TimingEvent first = result.events().get(0);
        assertThat(first.getEventId()).isEqualTo("start");
        assertThat(first.getSessionTimeMs()).isZero();
        SessionStarted start = (SessionStarted) first.getPayload();
        assertThat(start.getName()).isEqualTo("Le Mans test");
        assertThat(start.getSessionType()).isEqualTo(SessionType.RACE);
        assertThat(start.getScheduledDurationMs()).isEqualTo(86_400_000L);
        assertThat(start.getIntermediatePoints()).containsExactly("S1", "S2");
        assertThat(start.getEntries()).extracting(Entry::getCar).containsExactly("007", "7");
        Entry aston = start.getEntries().get(0);
        assertThat(aston.getCarClass()).isEqualTo("HYPERCAR");
        assertThat(aston.getGroup()).isNull();
        assertThat(aston.getTeam()).isEqualTo("Aston Martin Thor Team");
        assertThat(aston.getVehicle()).isEqualTo("Aston Martin");
        assertThat(aston.getDrivers()).extracting(Driver::getSeat, Driver::getName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Driver 007-1"), org.assertj.core.groups.Tuple.tuple(2, "Driver 007-2"));
        assertThat(start.getEntries().get(1).getDrivers()).extracting(Driver::getName).containsExactly("Kamui KOBAYASHI");
        assertThat(result.payloads(LapCompleted.class)).extracting(LapCompleted::getCar).containsExactlyInAnyOrder("007", "007", "7");
        assertThat(result.rejected()).isEmpty();
    }

    @Test
    void shouldPlaceSectorCrossingsFromLapStartAndCompleteTheLapAtElapsed() {
        FeedResult result = read(AnalysisCsv.format2023()
                .add(lap("51", 1, 1, "1:50.000", "1:50.000"))
                .add(lap("51", 1, 2, "1:48.500", "3:38.500").with("S1", "29.100").with("S2", "39.900").with("S3", "39.500")));

        TimingEvent s1 = event(result, "tp/51/2/1");
        assertThat(s1.getSessionTimeMs()).isEqualTo(110_000 + 29_100);
        assertThat((TimingPointPassed) s1.getPayload()).isEqualTo(new TimingPointPassed("51", 2, 1, 29_100L));
        TimingEvent s2 = event(result, "tp/51/2/2");
        assertThat(s2.getSessionTimeMs()).isEqualTo(110_000 + 29_100 + 39_900);
        assertThat(((TimingPointPassed) s2.getPayload()).getSectorTimeMs()).isEqualTo(39_900L);

        TimingEvent lap = event(result, "lap/51/2");
        assertThat(lap.getSessionTimeMs()).isEqualTo(218_500);
        assertThat(lap.getSource()).isEqualTo("analysis.csv:3");
        assertThat(lap.getSessionId()).isEqualTo("lm23");
        assertThat(lap.getWallClock()).isEqualTo(START.plusMillis(218_500));
        LapCompleted completed = (LapCompleted) lap.getPayload();
        assertThat(completed.getLap()).isEqualTo(2);
        assertThat(completed.getLapTimeMs()).isEqualTo(108_500L);
        assertThat(completed.getSectorTimesMs()).containsExactly(29_100L, 39_900L, 39_500L);
        assertThat(completed.getCrossedInPit()).isFalse();
        assertThat(completed.getDriverSeat()).isEqualTo(1);
        assertThat(completed.getDriverName()).isEqualTo("Driver 51-1");
        assertThat(completed.getKph()).isEqualTo(200.5);
        assertThat(completed.getTopSpeedKph()).isEqualTo(310.2);
    }

    @Test
    void shouldSkipCrossingsWhoseTimeCannotBeComputedWithoutInventingThem() {
        FeedResult result = read(AnalysisCsv.format2023()
                .add(lap("51", 1, 1, "1:50.000", "1:50.000").with("S1", ""))
                .add(lap("51", 1, 2, "1:50.000", "3:40.000").with("S2", "").with("S3", ""))
                .add(lap("51", 1, 3, "", "5:30.000")));

        assertThat(ids(result)).doesNotContain("tp/51/1/1", "tp/51/1/2", "tp/51/2/2", "tp/51/3/1", "tp/51/3/2")
                .contains("tp/51/2/1", "lap/51/1", "lap/51/2", "lap/51/3");
        assertThat(((LapCompleted) event(result, "lap/51/1").getPayload()).getSectorTimesMs()).containsExactly(null, 40_000L, 40_000L);
        assertThat(((LapCompleted) event(result, "lap/51/2").getPayload()).getSectorTimesMs()).containsExactly(30_000L, null, null);
        assertThat(((LapCompleted) event(result, "lap/51/3").getPayload()).getLapTimeMs()).isNull();
        assertThat(result.rejected()).isEmpty();
    }

    @Test
    void shouldReadTheOlderTwentyFiveColumnFormatWithoutTrackStatusAndSeatsCountedFromZero() {
        FeedResult result = read(AnalysisCsv.format2016()
                .add(lap("1", 0, 1, "1:29.600", "1:29.600").with("S1", "30.705").with("S2", "36.247").with("S3", "22.648"))
                .add(lap("1", 1, 2, "1:28.258", "2:57.858").with("S1", "31.187").with("S2", "34.932").with("S3", "22.139")));

        assertThat(result.rejected()).isEmpty();
        assertThat(result.payloads(LapCompleted.class)).extracting(LapCompleted::getLap).containsExactly(1, 2);
        assertThat(result.payloads(LapCompleted.class)).extracting(LapCompleted::getDriverSeat).containsExactly(1, 2);
        assertThat(result.count(TrackStatusChanged.class)).isZero();
        assertThat(event(result, "tp/1/2/2").getSessionTimeMs()).isEqualTo(89_600 + 31_187 + 34_932);
    }

    @Test
    void shouldMapColumnsByNameIgnoringUnknownOnesAndMissingTrailingSemicolon() {
        String text = "NUMBER;EXTRA;ELAPSED;LAP_NUMBER;LAP_TIME;S1;S2;S3;DRIVER_NAME;CLASS\n"
                + "51;x;1:50.000;1;1:50.000;30.000;40.000;40.000;Alessandro PIER GUIDI;HYPERCAR\n"
                + "51;y;3:40.000;2;1:50.000;30.000;40.000;40.000;Alessandro PIER GUIDI;HYPERCAR;\n";

        FeedResult result = AlKamelCsvReader.read(new StringReader(text), "mini.csv", OPTIONS);

        assertThat(result.rejected()).isEmpty();
        assertThat(ids(result)).contains("lap/51/1", "lap/51/2", "tp/51/2/2");
        assertThat(event(result, "lap/51/2").getSource()).isEqualTo("mini.csv:3");
    }

    @Test
    void shouldEmitPitInAfterTheInLapAndPitOutAndDriverChangeOnTheOutLap() {
        FeedResult result = read(AnalysisCsv.format2023()
                .add(lap("51", 1, 1, "1:50.000", "1:50.000"))
                .add(lap("51", 1, 2, "2:10.000", "4:00.000").with("CROSSING_FINISH_LINE_IN_PIT", "B").with("S3", "1:00.000"))
                .add(lap("51", 2, 3, "2:30.000", "6:30.000").with("PIT_TIME", "25.000").with("S1", "50.000").with("S3", "1:00.000"))
                .add(lap("51", 2, 4, "1:50.000", "8:20.000")));

        TimingEvent lap2 = event(result, "lap/51/2");
        TimingEvent pitIn = event(result, "pit-in/51/2");
        assertThat(pitIn.getSessionTimeMs()).isEqualTo(240_000);
        assertThat((PitIn) pitIn.getPayload()).isEqualTo(new PitIn("51", 2));
        assertThat(result.events().indexOf(pitIn)).isEqualTo(result.events().indexOf(lap2) + 1);
        assertThat(((LapCompleted) lap2.getPayload()).getCrossedInPit()).isTrue();

        TimingEvent pitOut = event(result, "pit-out/51/3");
        assertThat(pitOut.getSessionTimeMs()).isEqualTo(240_000 + 25_000);
        assertThat((PitOut) pitOut.getPayload()).isEqualTo(new PitOut("51", 3, 25_000L));
        TimingEvent driver = event(result, "driver/51/3");
        assertThat(driver.getSessionTimeMs()).isEqualTo(pitOut.getSessionTimeMs());
        assertThat((DriverChanged) driver.getPayload()).isEqualTo(new DriverChanged("51", 2, "Driver 51-2"));
        assertThat(result.events().indexOf(driver)).isLessThan(result.events().indexOf(pitOut));
        assertThat(result.count(DriverChanged.class)).isEqualTo(1);
        assertThat(result.count(PitOut.class)).isEqualTo(1);
        assertThat(result.count(PitIn.class)).isEqualTo(1);
    }

    @Test
    void shouldLeaveThePitsNoLaterThanTheFirstCrossingOfTheOutLap() {
        FeedResult result = read(AnalysisCsv.format2023()
                .add(lap("51", 1, 1, "2:00.000", "2:00.000").with("CROSSING_FINISH_LINE_IN_PIT", "B"))
                .add(lap("51", 1, 2, "2:00.000", "4:00.000").with("PIT_TIME", "45.000").with("S1", "40.000").with("S2", "40.000")));

        assertThat(event(result, "pit-out/51/2").getSessionTimeMs()).isEqualTo(120_000 + 40_000);
        assertThat(ids(result).indexOf("pit-out/51/2")).isLessThan(ids(result).indexOf("tp/51/2/1"));
    }

    @Test
    void shouldChangeDriverAtLapStartWhenNoPitTimeIsGiven() {
        FeedResult result = read(AnalysisCsv.format2023()
                .add(lap("51", 1, 1, "1:50.000", "1:50.000"))
                .add(lap("51", 3, 2, "1:50.000", "3:40.000")));

        TimingEvent driver = event(result, "driver/51/2");
        assertThat(driver.getSessionTimeMs()).isEqualTo(110_000);
        assertThat(((DriverChanged) driver.getPayload()).getDriverSeat()).isEqualTo(3);
        assertThat(result.count(PitOut.class)).isZero();
    }

    @Test
    void shouldTurnFlagChangesIntoTrackStatusInElapsedOrderUntilTheFirstChequeredFlag() {
        FeedResult result = read(AnalysisCsv.format2023()
                .add(lap("8", 1, 1, "1:51.000", "1:51.000").with("FLAG_AT_FL", "SF"))
                .add(lap("8", 1, 2, "1:51.000", "3:42.000").with("FLAG_AT_FL", "FCY"))
                .add(lap("8", 1, 3, "1:51.000", "5:33.000").with("FLAG_AT_FL", "FF"))
                .add(lap("8", 1, 4, "1:51.000", "7:24.000").with("FLAG_AT_FL", "GF"))
                .add(lap("51", 1, 1, "1:50.000", "1:50.000").with("FLAG_AT_FL", "SF"))
                .add(lap("51", 1, 2, "1:50.000", "3:40.000").with("FLAG_AT_FL", "GF"))
                .add(lap("51", 1, 3, "1:50.000", "5:30.000").with("FLAG_AT_FL", "FF"))
                .add(lap("51", 1, 4, "1:50.000", "7:20.000").with("FLAG_AT_FL", "RF")));

        assertThat(result.events().stream().filter(e -> e.getPayload() instanceof TrackStatusChanged)
                .map(e -> e.getSessionTimeMs() + " " + ((TrackStatusChanged) e.getPayload()).getStatus()))
                .containsExactly("110000 SAFETY_CAR", "220000 GREEN", "222000 FULL_COURSE_YELLOW", "330000 CHEQUERED");
        TimingEvent green = event(result, "track/220000/GREEN");
        assertThat(green.getSource()).isEqualTo("analysis.csv:7");
        assertThat((TrackStatusChanged) green.getPayload()).isEqualTo(new TrackStatusChanged(TrackStatus.GREEN, null, true));
        assertThat(ids(result).indexOf("track/220000/GREEN")).isLessThan(ids(result).indexOf("lap/51/2"));
        assertThat(ids(result).indexOf("track/220000/GREEN")).isGreaterThan(ids(result).indexOf("tp/51/2/2"));
    }

    @Test
    void shouldKeepEventsInSessionTimeOrderAcrossCars() {
        FeedResult result = read(AnalysisCsv.format2023()
                .add(lap("8", 1, 1, "1:51.000", "1:51.000"))
                .add(lap("8", 1, 2, "1:51.000", "3:42.000"))
                .add(lap("51", 1, 1, "1:50.000", "1:50.000"))
                .add(lap("51", 1, 2, "1:50.000", "3:40.000")));

        assertThat(result.events()).isSortedAccordingTo(SessionTimeline.ORDER);
        assertThat(result.events().get(0).getPayload()).isInstanceOf(SessionStarted.class);
        assertThat(ids(result).indexOf("lap/51/1")).isLessThan(ids(result).indexOf("lap/8/1"));
    }

    @Test
    void shouldGiveTheSameEventIdsOnEveryReadAndNoIdTwice() {
        AnalysisCsv csv = AnalysisCsv.format2023()
                .add(lap("51", 1, 1, "1:50.000", "1:50.000"))
                .add(lap("51", 1, 2, "2:10.000", "4:00.000").with("CROSSING_FINISH_LINE_IN_PIT", "B").with("S3", "1:00.000"))
                .add(lap("51", 2, 3, "2:30.000", "6:30.000").with("PIT_TIME", "25.000").with("S1", "50.000").with("S3", "1:00.000"));

        FeedResult first = read(csv);
        FeedResult second = read(csv);

        assertThat(ids(second)).isEqualTo(ids(first));
        assertThat(second.events()).isEqualTo(first.events());
        assertThat(new HashSet<>(ids(first))).hasSameSizeAs(ids(first));
        assertThat(ids(first)).contains("start", "lap/51/2", "tp/51/3/1", "tp/51/3/2", "pit-in/51/2", "pit-out/51/3",
                "driver/51/3", "track/110000/GREEN");
    }

    @Test
    void shouldRejectAHeaderThatIsNotAnAnalysisFile() {
        assertThatThrownBy(() -> AlKamelCsvReader.read(new StringReader("POSITION;NUMBER;TEAM\n1;51;Ferrari\n"), "classification.csv", OPTIONS))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("classification.csv:1").hasMessageContaining("LAP_NUMBER");
        assertThatThrownBy(() -> AlKamelCsvReader.read(new StringReader(""), "empty.csv", OPTIONS))
                .isInstanceOf(FeedFormatException.class);
    }

    @Test
    void shouldSkipBlankLinesAndKeepLineNumbersRight() {
        AnalysisCsv csv = AnalysisCsv.format2023()
                .add(lap("51", 1, 1, "1:50.000", "1:50.000"))
                .raw("")
                .add(lap("51", 1, 2, "1:50.000", "3:40.000"));

        FeedResult result = read(csv);

        assertThat(result.rejected()).isEmpty();
        assertThat(event(result, "lap/51/2").getSource()).isEqualTo("analysis.csv:4");
    }

    @Test
    void shouldCountEveryKindOfEventFromOneFileExactlyOnce() {
        Set<String> seen = new HashSet<>();
        FeedResult result = read(AnalysisCsv.format2023()
                .add(lap("51", 1, 1, "1:50.000", "1:50.000"))
                .add(lap("51", 1, 2, "1:50.000", "3:40.000")));
        result.events().forEach(e -> assertThat(seen.add(e.getEventId())).as(e.getEventId()).isTrue());
        assertThat(result.count(LapCompleted.class)).isEqualTo(2);
        assertThat(result.count(TimingPointPassed.class)).isEqualTo(4);
        assertThat(result.count(TrackStatusChanged.class)).isEqualTo(1);
        assertThat(result.events()).hasSize(1 + 2 + 4 + 1);
    }
}
