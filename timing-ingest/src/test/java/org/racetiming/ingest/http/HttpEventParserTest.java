package org.racetiming.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.racetiming.event.CarRetired;
import org.racetiming.event.Driver;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.MinimumDriveTime;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.PitIn;
import org.racetiming.event.PitOut;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;

class HttpEventParserTest {

    private static final Instant RECEIVED = Instant.parse("2023-06-10T14:00:00Z");
    private final HttpEventParser parser = new HttpEventParser("lm23", "http:req-1", RECEIVED);

    private HttpEventParser.Item read(String json) {
        try {
            List<JsonNode> nodes = HttpEventParser.events(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
            return parser.read(0, nodes.get(0));
        } catch (HttpEventParser.NotJsonException e) {
            throw new AssertionError(e);
        }
    }

    private TimingEvent event(String json) {
        HttpEventParser.Item item = read(json);
        assertThat(item.problems()).as("problems of %s", json).isEmpty();
        return item.event();
    }

    @Test
    void shouldReadALapWithItsSessionTimeSectorsAndDerivedId() {
        TimingEvent event = event("{'type':'LAP_COMPLETED','at':'1:02:03.400','car':'51','lap':12,'lapTime':'3:30.123',"
                + "'sectors':['33.100','1:20.200',null],'inPit':true,'driver':'James CALADO','driverSeat':2,'kph':233.4}");

        assertThat(event.getEventId()).isEqualTo("lap/51/12");
        assertThat(event.getSessionId()).isEqualTo("lm23");
        assertThat(event.getSessionTimeMs()).isEqualTo(3_723_400L);
        assertThat(event.getWallClock()).isEqualTo(RECEIVED);
        assertThat(event.getSource()).isEqualTo("http:req-1");
        assertThat(event.getPayload()).isEqualTo(new LapCompleted("51", 12, 210_123L, Arrays.asList(33_100L, 80_200L, null), true, 2,
                "James CALADO", 233.4, null));
    }

    @Test
    void shouldKeepAGivenEventIdAndWallClock() {
        TimingEvent event = event("{'type':'PIT_IN','at':'2:00:00.000','car':'007','lap':30,'eventId':'feed-991',"
                + "'wallClock':'2025-06-14T18:00:00Z'}");

        assertThat(event.getEventId()).isEqualTo("feed-991");
        assertThat(event.getWallClock()).isEqualTo(Instant.parse("2025-06-14T18:00:00Z"));
        assertThat(event.getPayload()).isEqualTo(new PitIn("007", 30));
    }

    @Test
    void shouldReadEveryTimingType() {
        assertThat(event("{'type':'TIMING_POINT','at':'1:00.000','car':'8','lap':1,'point':2,'sectorTime':'40.500'}").getPayload())
                .isEqualTo(new TimingPointPassed("8", 1, 2, 40_500L));
        assertThat(event("{'type':'PIT_OUT','at':'1:00.000','car':'8','lap':5,'pitTime':'1:05.000'}").getPayload())
                .isEqualTo(new PitOut("8", 5, 65_000L));
        TimingEvent change = event("{'type':'DRIVER_CHANGE','at':'1:00.000','car':'8','lap':5,'driver':'Sébastien BUEMI','driverSeat':1}");
        assertThat(change.getPayload()).isEqualTo(new DriverChanged("8", 1, "Sébastien BUEMI"));
        assertThat(change.getEventId()).isEqualTo("driver/8/5");
    }

    @Test
    void shouldReadASessionStartWithItsEntryList() {
        TimingEvent event = event("{'type':'SESSION_STARTED','name':'Le Mans','scheduledDuration':'24:00:00',"
                + "'intermediatePoints':['S1','S2'],'entries':[{'car':'51','class':'HYPERCAR','group':'H','team':'Ferrari AF Corse',"
                + "'drivers':['Alessandro PIER GUIDI','James CALADO']},{'car':'007','class':'LMGTE AM'}]}");

        assertThat(event.getEventId()).isEqualTo("start");
        assertThat(event.getSessionTimeMs()).isZero();
        SessionStarted start = (SessionStarted) event.getPayload();
        assertThat(start.getSessionType()).isEqualTo(SessionType.RACE);
        assertThat(start.getScheduledDurationMs()).isEqualTo(86_400_000L);
        assertThat(start.getEntries()).extracting(e -> e.getCar()).containsExactly("51", "007");
        assertThat(start.getEntries().get(0).getDrivers()).extracting(d -> d.getSeat() + " " + d.getName())
                .containsExactly("1 Alessandro PIER GUIDI", "2 James CALADO");
    }

    @Test
    void shouldReadDriversWithTheirCategoryAndTheMinimumDriveTimes() {
        TimingEvent event = event("{'type':'SESSION_STARTED','minimumDriveTimes':[{'category':'bronze','minimum':'2:20:00'}],"
                + "'entries':[{'car':'83','class':'LMGT3','drivers':[{'name':'Rui ANDRADE','category':'BRONZE'},'Charlie EASTWOOD',"
                + "{'name':'Tom VAN ROMPUY','seat':4}]}]}");

        SessionStarted start = (SessionStarted) event.getPayload();
        assertThat(start.getMinimumDriveTimes()).containsExactly(new MinimumDriveTime("BRONZE", 8_400_000L));
        assertThat(start.getEntries().get(0).getDrivers()).containsExactly(new Driver(1, "Rui ANDRADE", "BRONZE"),
                new Driver(2, "Charlie EASTWOOD", null), new Driver(4, "Tom VAN ROMPUY", null));
    }

    @Test
    void shouldNameTheFieldOfABadDriverOrMinimum() {
        assertThat(read("{'type':'SESSION_STARTED','minimumDriveTimes':[{'category':'BRONZE'},{'category':'SILVER','minimum':'2h'}],"
                + "'entries':[{'car':'83','class':'LMGT3','drivers':[{'category':'BRONZE'},42,{'name':'A','seat':1}]}]}").problems())
                .extracting(EventProblem::field).containsExactly("entries[0].drivers[0].name", "entries[0].drivers[1]",
                        "entries[0].drivers[2]", "minimumDriveTimes[0].minimum", "minimumDriveTimes[1].minimum");
    }

    @Test
    void shouldReadTheSessionsEndWithTheOneIdOfAnEnd() {
        TimingEvent end = event("{'type':'SESSION_END','at':'6:12:00.000'}");

        assertThat(end.getEventId()).isEqualTo("end");
        assertThat(end.getSessionTimeMs()).isEqualTo(22_320_000L);
        assertThat(end.getPayload()).isEqualTo(new SessionEnded(null));
        assertThat(end.getSource()).isEqualTo("http:req-1");
    }

    @Test
    void shouldGiveAnEventOfAFileItsLineAsSourceAndAWallClockFromItsSessionTime() throws HttpEventParser.NotJsonException {
        HttpEventParser fileParser = new HttpEventParser("lm23", "feed.jsonl", at -> RECEIVED.plusMillis(at));

        TimingEvent pit = fileParser.read(7, HttpEventParser.line("{\"type\":\"PIT_IN\",\"at\":\"1:00.000\",\"car\":\"8\",\"lap\":3}"),
                "feed.jsonl:7").event();

        assertThat(pit.getSource()).isEqualTo("feed.jsonl:7");
        assertThat(pit.getWallClock()).isEqualTo(RECEIVED.plusSeconds(60));
        assertThat(pit.getEventId()).isEqualTo("pit-in/8/3");
    }

    @Test
    void shouldReadRaceControlAsTheJsonLinesAdapterDoes() {
        TimingEvent penalty = event("{'type':'PENALTY','at':'24:10:00.000','car':'5','laps':4,'seconds':5.5,'reason':'stewards'}");
        assertThat(penalty.getPayload()).isEqualTo(new PenaltyApplied("5", 4, 5_500L, "stewards"));
        assertThat(penalty.getEventId()).isEqualTo("rc/PENALTY/87000000/5");
        assertThat(penalty.getWallClock()).isEqualTo(RECEIVED);
        assertThat(event("{'type':'slow_zone_start','at':'1:02:03.400','zone':'12'}").getPayload())
                .isEqualTo(new TrackStatusChanged(TrackStatus.SLOW_ZONE, "12", true));
        assertThat(event("{'type':'RETIREMENT','at':'7:58:50.000','car':'7','reason':'accident'}").getPayload())
                .isEqualTo(new CarRetired("7", "accident"));
        assertThat(event("{'type':'CHEQUERED','at':'24:00:18.099'}").getPayload())
                .isEqualTo(new TrackStatusChanged(TrackStatus.CHEQUERED, null, true));
    }

    @Test
    void shouldReportEveryProblemOfAnEventWithItsField() {
        HttpEventParser.Item item = read("{'type':'LAP_COMPLETED','at':'1:0x:00','lap':'twelve','lapTime':210.1,'inPit':'no'}");

        assertThat(item.ok()).isFalse();
        assertThat(item.problems()).extracting(EventProblem::field, EventProblem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("at", "'1:0x:00' is not a time (H:MM:SS.mmm, M:SS.mmm or S.mmm)"),
                org.assertj.core.groups.Tuple.tuple("car", "missing"),
                org.assertj.core.groups.Tuple.tuple("lap", "must be a whole number, not \"twelve\""),
                org.assertj.core.groups.Tuple.tuple("lapTime", "must be a time text like \"1:02:03.400\", not 210.1"),
                org.assertj.core.groups.Tuple.tuple("inPit", "must be true or false, not \"no\""));
    }

    @Test
    void shouldRefuseANumericCarBecauseRaceNumbersKeepLeadingZeros() {
        assertThat(read("{'type':'PIT_IN','at':'1:00.000','car':7,'lap':3}").problems())
                .extracting(EventProblem::field).containsExactly("car");
    }

    @Test
    void shouldReportBothABadTimeAndTheRaceControlProblemWithTheirFields() {
        assertThat(read("{'type':'PENALTY','at':'soon','car':'5'}").problems()).extracting(EventProblem::field, EventProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("at", "'soon' is not a time (H:MM:SS.mmm, M:SS.mmm or S.mmm)"),
                        org.assertj.core.groups.Tuple.tuple("seconds", "PENALTY needs laps or seconds"));
        assertThat(read("{'type':'RETIREMENT','at':'1:00.000'}").problems()).extracting(EventProblem::field).containsExactly("car");
    }

    @Test
    void shouldNameTheKnownTypesForAnUnknownOne() {
        assertThat(read("{'type':'VIRTUAL_SAFETY_CAR','at':'1:00.000'}").problems()).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("type"))
                .satisfies(p -> assertThat(p.reason()).contains("LAP_COMPLETED", "SLOW_ZONE_START", "PENALTY"));
        assertThat(read("{'at':'1:00.000'}").problems()).extracting(EventProblem::field, EventProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("type", "missing"));
    }

    @Test
    void shouldNameTheFieldOfABadEntry() {
        assertThat(read("{'type':'SESSION_STARTED','entries':[{'car':'51'},{'class':'LMP2'}]}").problems())
                .extracting(EventProblem::field).containsExactly("entries[0].class", "entries[1].car");
    }

    @Test
    void shouldGiveTheLineAndColumnOfBadJson() {
        assertThatThrownBy(() -> HttpEventParser.events("{\"type\":\n \"LAP_COMPLETED\",,}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(HttpEventParser.NotJsonException.class, e -> {
                    assertThat(e.problem().line()).isEqualTo(2);
                    assertThat(e.problem().column()).isEqualTo(18);
                    assertThat(e.problem().reason()).startsWith("not JSON: ");
                });
    }

    @Test
    void shouldTakeAnObjectOrAnArrayButNothingElse() throws HttpEventParser.NotJsonException {
        assertThat(HttpEventParser.events("[{},{}]".getBytes(StandardCharsets.UTF_8))).hasSize(2);
        assertThat(HttpEventParser.events("{}".getBytes(StandardCharsets.UTF_8))).hasSize(1);
        assertThatThrownBy(() -> HttpEventParser.events("42".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("expected a JSON event object or an array");
        assertThatThrownBy(() -> HttpEventParser.events("{\"lap\":1,\"lap\":2}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("Duplicate field 'lap'");
    }
}
