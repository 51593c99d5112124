package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.racetiming.event.CarRetired;
import org.racetiming.event.Driver;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.Entry;
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
import org.racetiming.ingest.validation.EventValidator;
import org.racetiming.ingest.validation.Verdict;

/**
 * One verdict per event: a corpus of good and bad events goes through ingest's validator and through the standings
 * (the session the topology holds), after the same session start; each event is accepted by both or rejected by
 * both, with the same reason. So nothing ingest publishes is lost in the standings, and nothing the standings would
 * refuse is published.
 */
class OneVerdictContractTest {

    private static final String SESSION = "contract";

    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("a lap", lap(l -> { })));
        cases.add(Arguments.of("a lap without a time", lap(l -> l.setLapTimeMs(null))));
        cases.add(Arguments.of("a lap time of 0", lap(l -> l.setLapTimeMs(0L))));
        cases.add(Arguments.of("a negative lap time", lap(l -> l.setLapTimeMs(-1L))));
        cases.add(Arguments.of("a lap longer than the session", lap(l -> l.setLapTimeMs(10_000_000L))));
        cases.add(Arguments.of("lap 0", lap(l -> l.setLap(0))));
        cases.add(Arguments.of("a lap no race reaches", lap(l -> l.setLap(2_000_000))));
        cases.add(Arguments.of("a negative sector", lap(l -> l.setSectorTimesMs(new ArrayList<>(List.of(1_000L, -1L))))));
        cases.add(Arguments.of("an unknown car", lap(l -> l.setCar("99"))));
        cases.add(Arguments.of("a late lap (before one already taken)", event("lap/51/1", 100_000, LapCompleted.newBuilder()
                .setCar("51").setLap(1).setLapTimeMs(100_000L).build())));
        cases.add(Arguments.of("a timing point", event("p/51/3/1", 240_000, new TimingPointPassed("51", 3, 1, 30_000L))));
        cases.add(Arguments.of("a timing point the session does not have", event("p/51/3/3", 240_000, new TimingPointPassed("51", 3, 3, null))));
        cases.add(Arguments.of("timing point 0", event("p/51/3/0", 240_000, new TimingPointPassed("51", 3, 0, null))));
        cases.add(Arguments.of("a pit entry", event("pin", 250_000, new PitIn("51", 3))));
        cases.add(Arguments.of("a pit exit with a negative time", event("pout", 260_000, new PitOut("51", 4, -5L))));
        cases.add(Arguments.of("a driver change", event("drv", 260_000, new DriverChanged("51", 2, "Driver Two"))));
        cases.add(Arguments.of("a driver change without a name", event("drv2", 260_000, new DriverChanged("51", 2, " "))));
        cases.add(Arguments.of("a slow zone", event("sz", 270_000, new TrackStatusChanged(TrackStatus.SLOW_ZONE, "12", true))));
        cases.add(Arguments.of("a slow zone without a zone", event("sz2", 270_000, new TrackStatusChanged(TrackStatus.SLOW_ZONE, null, true))));
        cases.add(Arguments.of("the end of green", event("g", 270_000, new TrackStatusChanged(TrackStatus.GREEN, null, false))));
        cases.add(Arguments.of("a retirement", event("ret", 280_000, new CarRetired("8", "accident"))));
        cases.add(Arguments.of("a penalty of nothing", event("pen", 280_000, new PenaltyApplied("51", 0, 0L, null))));
        cases.add(Arguments.of("a negative penalty", event("pen2", 280_000, new PenaltyApplied("51", 0, -10_000L, null))));
        cases.add(Arguments.of("a penalty", event("pen3", 280_000, new PenaltyApplied("51", 1, 0L, "track limits"))));
        cases.add(Arguments.of("the session's end", event("end", 290_000, new SessionEnded(null))));
        cases.add(Arguments.of("a negative session time", TimingEvent.newBuilder(lap(l -> { })).setEventId("neg").setSessionTimeMs(-1).build()));
        cases.add(Arguments.of("a session time past any session", TimingEvent.newBuilder(lap(l -> { })).setEventId("week")
                .setSessionTimeMs(Long.MAX_VALUE - 1).build()));
        cases.add(Arguments.of("an empty entry list", event("start/2", 0, start(List.of()))));
        cases.add(Arguments.of("a car twice in the entry list", event("start/3", 0, start(List.of(entry("7", "LMP2"), entry("7", "LMP2"))))));
        cases.add(Arguments.of("a blank class", event("start/4", 0, start(List.of(entry("7", " "))))));
        cases.add(Arguments.of("a new entry list", event("start/5", 0, start(List.of(entry("51", "HYPERCAR"), entry("8", "HYPERCAR"), entry("7", "LMP2"))))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldGetTheSameVerdictAndReasonAtIngestAndInTheStandings(String what, TimingEvent event) {
        TimingEvent start = event("start", 0, start(List.of(entry("51", "HYPERCAR"), entry("8", "HYPERCAR"))));
        TimingEvent earlier = event("lap/51/2", 200_000, LapCompleted.newBuilder().setCar("51").setLap(2).setLapTimeMs(100_000L).build());
        EventValidator ingest = new EventValidator();
        ingest.accept(start);
        ingest.accept(earlier);
        EventTimeline standings = new EventTimeline(SESSION);
        standings.offer(start);
        standings.offer(earlier);

        Verdict atIngest = ingest.accept(event);
        EventTimeline.Offer inStandings = standings.offer(event);

        assertThat(inStandings.placement() == EventTimeline.Placement.REJECTED).as("rejected in the standings")
                .isEqualTo(atIngest.rejected());
        assertThat(inStandings.reason()).as("the reason").isEqualTo(atIngest.reason());
    }

    private static TimingEvent lap(Consumer<LapCompleted> change) {
        LapCompleted lap = LapCompleted.newBuilder().setCar("51").setLap(3).setLapTimeMs(100_000L)
                .setSectorTimesMs(new ArrayList<>(List.of(30_000L, 35_000L, 35_000L))).build();
        change.accept(lap);
        return event("lap/51/3", 300_000, lap);
    }

    private static SessionStarted start(List<Entry> entries) {
        return SessionStarted.newBuilder().setName("Contract race").setSessionType(SessionType.RACE)
                .setScheduledDurationMs(6 * 3_600_000L).setIntermediatePoints(List.of("S1", "S2")).setEntries(entries)
                .setMinimumDriveTimes(List.of(new MinimumDriveTime("BRONZE", 3_600_000L))).build();
    }

    private static Entry entry(String car, String carClass) {
        return Entry.newBuilder().setCar(car).setCarClass(carClass)
                .setDrivers(List.of(new Driver(1, "Driver One", "BRONZE"))).build();
    }

    private static TimingEvent event(String id, long atMs, Object payload) {
        return TimingEvent.newBuilder().setEventId(id).setSessionId(SESSION).setSessionTimeMs(atMs)
                .setWallClock(Instant.ofEpochMilli(1_700_000_000_000L + atMs)).setSource("contract").setPayload(payload).build();
    }
}
