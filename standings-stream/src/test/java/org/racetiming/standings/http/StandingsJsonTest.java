package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.racetiming.event.TrackStatus;
import org.racetiming.output.CarStanding;
import org.racetiming.output.DriverTime;
import org.racetiming.output.Gap;
import org.racetiming.output.NotableEvent;
import org.racetiming.output.RaceControlMessage;
import org.racetiming.output.Standings;
import org.racetiming.output.TrackStatusState;
import org.racetiming.standings.rules.Notable;

/** Avro output records as the JSON screens and scripts read. */
class StandingsJsonTest {

    private final StandingsJson json = new StandingsJson();

    @Test
    void shouldWriteAGapInLapsAsLapsAndText() {
        assertThat(json.write(json.gap(Gap.newBuilder().setLaps(1).setTimeMs(0).build())))
                .isEqualTo("{\"laps\":1,\"text\":\"1 Lap\"}");
        assertThat(json.write(json.gap(Gap.newBuilder().setLaps(3).setTimeMs(0).build())))
                .isEqualTo("{\"laps\":3,\"text\":\"3 Laps\"}");
    }

    @Test
    void shouldWriteATimeGapAsMillisecondsAndText() {
        assertThat(json.write(json.gap(Gap.newBuilder().setLaps(0).setTimeMs(12_600).build())))
                .isEqualTo("{\"ms\":12600,\"text\":\"12.600\"}");
        assertThat(json.write(json.gap(Gap.newBuilder().setLaps(0).setTimeMs(136_841).build())))
                .isEqualTo("{\"ms\":136841,\"text\":\"2:16.841\"}");
    }

    @Test
    void shouldWriteNoGapAsNull() {
        assertThat(json.gap(null).isNull()).isTrue();
    }

    @Test
    void shouldGiveEveryTimeOfACarInMillisecondsAndAsText() {
        CarStanding car = CarStanding.newBuilder().setCar("51").setCarClass("HYPERCAR").setPosition(1).setClassPosition(1)
                .setStatus("Running").setLaps(216).setLastPassedMs(57_587_000L).setTotalTimeMs(57_587_000L)
                .setLastLapMs(211_804L).setBestLapMs(205_000L).setBestLapNumber(12)
                .setLastSectorsMs(Arrays.asList(33_000L, null, 95_000L)).setBestSectorsMs(List.of(32_500L, 80_000L, 94_000L))
                .setLastPitLaneMs(75_500L).setStintTimeMs(3_600_000L)
                .setDriverTimes(List.of(DriverTime.newBuilder().setDriverName("A. Driver").setTimeMs(7_200_000L).build()))
                .build();

        JsonNode node = json.car(car);

        assertThat(node.get("lastLapMs").asLong()).isEqualTo(211_804);
        assertThat(node.get("lastLap").asText()).isEqualTo("3:31.804");
        assertThat(node.get("totalTime").asText()).isEqualTo("15:59:47.000");
        assertThat(node.get("lastSectors").get(0).get("text").asText()).isEqualTo("33.000");
        assertThat(node.get("lastSectors").get(1).isNull()).as("a missing sector stays missing").isTrue();
        assertThat(node.get("lastPitLane").asText()).isEqualTo("1:15.500");
        assertThat(node.get("stintTime").asText()).isEqualTo("1:00:00.000");
        assertThat(node.get("driverTimes").get(0).get("text").asText()).isEqualTo("2:00:00.000");
        assertThat(node.get("gapFirst").isNull()).isTrue();
        assertThat(node.get("lastLapPersonalBest").asBoolean()).isFalse();
    }

    @Test
    void shouldWriteTheTrackStatusWithItsZones() {
        TrackStatusState track = TrackStatusState.newBuilder().setSessionId("s").setSessionTimeMs(3_723_400L)
                .setStatus(TrackStatus.SLOW_ZONE).setActiveSlowZones(List.of("12", "3")).setActiveYellowZones(List.of())
                .setChequeredAtMs(null).build();

        JsonNode node = json.trackStatus(track);

        assertThat(node.get("status").asText()).isEqualTo("SLOW_ZONE");
        assertThat(node.get("sessionTime").asText()).isEqualTo("1:02:03.400");
        assertThat(node.get("activeSlowZones")).extracting(JsonNode::asText).containsExactly("12", "3");
        assertThat(node.get("chequeredAt").isNull()).isTrue();
    }

    @Test
    void shouldGiveACommentatorTimeRemainingTheFinishAsTheClockAndWhoIsShortOfTheMinimumDriveTime() {
        CarStanding car = CarStanding.newBuilder().setCar("91").setCarClass("LMGT3").setPosition(1).setClassPosition(1)
                .setStatus("Stopped").setState(org.racetiming.output.CarState.STOPPED).setStoppedSinceMs(7_000_000L)
                .setDriverTimes(List.of(
                        DriverTime.newBuilder().setDriverName("Bronze").setCategory("BRONZE").setTimeMs(8_000_000L)
                                .setMinimumMs(8_400_000L).build(),
                        DriverTime.newBuilder().setDriverName("Gold").setCategory("GOLD").setTimeMs(9_000_000L).build()))
                .build();
        Standings running = Standings.newBuilder().setSessionId("s").setSessionTimeMs(27_000_000L)
                .setScheduledDurationMs(28_800_000L).setCars(List.of(car)).build();
        Standings afterPenalty = Standings.newBuilder(running).setSessionTimeMs(29_400_000L).setChequered(true)
                .setChequeredAtMs(28_803_000L).build();

        JsonNode live = json.standings(running);
        JsonNode done = json.standings(afterPenalty);

        assertThat(live.get("remaining").asText()).isEqualTo("0:30:00.000");
        assertThat(live.get("clock").asText()).isEqualTo("7:30:00.000");
        assertThat(done.get("remainingMs").asLong()).isZero();
        assertThat(done.get("clock").asText()).as("the clock stops at the flag").isEqualTo("8:00:03.000");
        JsonNode line = live.get("cars").get(0);
        assertThat(line.get("state").asText()).isEqualTo("STOPPED");
        assertThat(line.get("stoppedSince").asText()).isEqualTo("1:56:40.000");
        assertThat(line.get("driverTimes").get(0).get("short").asBoolean()).isTrue();
        assertThat(line.get("driverTimes").get(0).get("minimum").asText()).isEqualTo("2:20:00.000");
        assertThat(line.get("driverTimes").get(1).get("short").asBoolean()).as("no minimum, never short").isFalse();
        assertThat(line.get("driveTimeShort").asBoolean()).as("400 s to make up, 30 min left: still possible").isFalse();
    }

    @Test
    void shouldFlagACarShortOfTheMinimumDriveTimeOnlyOnceItCanNoLongerMeetItOrTookTheFlagShort() {
        CarStanding car = CarStanding.newBuilder().setCar("91").setCarClass("LMGT3").setPosition(1).setClassPosition(1)
                .setStatus("Running").setBestLapMs(120_000L).setDriverTimes(List.of(
                        DriverTime.newBuilder().setDriverName("Bronze").setCategory("BRONZE").setTimeMs(3_600_000L)
                                .setMinimumMs(8_400_000L).build()))
                .build();
        Standings hour5 = Standings.newBuilder().setSessionId("s").setSessionTimeMs(18_000_000L)
                .setScheduledDurationMs(28_800_000L).setCars(List.of(car)).build();
        Standings hour7 = Standings.newBuilder(hour5).setSessionTimeMs(25_200_000L).build();
        CarStanding finishedShort = CarStanding.newBuilder(car).setFinished(true).build();
        Standings flag = Standings.newBuilder(hour5).setSessionTimeMs(28_900_000L).setChequered(true)
                .setCars(List.of(finishedShort)).build();

        assertThat(json.standings(hour5).at("/cars/0/driveTimeShort").asBoolean())
                .as("80 min to make up, 3 h left: the bronze driver is still to drive").isFalse();
        assertThat(json.standings(hour5).at("/cars/0/driverTimes/0/short").asBoolean()).isTrue();
        assertThat(json.standings(hour7).at("/cars/0/driveTimeShort").asBoolean())
                .as("80 min to make up, 60 min and two laps left").isTrue();
        assertThat(json.standings(flag).at("/cars/0/driveTimeShort").asBoolean()).as("took the flag short").isTrue();
    }

    @Test
    void shouldListRaceControlMessagesWithTheirSessionTime() {
        TrackStatusState track = TrackStatusState.newBuilder().setSessionId("s").setSessionTimeMs(4_000_000L)
                .setStatus(TrackStatus.GREEN).setSessionEnded(false).setMessages(List.of(
                        RaceControlMessage.newBuilder().setAtMs(3_723_000L).setKind("PENALTY").setCar("5")
                                .setText("Car 5: drive-through (pit lane speeding)").build()))
                .build();

        JsonNode message = json.trackStatus(track).get("messages").get(0);

        assertThat(message.get("at").asText()).isEqualTo("1:02:03.000");
        assertThat(message.get("kind").asText()).isEqualTo("PENALTY");
        assertThat(message.get("car").asText()).isEqualTo("5");
        assertThat(message.get("text").asText()).contains("drive-through");
    }

    @Test
    void shouldMarkAWithdrawnNotableEventOfTheTopicAndLeaveTheFieldOutOtherwise() {
        NotableEvent lead = NotableEvent.newBuilder().setSessionId("s").setId("400000/LEAD_CHANGE/8/1").setAtMs(400_000)
                .setKind("LEAD_CHANGE").setCar("8").setCarClass("HYPERCAR").setText("#8 takes the lead from #51").build();
        NotableEvent withdrawn = NotableEvent.newBuilder(lead).setWithdrawn(true).build();
        Notable computed = new Notable(400_000, "LEAD_CHANGE", "8", "HYPERCAR", "#8 takes the lead from #51");

        JsonNode sent = json.notable(lead);
        JsonNode taken = json.notable(withdrawn);
        JsonNode listed = json.notables("s", List.of(computed)).get("events").get(0);

        assertThat(sent.has("withdrawn")).isFalse();
        assertThat(taken.get("withdrawn").asBoolean()).isTrue();
        assertThat(taken.get("id").asText()).isEqualTo("400000/LEAD_CHANGE/8/1");
        assertThat(listed.has("withdrawn")).isFalse();
        assertThat(listed.get("id").asText()).isEqualTo(computed.id());
        JsonNode withoutTheMark = taken.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutTheMark).remove("withdrawn");
        assertThat(withoutTheMark).isEqualTo(sent);
    }
}
