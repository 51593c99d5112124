package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.racetiming.event.TrackStatus;

/** The query endpoints over real HTTP, answered from the real topology's store (in a test driver). */
class StandingsApiTest {

    private static final SessionEvents RACE = new SessionEvents("race-1");
    private static final SessionEvents OTHER = new SessionEvents("race-2");

    private static DrivenStandings standings;
    private static LiveUpdates updates;
    private static StandingsHttpServer server;
    private static HttpProbe http;

    @BeforeAll
    static void startServer() {
        standings = new DrivenStandings();
        standings.send(
                RACE.start("51:HYPERCAR", "8:HYPERCAR", "7:HYPERCAR", "31:LMP2", "007:LMGT3"),
                RACE.track(TrackStatus.GREEN, "0:00:00.000"),
                RACE.lap("51", 1, "3:30.000", "3:30.000"),
                RACE.lap("8", 1, "3:42.600", "3:42.600"),
                RACE.lap("7", 1, "3:50.000", "3:50.000"),
                RACE.lap("31", 1, "3:55.000", "3:55.000"),
                RACE.lap("007", 1, "4:10.000", "4:10.000"),
                RACE.lap("51", 2, "7:00.000", "3:30.000"),
                RACE.lap("8", 2, "7:12.000", "3:29.400"),
                RACE.track(TrackStatus.FULL_COURSE_YELLOW, "8:00.000"),
                RACE.lap("51", 3, "10:30.000", "3:30.000"),
                RACE.lap("31", 2, "10:40.000", "6:45.000"),
                OTHER.start("1:LMP2", "2:LMP2"));
        updates = new LiveUpdates(Duration.ofSeconds(30));
        server = TestServers.lone(standings.queries(), updates);
        http = new HttpProbe(server.port());
    }

    @AfterAll
    static void stopServer() {
        server.close();
        updates.close();
        standings.close();
    }

    @Test
    void shouldShowTimeGapWhenCarIsBehindOnLapsButNotLapped() {
        // #8 has 2 laps to #51's 3, but #51 had not yet passed #8's latest point a lap further on when #8 passed it.
        HttpProbe.Response response = http.get("/sessions/race-1/gap?from=8&to=51");

        assertThat(response.status()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("ahead").asText()).isEqualTo("51");
        assertThat(answer.get("behind").asText()).isEqualTo("8");
        assertThat(answer.get("gap").get("ms").asLong()).isEqualTo(12_000);
        assertThat(answer.get("gap").get("text").asText()).isEqualTo("12.000");
        assertThat(answer.get("gap").has("laps")).isFalse();
        assertThat(answer.get("from").get("position").asInt()).isEqualTo(2);
        assertThat(answer.get("from").get("laps").asInt()).isEqualTo(2);
        assertThat(answer.get("to").get("position").asInt()).isEqualTo(1);
        assertThat(answer.get("to").get("laps").asInt()).isEqualTo(3);
        assertThat(answer.get("text").asText()).isEqualTo("#8 is 12.000 behind #51");
    }

    @Test
    void shouldGiveTheGapInLapsWhenTheCarAheadHasLappedIt() {
        JsonNode answer = http.get("/sessions/race-1/gap?from=51&to=31").json();

        assertThat(answer.get("ahead").asText()).isEqualTo("51");
        assertThat(answer.get("behind").asText()).isEqualTo("31");
        assertThat(answer.get("gap").get("laps").asInt()).isEqualTo(1);
        assertThat(answer.get("gap").get("text").asText()).isEqualTo("1 Lap");
        assertThat(answer.get("gap").has("ms")).isFalse();
    }

    @Test
    void shouldAnswerTheGapAsOfAPastSessionTime() {
        JsonNode answer = http.get("/sessions/race-1/gap?from=51&to=8&at=0:05:00.000").json();

        assertThat(answer.get("sessionTime").asText()).isEqualTo("0:04:10.000");
        assertThat(answer.get("gap").get("ms").asLong()).isEqualTo(12_600);
        assertThat(answer.get("from").get("laps").asInt()).isEqualTo(1);
    }

    @Test
    void shouldGiveTheOverallBoardWithTimesInMillisecondsAndAsText() {
        JsonNode board = http.get("/sessions/race-1/standings").json();

        assertThat(board.get("sessionId").asText()).isEqualTo("race-1");
        assertThat(board.get("sessionTimeMs").asLong()).isEqualTo(640_000);
        assertThat(board.get("sessionTime").asText()).isEqualTo("0:10:40.000");
        assertThat(board.get("trackStatus").asText()).isEqualTo("FULL_COURSE_YELLOW");
        assertThat(cars(board)).containsExactly("51", "8", "31", "7", "007");
        assertThat(board.get("classes")).extracting(JsonNode::asText).containsExactly("HYPERCAR", "LMP2", "LMGT3");
        JsonNode leader = board.get("cars").get(0);
        assertThat(leader.get("gapFirst").isNull()).isTrue();
        assertThat(leader.get("laps").asInt()).isEqualTo(3);
        assertThat(leader.get("lastLapMs").asLong()).isEqualTo(210_000);
        assertThat(leader.get("lastLap").asText()).isEqualTo("3:30.000");
        assertThat(leader.get("totalTime").asText()).isEqualTo("0:10:30.000");
        assertThat(leader.get("driver").asText()).isEqualTo("Driver 51");
        JsonNode second = board.get("cars").get(1);
        assertThat(second.get("bestLap").asText()).isEqualTo("3:29.400");
        assertThat(second.get("lastLapPersonalBest").asBoolean()).isTrue();
        assertThat(second.get("lastLapClassBest").asBoolean()).isTrue();
    }

    @Test
    void shouldGiveOneClassBoardWhateverTheCaseOfTheClassName() {
        JsonNode board = http.get("/sessions/race-1/standings?class=lmgt3").json();

        assertThat(board.get("carClass").asText()).isEqualTo("LMGT3");
        assertThat(cars(board)).containsExactly("007");
        assertThat(board.get("cars").get(0).get("classPosition").asInt()).isEqualTo(1);
        assertThat(board.get("cars").get(0).get("position").asInt()).isEqualTo(5);
    }

    @Test
    void shouldGiveTheBoardAsOfAPastSessionTime() {
        JsonNode board = http.get("/sessions/race-1/standings?at=4:00.000").json();

        assertThat(board.get("sessionTime").asText()).isEqualTo("0:03:55.000");
        assertThat(board.get("trackStatus").asText()).isEqualTo("GREEN");
        assertThat(board.get("cars").get(0).get("laps").asInt()).isEqualTo(1);
        assertThat(board.get("cars").get(1).get("gapFirst").get("text").asText()).isEqualTo("12.600");
    }

    @Test
    void shouldTellCarsSevenAndDoubleOhSevenApart() {
        JsonNode gt = http.get("/sessions/race-1/cars/007").json();
        JsonNode hypercar = http.get("/sessions/race-1/cars/7").json();

        assertThat(gt.get("line").get("car").asText()).isEqualTo("007");
        assertThat(gt.get("line").get("carClass").asText()).isEqualTo("LMGT3");
        assertThat(gt.get("carAhead").asText()).isEqualTo("7");
        assertThat(gt.get("classCarAhead").isNull()).isTrue();
        assertThat(hypercar.get("line").get("car").asText()).isEqualTo("7");
        assertThat(hypercar.get("line").get("carClass").asText()).isEqualTo("HYPERCAR");
        // #7 crossed once, at 3:50; #51 has crossed twice since: certainly a lap ahead (DOMAIN.md, revised gap rule).
        assertThat(hypercar.get("line").get("classGapFirst").get("text").asText()).isEqualTo("1 Lap");
    }

    @Test
    void shouldGiveTheTrackStatusNowAndAsOfAPastTime() {
        assertThat(http.get("/sessions/race-1/track-status").json().get("status").asText()).isEqualTo("FULL_COURSE_YELLOW");
        assertThat(http.get("/sessions/race-1/track-status?at=7:59.999").json().get("status").asText()).isEqualTo("GREEN");
    }

    @Test
    void shouldSayTheClassificationIsNotFinalBeforeTheFlag() {
        JsonNode classification = http.get("/sessions/race-1/classification").json();

        assertThat(classification.get("final").asBoolean()).isFalse();
        assertThat(cars(classification)).startsWith("51", "8");
    }

    @Test
    void shouldListTheSessionsThisInstanceHolds() {
        JsonNode sessions = http.get("/sessions").json().get("sessions");

        assertThat(sessions).extracting(s -> s.get("id").asText()).containsExactly("race-1", "race-2");
        assertThat(sessions.get(0).get("cars").asInt()).isEqualTo(5);
        assertThat(sessions.get(0).get("name").asText()).isEqualTo("Race race-1");
        assertThat(sessions.get(1).get("classes")).extracting(JsonNode::asText).containsExactly("LMP2");
    }

    @Test
    void shouldAnswer404WithAClearMessageForAnUnknownSession() {
        HttpProbe.Response response = http.get("/sessions/no-such-race/standings");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("status").asInt()).isEqualTo(404);
        assertThat(response.json().get("message").asText()).contains("no-such-race").contains("GET /sessions");
    }

    @Test
    void shouldAnswer404ForACarNotInTheSession() {
        HttpProbe.Response car = http.get("/sessions/race-1/cars/99");
        HttpProbe.Response gap = http.get("/sessions/race-1/gap?from=51&to=99");

        assertThat(car.status()).isEqualTo(404);
        assertThat(car.json().get("message").asText()).contains("#99");
        assertThat(gap.status()).isEqualTo(404);
        assertThat(gap.json().get("message").asText()).contains("#99");
    }

    @Test
    void shouldAnswer400ForAClassNotInTheSessionNamingItsClasses() {
        HttpProbe.Response response = http.get("/sessions/race-1/standings?class=LMP3");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("LMP3").contains("[HYPERCAR, LMP2, LMGT3]");
    }

    @Test
    void shouldAnswer400ForASessionTimeThatIsNotATime() {
        HttpProbe.Response response = http.get("/sessions/race-1/standings?at=four-pm");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("H:MM:SS.mmm").contains("four-pm");
    }

    @Test
    void shouldAnswer400WhenAGapMissesOneOfItsCars() {
        HttpProbe.Response response = http.get("/sessions/race-1/gap?from=51");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("'to'");
    }

    @Test
    void shouldAnswerAnUnknownPathWithJson404() {
        HttpProbe.Response response = http.get("/no/such/endpoint");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("message").asText()).contains("/no/such/endpoint");
    }

    @Test
    void shouldServeTheLiveTimingPageAtTheRoot() {
        HttpProbe.Response page = http.get("/");
        HttpProbe.Response script = http.get("/app.js");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<title>Live Timing</title>").contains("/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("new EventSource");
    }

    @Test
    void shouldExposeRequestTimesInPrometheusFormat() {
        http.get("/sessions/race-1/track-status");

        HttpProbe.Response metrics = http.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("standings_http_requests_seconds_count{method=\"GET\",route=\"/sessions/{id}/track-status\",status=\"200\"}")
                .contains("standings_event_to_standings_seconds")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void shouldNameTheInstanceThatAnswered() {
        assertThat(http.get("/sessions/race-1/standings").servedBy()).isEqualTo("local");
    }

    @Test
    void shouldListNoOtherInstancesWhenAlone() {
        JsonNode instances = http.get("/instances").json();

        assertThat(instances.get("self").asText()).isEqualTo("local");
        assertThat(instances.get("instances")).isEmpty();
    }

    private static List<String> cars(JsonNode board) {
        List<String> cars = new ArrayList<>();
        board.get("cars").forEach(car -> cars.add(car.get("car").asText()));
        return cars;
    }
}
