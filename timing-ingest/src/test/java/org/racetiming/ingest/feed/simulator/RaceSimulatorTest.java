package org.racetiming.ingest.feed.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.racetiming.event.Driver;
import org.racetiming.event.Entry;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;

class RaceSimulatorTest {

    @Test
    void shouldEmitTheSameEventsWithTheSameIdsForTheSameConfigAndSeed() {
        List<TimingEvent> first = RaceSimulator.all(SimulatedRaces.DEFAULT);
        List<TimingEvent> second = RaceSimulator.all(SimulatedRaces.DEFAULT);

        assertThat(second).hasSameSizeAs(first);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldRunAnotherRaceForAnotherSeed() {
        List<TimingEvent> seed42 = SimulatedRaces.of(SimulatedRaces.DEFAULT);
        List<TimingEvent> seed43 = RaceSimulator.all(SimulatedRaces.DEFAULT.withSeed(43));

        assertThat(seed43).isNotEqualTo(seed42);
    }

    @ParameterizedTest
    @MethodSource(SimulatedRaces.VARIETY)
    void shouldEmitEventsInSessionTimeOrder(SimulatorConfig config) {
        List<TimingEvent> events = SimulatedRaces.of(config);

        assertThat(events).extracting(TimingEvent::getSessionTimeMs).isSorted();
    }

    @ParameterizedTest
    @MethodSource(SimulatedRaces.VARIETY)
    void shouldGiveEveryEventAUniqueId(SimulatorConfig config) {
        List<TimingEvent> events = SimulatedRaces.of(config);
        Set<String> ids = new HashSet<>();

        assertThat(events).allSatisfy(e -> assertThat(ids.add(e.getEventId())).as(e.getEventId()).isTrue());
    }

    @ParameterizedTest
    @MethodSource(SimulatedRaces.VARIETY)
    void shouldStampEveryEventWithSessionWallClockAndSource(SimulatorConfig config) {
        List<TimingEvent> events = SimulatedRaces.of(config);

        assertThat(events).allSatisfy(e -> {
            assertThat(e.getSessionId()).isEqualTo(config.sessionId());
            assertThat(e.getSource()).isEqualTo("simulator");
            assertThat(e.getWallClock()).isEqualTo(config.start().plusMillis(e.getSessionTimeMs()));
        });
    }

    @Test
    void shouldNameEventsByWhatHappenedWhere() {
        List<String> ids = SimulatedRaces.of(SimulatedRaces.DEFAULT).stream().map(TimingEvent::getEventId).toList();

        assertThat(ids).contains("session", "chequered");
        assertThat(ids).anyMatch(id -> id.matches("lap/\\d+/\\d+"));
        assertThat(ids).anyMatch(id -> id.matches("tp/\\d+/\\d+/[12]"));
        assertThat(ids).anyMatch(id -> id.matches("pit-in/\\d+/\\d+"));
        assertThat(ids).anyMatch(id -> id.matches("pit-out/\\d+/\\d+"));
        assertThat(ids).anyMatch(id -> id.matches("driver/\\d+/\\d+"));
        assertThat(ids).anyMatch(id -> id.matches("retired/\\d+"));
    }

    @ParameterizedTest
    @MethodSource(SimulatedRaces.VARIETY)
    void shouldOpenWithTheEntryListOfThreeClasses(SimulatorConfig config) {
        TimingEvent first = SimulatedRaces.of(config).get(0);

        assertThat(first.getSessionTimeMs()).isZero();
        assertThat(first.getPayload()).isInstanceOf(SessionStarted.class);
        SessionStarted session = (SessionStarted) first.getPayload();
        assertThat(session.getSessionType()).isEqualTo(SessionType.RACE);
        assertThat(session.getScheduledDurationMs()).isEqualTo(config.duration().toMillis());
        assertThat(session.getIntermediatePoints()).containsExactly("S1", "S2");
        assertThat(session.getEntries()).hasSize(config.cars());
        assertThat(session.getEntries()).extracting(Entry::getCar).doesNotHaveDuplicates();
        assertThat(session.getEntries()).extracting(Entry::getCarClass).containsOnly("HYPERCAR", "LMP2", "LMGT3")
                .contains("HYPERCAR", "LMP2", "LMGT3");
        assertThat(session.getEntries()).allSatisfy(entry -> {
            assertThat(entry.getTeam()).isNotBlank();
            assertThat(entry.getVehicle()).isNotBlank();
            assertThat(entry.getDrivers()).hasSizeBetween(2, 3);
            List<Integer> seats = entry.getDrivers().stream().map(Driver::getSeat).toList();
            assertThat(seats).isEqualTo(IntStream.rangeClosed(1, seats.size()).boxed().toList());
        });
        List<String> drivers = session.getEntries().stream()
                .flatMap(e -> e.getDrivers().stream()).map(Driver::getName).toList();
        assertThat(drivers).doesNotHaveDuplicates();
    }

    @Test
    void shouldSplitTheDefaultGridLikeAWecGridWithRaceNumbersAsStrings() {
        SessionStarted session = (SessionStarted) SimulatedRaces.of(SimulatedRaces.DEFAULT).get(0).getPayload();
        Map<String, Long> perClass = session.getEntries().stream()
                .collect(Collectors.groupingBy(Entry::getCarClass, Collectors.counting()));

        assertThat(perClass).containsEntry("HYPERCAR", 18L).containsEntry("LMP2", 11L).containsEntry("LMGT3", 16L);
        // The Aston Martin GT car is 007, a different car from a 7.
        assertThat(session.getEntries()).filteredOn(e -> e.getVehicle().startsWith("Aston Martin Vantage"))
                .extracting(Entry::getCar).contains("007");
    }

    @Test
    void shouldNameTheBronzeDriversOfProAmCarsAndTheirMinimumDriveTime() {
        SessionStarted start = (SessionStarted) SimulatedRaces.of(SimulatedRaces.DEFAULT.withSessionId("sim-8h")
                .withDuration(java.time.Duration.ofHours(8))).get(0).getPayload();

        assertThat(start.getMinimumDriveTimes()).containsExactly(new org.racetiming.event.MinimumDriveTime("BRONZE", 8_400_000L));
        List<Entry> proAm = start.getEntries().stream()
                .filter(e -> e.getCarClass().equals("LMGT3") || "P/A".equals(e.getGroup())).toList();
        assertThat(proAm).isNotEmpty().allSatisfy(e -> assertThat(e.getDrivers()).extracting(Driver::getCategory)
                .containsOnlyOnce("BRONZE"));
        assertThat(start.getEntries()).filteredOn(e -> e.getCarClass().equals("HYPERCAR"))
                .allSatisfy(e -> assertThat(e.getDrivers()).extracting(Driver::getCategory).containsOnlyNulls());
    }

    @Test
    void shouldBeAnIteratorThatEndsWithTheRace() {
        RaceSimulator simulator = new RaceSimulator(SimulatedRaces.DEFAULT.withCars(3));
        List<TimingEvent> events = new ArrayList<>();
        simulator.forEachRemaining(events::add);

        assertThat(simulator.hasNext()).isFalse();
        assertThatThrownBy(simulator::next).isInstanceOf(NoSuchElementException.class);
        assertThat(events).isNotEmpty();
    }
}
